package org.ceusperfusion.ij;

import ij.Executer;
import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.OvalRoi;
import ij.measure.ResultsTable;
import ij.plugin.frame.Recorder;
import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.EventQueue;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Vector;
import org.ceusperfusion.io.LoadOptions;

/**
 * A user with the Recorder open runs {@code Parametric Maps...} or {@code Batch...} from the menu (as
 * ImageJ's {@link Executer} does), changes options in the real dialog, presses OK; the recorded line is then
 * replayed as a macro. Prints {@code recorded=<line>}, {@code run0=} (dialog) and {@code run1=} (replay) with
 * the numbers of each run. Needs a display.
 *
 * <p>Arguments: {@code maps <loop>} or {@code batch <loop> <work folder>}; {@code help <loop>} presses the
 * Help button of the {@code Analyze TIC...} dialog instead and prints the page shown as {@code help=}.
 */
public final class RecordReplayFormsMain {
    private RecordReplayFormsMain() {
    }

    public static void main(String[] args) {
        try {
            new ij.ImageJ(ij.ImageJ.NO_SHOW);
            if (args[0].equals("maps")) {
                maps(Path.of(args[1]));
            } else if (args[0].equals("help")) {
                help(Path.of(args[1]));
            } else {
                batch(Path.of(args[1]), Path.of(args[2]));
            }
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    /** Maps: model gamma, params PE,AUC, bin 4, frame_bin 2, CI on, 2 threads. */
    private static void maps(Path loop) throws Exception {
        ij.Menus.getCommands().put(ParametricMapsPlugin.COMMAND, ParametricMapsPlugin.class.getName());
        Recorder recorder = new Recorder();
        ImagePlus imp = OpenCineLoopPlugin.open(loop, LoadOptions.NONE);
        imp.show();
        IJ.wait(500);
        imp.setRoi(new OvalRoi(40, 27, 40, 30));
        new Executer(ParametricMapsPlugin.COMMAND, imp);
        GenericDialog gd = awaitDialog("CEUS Perfusion: Parametric Maps");
        EventQueue.invokeAndWait(() -> {
            ((Choice) gd.getChoices().get(0)).select("gamma");
            Vector<?> n = gd.getNumericFields();
            ((TextField) n.get(1)).setText("4");      // bin
            ((TextField) n.get(3)).setText("2");      // frame_bin
            ((TextField) n.get(4)).setText("2");      // threads
            ((TextField) gd.getStringFields().get(0)).setText("PE,AUC");
            ((Checkbox) gd.getCheckboxes().get(1)).setState(true);   // ci
        });
        RecordReplayMain.screenshot(gd, "parametric-maps-dialog.png");
        ok(gd);
        String recorded = awaitRecorded(recorder, ParametricMapsPlugin.COMMAND);
        System.out.println("recorded=" + recorded);
        System.out.println("run0=" + mapSums(awaitImage("CEUS maps: " + imp.getTitle(), null)));
        ImagePlus first = WindowManager.getImage("CEUS maps: " + imp.getTitle());
        WindowManager.setCurrentWindow(imp.getWindow());
        imp.setRoi(new OvalRoi(40, 27, 40, 30));
        IJ.runMacro(recorded);
        System.out.println("run1=" + mapSums(awaitImage("CEUS maps: " + imp.getTitle(), first)));
    }

    /** Batch of a folder: model gamma, keep flash frames, no comparison, 1 thread. */
    private static void batch(Path loop, Path work) throws Exception {
        ij.Menus.getCommands().put(BatchPlugin.COMMAND, BatchPlugin.class.getName());
        Path folder = Files.createDirectories(work.resolve("loops"));
        Files.copy(loop, folder.resolve(loop.getFileName()));
        Recorder recorder = new Recorder();
        new Executer(BatchPlugin.COMMAND, null);
        GenericDialog gd = awaitDialog("CEUS Perfusion: Batch");
        Path out0 = work.resolve("out0");
        EventQueue.invokeAndWait(() -> {
            Vector<?> s = gd.getStringFields();
            ((TextField) s.get(0)).setText(folder.toString());            // input
            ((TextField) s.get(1)).setText("tumour=oval:40,27,40,30");    // roi
            ((TextField) s.get(3)).setText(out0.toString());              // output
            ((Choice) gd.getChoices().get(0)).select("gamma");
            ((TextField) gd.getNumericFields().get(2)).setText("1");     // threads
            ((Checkbox) gd.getCheckboxes().get(2)).setState(true);       // keep_flash
            ((Checkbox) gd.getCheckboxes().get(4)).setState(true);       // no_compare
        });
        RecordReplayMain.screenshot(gd, "batch-dialog.png");
        ok(gd);
        String recorded = awaitRecorded(recorder, BatchPlugin.COMMAND);
        System.out.println("recorded=" + recorded);
        awaitFile(out0.resolve("summary.csv"));
        for (int i = 0; i < 600 && ResultsTable.getResultsTable(BatchPlugin.TITLE) == null; i++) {
            Thread.sleep(100);
        }
        System.out.println("run0=" + batchRow());
        Path out1 = work.resolve("out1");
        IJ.runMacro(recorded.replace(out0.toString(), out1.toString()));
        System.out.println("run1=" + batchRow());
        System.out.println("summary0=" + Files.readAllLines(out0.resolve("summary.csv")).size());
        System.out.println("summary1=" + Files.readAllLines(out1.resolve("summary.csv")).size());
    }

    /** Analyze TIC's dialog, its Help button pressed: prints the text of the HTML window that opens. */
    private static void help(Path loop) throws Exception {
        ij.Menus.getCommands().put(AnalyzeTicPlugin.COMMAND, AnalyzeTicPlugin.class.getName());
        ImagePlus imp = OpenCineLoopPlugin.open(loop, LoadOptions.NONE);
        imp.show();
        IJ.wait(500);
        new Executer(AnalyzeTicPlugin.COMMAND, imp);
        GenericDialog gd = awaitDialog("CEUS Perfusion: Analyze TIC");
        // the Help page is modal over the dialog: press the button without waiting for it to close
        EventQueue.invokeLater(() -> gd.actionPerformed(new ActionEvent(gd.getButtons()[3],
                ActionEvent.ACTION_PERFORMED, "Help")));
        for (int i = 0; i < 300; i++) {
            for (Window w : Window.getWindows()) {
                if (w instanceof ij.gui.HTMLDialog h && w.isShowing()) {
                    String[] text = new String[1];
                    EventQueue.invokeAndWait(() -> {
                        javax.swing.JEditorPane pane = find(h.getContentPane());
                        try {
                            text[0] = pane.getDocument().getText(0, pane.getDocument().getLength());
                        } catch (javax.swing.text.BadLocationException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    System.out.println("help=" + text[0].replace('\n', ' '));
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no Help window");
    }

    private static javax.swing.JEditorPane find(java.awt.Container c) {
        for (java.awt.Component k : c.getComponents()) {
            if (k instanceof javax.swing.JEditorPane e) {
                return e;
            }
            if (k instanceof java.awt.Container inner && find(inner) != null) {
                return find(inner);
            }
        }
        return null;
    }

    private static String batchRow() {
        ResultsTable rt = ResultsTable.getResultsTable(BatchPlugin.TITLE);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; rt != null && i < rt.size(); i++) {
            sb.append(rt.getStringValue("status", i));
            for (String c : List.of("PE", "AUC", "TTP", "mTT")) {
                sb.append(';').append(rt.getValue(c, i));
            }
            sb.append('|');
        }
        return sb.toString();
    }

    private static String mapSums(ImagePlus maps) {
        StringBuilder sb = new StringBuilder();
        for (int z = 1; z <= maps.getStackSize(); z++) {
            float[] px = (float[]) maps.getStack().getPixels(z);
            double sum = 0;
            int finite = 0;
            for (float v : px) {
                if (Float.isFinite(v)) {
                    sum += v;
                    finite++;
                }
            }
            sb.append(maps.getStack().getSliceLabel(z)).append('=').append(sum).append('/').append(finite).append(';');
        }
        return sb.toString();
    }

    private static void ok(GenericDialog gd) throws Exception {
        EventQueue.invokeAndWait(() -> gd.actionPerformed(new ActionEvent(gd.getButtons()[0],
                ActionEvent.ACTION_PERFORMED, "OK")));
    }

    private static ImagePlus awaitImage(String title, ImagePlus not) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            for (int id : WindowManager.getIDList() == null ? new int[0] : WindowManager.getIDList()) {
                ImagePlus imp = WindowManager.getImage(id);
                if (imp != null && imp != not && title.equals(imp.getTitle())) {
                    return imp;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no image '" + title + "'");
    }

    private static void awaitFile(Path f) throws InterruptedException {
        for (int i = 0; i < 600 && !Files.exists(f); i++) {
            Thread.sleep(100);
        }
    }

    static GenericDialog awaitDialog(String title) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            for (Window w : Window.getWindows()) {
                if (w instanceof GenericDialog gd && w.isShowing() && title.equals(gd.getTitle())) {
                    return gd;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no dialog '" + title + "'");
    }

    static String awaitRecorded(Recorder recorder, String command) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            String text = recorder.getText();
            int k = text == null ? -1 : text.indexOf("run(\"" + command);
            if (k >= 0 && text.indexOf('\n', k) > k) {
                return text.substring(k, text.indexOf('\n', k));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("nothing recorded: " + recorder.getText());
    }
}
