package org.ceusperfusion.ij;

import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.motion.MotionSettings;

/**
 * The workbench's settings, the same for every exam and saved in the session: dynamic range, linear data,
 * model, motion correction, frame exclusions, flash detection and bootstrap replicates (the options of
 * {@code ceus compare}). Every change is handed to the listener as a whole {@link AnalysisSettings}.
 */
final class WorkbenchSettingsPane extends JPanel {
    private static final long serialVersionUID = 1L;
    private final JSpinner dynamicRange = new JSpinner(new SpinnerNumberModel(40.0, 1.0, 200.0, 1.0));
    private final JCheckBox linear = new JCheckBox("Linear data");
    private final JComboBox<String> model = new JComboBox<>(AnalyzeTicOptions.MODELS.toArray(new String[0]));
    private final JCheckBox motion = new JCheckBox("Motion correction");
    private final JCheckBox keepFlash = new JCheckBox("Keep flash frames");
    private final JTextField exclude = new JTextField(8);
    private final JSpinner bootstrap = new JSpinner(new SpinnerNumberModel(0, 0, 100_000, 100));
    private final transient Consumer<AnalysisSettings> changed;
    private final transient Consumer<String> error;
    private boolean showing;
    private String shownExclusions = "";

    /**
     * @param changed receives the settings after every change
     * @param error   receives a message when the typed exclusions cannot be read
     */
    WorkbenchSettingsPane(Consumer<AnalysisSettings> changed, Consumer<String> error) {
        super(new GridLayout(3, 1, 0, 0));
        this.changed = changed;
        this.error = error;
        setBorder(BorderFactory.createTitledBorder("2  Settings (same for every exam)"));
        ((JSpinner.DefaultEditor) dynamicRange.getEditor()).getTextField().setColumns(4);
        ((JSpinner.DefaultEditor) bootstrap.getEditor()).getTextField().setColumns(5);
        linear.setToolTipText("The grey values are already linear echo power (no log compression to undo)");
        motion.setToolTipText("Estimate in-plane (breathing) motion and let the ROIs follow the tissue");
        keepFlash.setToolTipText("No automatic flash detection: keep frames that look like flashes");
        exclude.setToolTipText("Frames left out of every fit, 1-based, e.g. 10-20,35 (Enter applies)");
        bootstrap.setToolTipText("Residual-bootstrap replicates for the 95 % intervals (0: delta method)");
        add(row(new JLabel("Dynamic range:"), dynamicRange, new JLabel("dB"), linear, new JLabel("Model:"), model));
        add(row(motion, keepFlash));
        add(row(new JLabel("Exclude frames:"), exclude, new JLabel("Bootstrap:"), bootstrap));
        dynamicRange.addChangeListener(e -> fire());
        linear.addActionListener(e -> {
            dynamicRange.setEnabled(!linear.isSelected());
            fire();
        });
        model.addActionListener(e -> fire());
        motion.addActionListener(e -> fire());
        keepFlash.addActionListener(e -> fire());
        bootstrap.addChangeListener(e -> fire());
        exclude.addActionListener(e -> fire());
        exclude.addFocusListener(new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
                if (!exclude.getText().trim().equals(shownExclusions)) {
                    fire();
                }
            }
        });
    }

    private static JPanel row(java.awt.Component... cs) {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 1));
        for (java.awt.Component c : cs) {
            p.add(c);
        }
        return p;
    }

    private void fire() {
        if (showing) {
            return;
        }
        try {
            AnalysisSettings s = settings();
            shownExclusions = exclude.getText().trim();
            changed.accept(s);
        } catch (InputException e) {
            error.accept("Exclude frames: " + e.getMessage());
        }
    }

    /**
     * @return the settings shown
     * @throws InputException when the exclusions cannot be read
     */
    AnalysisSettings settings() {
        MotionSettings m = MotionSettings.defaults().withCorrection(motion.isSelected())
                .withExcludeFrames(exclude.getText()).withFlashDetection(!keepFlash.isSelected());
        int replicates = ((Number) bootstrap.getValue()).intValue();
        return new AnalysisSettings(((Number) dynamicRange.getValue()).doubleValue(), linear.isSelected(),
                (String) model.getSelectedItem(), m)
                .withBootstrap(replicates, AnalysisSettings.DEFAULT_BOOTSTRAP_SEED);
    }

    /** Shows {@code s} without firing changes back. */
    void show(AnalysisSettings s) {
        showing = true;
        try {
            if (!s.linear()) {
                dynamicRange.setValue(s.dynamicRangeDb());
            }
            linear.setSelected(s.linear());
            dynamicRange.setEnabled(!s.linear());
            model.setSelectedItem(s.model());
            motion.setSelected(s.motion().correction());
            keepFlash.setSelected(!s.motion().detectFlashes());
            shownExclusions = s.motion().excludeFrames() == null ? "" : s.motion().excludeFrames();
            exclude.setText(shownExclusions);
            bootstrap.setValue(s.bootstrapReplicates());
        } finally {
            showing = false;
        }
    }
}
