package org.ceusperfusion.ij;

import ij.Executer;
import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.gui.OvalRoi;
import ij.measure.ResultsTable;
import ij.plugin.frame.Recorder;
import java.awt.Choice;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.ceusperfusion.io.LoadOptions;

/**
 * A user with the Recorder open: {@code Analyze TIC...} from the menu (as ImageJ's {@link Executer} runs
 * it), {@code Model} set to {@code gamma} in the dialog, OK; then the recorded line is replayed as a macro.
 * Prints {@code recorded=<line>} and {@code row0=}/{@code row1=} (dialog run, replay) with the model and every
 * perfusion parameter. Needs a display. With {@code -Dceus.screenshots=DIR} it saves the dialog as
 * {@code analyze-tic-dialog.png}.
 */
public final class RecordReplayMain {
    private RecordReplayMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(Path.of(args[0]));
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Path loop) throws Exception {
        new ij.ImageJ(ij.ImageJ.NO_SHOW);
        // as plugins.config would in an installed ImageJ: the menu command runs the plugin class
        ij.Menus.getCommands().put(AnalyzeTicPlugin.COMMAND, AnalyzeTicPlugin.class.getName());
        Recorder recorder = new Recorder();
        ImagePlus imp = OpenCineLoopPlugin.open(loop, LoadOptions.NONE);
        imp.show();
        IJ.wait(500);
        imp.setRoi(new OvalRoi(40, 27, 40, 30));
        new Executer(AnalyzeTicPlugin.COMMAND, imp);
        GenericDialog gd = awaitDialog("CEUS Perfusion: Analyze TIC");
        EventQueue.invokeAndWait(() -> {
            Choice model = (Choice) gd.getChoices().get(0);
            model.select("gamma");
        });
        screenshot(gd);
        EventQueue.invokeAndWait(() -> gd.actionPerformed(new ActionEvent(gd.getButtons()[0],
                ActionEvent.ACTION_PERFORMED, "OK")));
        String recorded = awaitRecorded(recorder);
        System.out.println("recorded=" + recorded);
        // the TIC plot window is now in front: bring the loop back, as the user (and the Recorder's
        // selectWindow line) would, and replay with the ROI drawn again
        ij.WindowManager.setCurrentWindow(imp.getWindow());
        imp.setRoi(new OvalRoi(40, 27, 40, 30));
        IJ.runMacro(recorded);
        ResultsTable rt = ResultsTable.getResultsTable(AnalysisTables.TITLE);
        for (int i = 0; rt != null && i < rt.size(); i++) {
            StringBuilder sb = new StringBuilder(rt.getStringValue("Model", i));
            for (String c : new String[] {"PE", "AUC", "TTP", "mTT", "AUC_lo", "AUC_hi", "R2"}) {
                sb.append(';').append(rt.getValue(c, i));
            }
            System.out.println("row" + i + "=" + sb);
        }
    }

    private static GenericDialog awaitDialog(String title) throws InterruptedException {
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

    private static String awaitRecorded(Recorder recorder) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            String text = recorder.getText();
            int k = text == null ? -1 : text.indexOf("run(\"" + AnalyzeTicPlugin.COMMAND);
            if (k >= 0 && text.indexOf('\n', k) > k) {
                return text.substring(k, text.indexOf('\n', k));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("nothing recorded: " + recorder.getText());
    }

    private static void screenshot(GenericDialog gd) throws Exception {
        screenshot(gd, "analyze-tic-dialog.png");
    }

    /** With {@code -Dceus.screenshots=DIR}, saves {@code gd} as {@code DIR/name}. */
    static void screenshot(GenericDialog gd, String name) throws Exception {
        String dir = System.getProperty("ceus.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        BufferedImage img = new BufferedImage(gd.getWidth(), gd.getHeight(), BufferedImage.TYPE_INT_RGB);
        EventQueue.invokeAndWait(() -> {
            Graphics2D g = img.createGraphics();
            gd.printAll(g);
            g.dispose();
        });
        ImageIO.write(img, "png", Files.createDirectories(Path.of(dir)).resolve(name).toFile());
    }
}
