package org.ceusperfusion.ij;

import java.awt.BorderLayout;
import ij.WindowManager;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.File;
import java.util.List;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.TransferHandler;
import org.ceusperfusion.analysis.AnalysisSettings;

/**
 * The workbench window: exams (1), settings (2), TIC chart (3), parameter table (4), comparison (5), the
 * action buttons with their shortcuts, and the status bar. All behaviour lives in {@link WorkbenchController}.
 */
public final class WorkbenchFrame extends JFrame {
    private static final int MENU = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
    private final WorkbenchController controller;
    private final JTable examTable;
    private final WorkbenchTasks tasks;
    private final WorkbenchSettingsPane settingsPane;

    WorkbenchFrame(WorkbenchController controller, WorkbenchExamTable exams, WorkbenchResults results,
                   WorkbenchTasks tasks) {
        super("CEUS Perfusion Workbench");
        this.controller = controller;
        this.examTable = new JTable(exams);
        this.tasks = tasks;
        this.settingsPane = new WorkbenchSettingsPane(controller::settingsChanged, tasks::error);
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        JPanel left = new JPanel(new BorderLayout(0, 6));
        left.add(examPane(), BorderLayout.CENTER);
        left.add(settingsPane, BorderLayout.SOUTH);
        JSplitPane top = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, results.chartPane());
        top.setResizeWeight(0.5);
        JSplitPane main = new JSplitPane(JSplitPane.VERTICAL_SPLIT, top, results.tablesPane());
        main.setResizeWeight(0.55);
        main.setMinimumSize(new Dimension(200, 200));
        JPanel content = new JPanel(new BorderLayout(0, 4));
        content.add(toolbar(), BorderLayout.NORTH);
        content.add(main, BorderLayout.CENTER);
        content.add(tasks, BorderLayout.SOUTH);
        setContentPane(content);
        content.setTransferHandler(new Drop());
        examTable.setTransferHandler(new Drop());
        bindKeys(content);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                WorkbenchPlacement.remember(getBounds());
            }

            @Override
            public void windowClosed(WindowEvent e) {
                WindowManager.removeWindow(WorkbenchFrame.this);
                controller.closed();
            }
        });
        pack();
        place(top, main);
    }

    /**
     * Fits the window on the usable screen (1366×768 laptops included), or where it was last, and splits
     * the space in proportion: the status bar with its Cancel button is always on screen.
     */
    private void place(JSplitPane top, JSplitPane main) {
        Rectangle screen = GraphicsEnvironment.isHeadless() ? new Rectangle(0, 0, 1280, 900)
                : GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        Rectangle b = WorkbenchPlacement.bounds(1280, 900, screen, WorkbenchPlacement.saved());
        setBounds(b);
        validate();
        top.setDividerLocation((int) (0.56 * b.width));
        main.setDividerLocation((int) (0.5 * (b.height - 120)));
    }

    @Override
    public void setVisible(boolean visible) {
        super.setVisible(visible);
        if (visible) {
            WindowManager.addWindow(this);
        }
    }

    private JPanel toolbar() {
        JPanel p = new JPanel(new GridLayout(1, 0, 4, 0));
        p.setBorder(BorderFactory.createEmptyBorder(4, 4, 0, 4));
        p.add(button("Open loops (Ctrl+O)", "Open baseline and follow-up loops (or drop files on the window)",
                controller::chooseLoops));
        p.add(button("Target ROI (Ctrl+T)", "Use the ROI drawn on the active loop as the exam's target (tumour)",
                () -> controller.useCurrentRoi(true)));
        p.add(button("Reference ROI (Ctrl+R)", "Use the ROI drawn on the active loop as the reference (normal tissue)",
                () -> controller.useCurrentRoi(false)));
        p.add(button("Compare (Ctrl+Enter)", "Analyse every exam and compare them with the baseline",
                controller::compare));
        p.add(button("Export (Ctrl+E)", "Write report.pdf/png, comparison.json/csv and analysis JSON into a folder",
                controller::chooseExport));
        p.add(button("Save session (Ctrl+S)", "Save loops, hashes, ROIs and settings to a session file",
                controller::chooseSaveSession));
        p.add(button("Open session (Ctrl+Shift+O)", "Reopen a saved session", controller::chooseOpenSession));
        p.add(button("Help (F1)", "The workbench guide (shipped with the plugin, works offline)", WorkbenchFrame::help));
        return p;
    }

    private static void help() {
        AboutPlugin.documentation("docs/workbench.md");
    }

    private JPanel examPane() {
        JPanel p = new JPanel(new BorderLayout(0, 4));
        p.setBorder(BorderFactory.createTitledBorder("1  Exams, baseline first (Ctrl+O, or drop loop files here)"));
        examTable.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        examTable.setRowHeight(22);
        examTable.setFillsViewportHeight(true);
        int[] widths = {65, 35, 95, 175, 150, 62, 62, 72};
        for (int k = 0; k < widths.length; k++) {
            examTable.getColumnModel().getColumn(k).setPreferredWidth(widths[k]);
        }
        JScrollPane sp = new JScrollPane(examTable);
        sp.setTransferHandler(new Drop());
        p.add(sp, BorderLayout.CENTER);
        JPanel buttons = new JPanel(new GridLayout(1, 0, 6, 0));
        buttons.add(button("Remove exam", "Remove the selected exam", () -> controller.remove(selectedRow())));
        buttons.add(button("Show loop", "Bring the selected exam's loop to the front", () -> controller.showImage(selectedRow())));
        p.add(buttons, BorderLayout.SOUTH);
        return p;
    }

    /** @return the settings shown */
    AnalysisSettings settings() {
        return settingsPane.settings();
    }

    /** Shows {@code s} without firing changes back. */
    void showSettings(AnalysisSettings s) {
        settingsPane.show(s);
    }

    /** @return the settings pane (tests set its controls as a user would) */
    WorkbenchSettingsPane settingsPane() {
        return settingsPane;
    }

    /** @return the Cancel button of the status bar (tests check it is on screen) */
    JButton cancelButton() {
        return tasks.cancelButton();
    }

    /** @return the exam table (tests type into it as a user would) */
    JTable examTable() {
        return examTable;
    }

    /** @return the selected exam row, or -1 */
    int selectedRow() {
        return examTable.getSelectedRow();
    }

    /** Selects exam row {@code i}. */
    void selectRow(int i) {
        if (i >= 0 && i < examTable.getRowCount()) {
            examTable.setRowSelectionInterval(i, i);
        }
    }

    private void bindKeys(JComponent c) {
        key(c, KeyEvent.VK_O, MENU, "open", controller::chooseLoops);
        key(c, KeyEvent.VK_T, MENU, "target", () -> controller.useCurrentRoi(true));
        key(c, KeyEvent.VK_R, MENU, "reference", () -> controller.useCurrentRoi(false));
        key(c, KeyEvent.VK_ENTER, MENU, "compare", controller::compare);
        key(c, KeyEvent.VK_E, MENU, "export", controller::chooseExport);
        key(c, KeyEvent.VK_S, MENU, "save", controller::chooseSaveSession);
        key(c, KeyEvent.VK_O, MENU | InputEvent.SHIFT_DOWN_MASK, "openSession", controller::chooseOpenSession);
        key(c, KeyEvent.VK_ESCAPE, 0, "cancel", controller::cancel);
        key(c, KeyEvent.VK_F1, 0, "help", WorkbenchFrame::help);
    }

    private static void key(JComponent c, int code, int modifiers, String name, Runnable r) {
        c.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(code, modifiers), name);
        c.getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                r.run();
            }
        });
    }

    private static JButton button(String text, String tip, Runnable r) {
        int open = text.indexOf(" (");
        JButton b = new JButton(open < 0 ? text : "<html><center>" + text.substring(0, open) + "<br><small>"
                + text.substring(open + 2, text.length() - 1) + "</small></center></html>");
        b.setToolTipText(tip);
        b.addActionListener(e -> r.run());
        return b;
    }

    /** Accepts loop files dropped on the window. */
    private final class Drop extends TransferHandler {
        @Override
        public boolean canImport(TransferSupport s) {
            return s.isDataFlavorSupported(DataFlavor.javaFileListFlavor);
        }

        @Override
        @SuppressWarnings("unchecked")
        public boolean importData(TransferSupport s) {
            try {
                List<File> files = (List<File>) s.getTransferable().getTransferData(DataFlavor.javaFileListFlavor);
                controller.addLoops(files.stream().map(File::toPath).toList());
                return true;
            } catch (java.awt.datatransfer.UnsupportedFlavorException | java.io.IOException e) {
                return false;
            }
        }
    }
}
