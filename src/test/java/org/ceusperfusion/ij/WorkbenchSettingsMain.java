package org.ceusperfusion.ij;

import java.awt.Component;
import java.awt.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.swing.JCheckBox;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.JTextField;

/**
 * The workbench's motion, exclusion, flash and bootstrap settings set by hand in a real window: the bundled
 * loops with their tumour ROIs, "Motion correction" and "Keep flash frames" ticked, {@code 5-8,30} typed into
 * "Exclude frames" (Enter), bootstrap 40; then compare, export, save the session, reopen it in a new window
 * and export again. Prints {@code shown=} (the reopened window's settings) and writes {@code status.txt}.
 *
 * <p>Arguments: {@code <test-data> <out>}. Needs a display.
 */
public final class WorkbenchSettingsMain {
    /** What is typed into "Exclude frames". */
    static final String EXCLUSIONS = "5-8,30";
    /** Bootstrap replicates set. */
    static final int REPLICATES = 40;

    private WorkbenchSettingsMain() {
    }

    public static void main(String[] args) {
        StringBuilder status = new StringBuilder();
        try {
            Path data = Path.of(args[0]);
            Path out = Files.createDirectories(Path.of(args[1]));
            run(data, out, status);
            Files.writeString(out.resolve("status.txt"), status.append("done\n").toString());
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Path data, Path out, StringBuilder status) throws Exception {
        WorkbenchController c = Edt.get(WorkbenchController::open);
        Edt.run(() -> c.frame().setBounds(0, 0, 1280, 900));
        Edt.run(() -> c.addLoops(List.of(data.resolve("baseline.dcm"), data.resolve("day14.tif"))));
        WorkbenchGuiMain.await(c, status);
        Edt.run(() -> {
            JTable t = c.frame().examTable();
            t.setValueAt("D14", 1, 0);
            t.setValueAt("14", 1, 1);
        });
        WorkbenchGuiMain.setRoi(c, 0, WorkbenchGuiMain.BASELINE_TARGET, true, status);
        WorkbenchGuiMain.setRoi(c, 1, WorkbenchGuiMain.DAY14_TARGET, true, status);
        Container pane = Edt.get(() -> c.frame().settingsPane());
        Edt.run(() -> find(pane, JCheckBox.class, "Motion correction").doClick());
        WorkbenchGuiMain.await(c, status);
        Edt.run(() -> find(pane, JCheckBox.class, "Keep flash frames").doClick());
        WorkbenchGuiMain.await(c, status);
        Edt.run(() -> {
            JTextField exclude = find(pane, JTextField.class, null);
            exclude.setText(EXCLUSIONS);
            exclude.postActionEvent();
        });
        WorkbenchGuiMain.await(c, status);
        Edt.run(() -> find(pane, JSpinner.class, "bootstrap").setValue(REPLICATES));
        WorkbenchGuiMain.await(c, status);
        Edt.run(c::compare);
        WorkbenchGuiMain.await(c, status);
        Edt.run(() -> c.exportTo(out.resolve("export")));
        WorkbenchGuiMain.await(c, status);
        Edt.run(() -> c.saveSession(out.resolve("session.ceus.json")));

        WorkbenchController reopened = Edt.get(WorkbenchController::open);
        Edt.run(() -> reopened.frame().setBounds(40, 40, 1280, 900));
        Edt.run(() -> reopened.openSession(out.resolve("session.ceus.json")));
        WorkbenchGuiMain.await(reopened, status);
        System.out.println("shown=" + Edt.get(() -> org.ceusperfusion.session.Session.Settings.of(
                reopened.frame().settings())));
        Edt.run(() -> reopened.exportTo(out.resolve("reopened")));
        WorkbenchGuiMain.await(reopened, status);
    }

    /**
     * @return the first component of {@code type} under {@code root} whose text (a check box's) is {@code text},
     *         or for a spinner whose tool tip mentions {@code text}; {@code text == null}: the first of that type
     */
    static <T extends Component> T find(Container root, Class<T> type, String text) {
        for (Component c : root.getComponents()) {
            if (type.isInstance(c) && matches(c, text)) {
                return type.cast(c);
            }
            if (c instanceof Container k && !(c instanceof JSpinner)) {
                T inner = find(k, type, text);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static boolean matches(Component c, String text) {
        if (text == null) {
            return true;
        }
        if (c instanceof JCheckBox b) {
            return text.equals(b.getText());
        }
        String tip = c instanceof javax.swing.JComponent j ? j.getToolTipText() : null;
        return tip != null && tip.toLowerCase(java.util.Locale.ROOT).contains(text);
    }
}
