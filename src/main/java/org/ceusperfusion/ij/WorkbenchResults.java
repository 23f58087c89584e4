package org.ceusperfusion.ij;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.table.DefaultTableModel;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.analysis.RoiRole;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.report.TicChart;
import org.jfree.chart.ChartPanel;

/**
 * The result panes of the workbench: the TIC chart (measured dots and fitted curves of every exam's ROIs,
 * plus the live curve of the ROI being drawn), the parameter table with 95 % CIs and the comparison block.
 */
final class WorkbenchResults {
    private final ChartPanel chart = new ChartPanel(TicChart.create("Time-intensity curves", List.of()));
    private final DefaultTableModel table = new DefaultTableModel() {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTextArea comparison = new JTextArea();
    private final JTable parameters = new JTable(table);

    WorkbenchResults() {
        chart.setPreferredSize(new Dimension(620, 330));
        chart.setMouseWheelEnabled(true);
        comparison.setEditable(false);
        comparison.setLineWrap(true);
        comparison.setWrapStyleWord(true);
        comparison.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        comparison.setText("Compare (Ctrl+Enter) to see the change from baseline and the response.");
    }

    /** @return the chart pane */
    JPanel chartPane() {
        JPanel p = new JPanel(new BorderLayout());
        p.setBorder(BorderFactory.createTitledBorder("3  TICs and fits (live while you draw)"));
        p.add(chart, BorderLayout.CENTER);
        return p;
    }

    /** @return the parameter table and the comparison block side by side */
    JSplitPane tablesPane() {
        JTable t = parameters;
        t.setRowHeight(20);
        t.setFillsViewportHeight(true);
        JScrollPane ts = new JScrollPane(t);
        ts.setBorder(BorderFactory.createTitledBorder("4  Parameters (value [95 % CI])"));
        JScrollPane cs = new JScrollPane(comparison);
        cs.setBorder(BorderFactory.createTitledBorder("5  Comparison and response"));
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, ts, cs);
        split.setResizeWeight(0.6);
        split.setDividerLocation(760);
        split.setPreferredSize(new Dimension(1200, 300));
        return split;
    }

    /**
     * Shows the analyses of the exams, the live preview and the comparison.
     *
     * @param exams        the exams (those with an analysis are drawn)
     * @param preview      the analysis of the ROI being drawn, or {@code null}
     * @param previewLabel the exam the preview belongs to
     * @param c            the comparison, or {@code null}
     */
    void show(List<WorkbenchExam> exams, LoopAnalysis preview, String previewLabel, Comparison c) {
        List<TicChart.Curve> curves = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<RoiAnalysis> rois = new ArrayList<>();
        for (WorkbenchExam e : exams) {
            if (e.analysis() == null) {
                continue;
            }
            for (RoiAnalysis r : e.analysis().rois()) {
                String name = e.label() + ": " + r.name();
                curves.add(TicChart.Curve.of(name, r));
                names.add(name);
                rois.add(r);
            }
        }
        if (preview != null) {
            String name = previewLabel + ": drawing (live)";
            curves.add(TicChart.Curve.of(name, preview.target()));
            names.add(name);
            rois.add(preview.target());
        }
        chart.setChart(TicChart.create("Time-intensity curves", curves));
        fillTable(names, rois);
        if (c != null) {
            comparison.setText(String.join("\n", WorkbenchText.comparison(c)));
            comparison.setCaretPosition(0);
        }
    }

    private void fillTable(List<String> names, List<RoiAnalysis> rois) {
        List<String> cols = new ArrayList<>(List.of("Parameter", "Unit"));
        cols.addAll(names);
        List<Object[]> rows = new ArrayList<>();
        for (PerfusionParameter p : WorkbenchText.SHOWN) {
            Object[] row = new Object[cols.size()];
            row[0] = p.label();
            row[1] = p.unit();
            for (int k = 0; k < rois.size(); k++) {
                row[k + 2] = WorkbenchText.cell(rois.get(k), p);
            }
            rows.add(row);
        }
        Object[] ne = new Object[cols.size()];
        ne[0] = "Non-enhancing";
        ne[1] = "%";
        Object[] area = new Object[cols.size()];
        area[0] = "Area";
        area[1] = "px";
        for (int k = 0; k < rois.size(); k++) {
            RoiAnalysis r = rois.get(k);
            ne[k + 2] = r.role() == RoiRole.TARGET || Double.isFinite(r.nonEnhancingFraction())
                    ? WorkbenchText.nonEnhancing(r) : "—";
            area[k + 2] = Integer.toString(r.areaPx());
        }
        rows.add(ne);
        rows.add(area);
        table.setDataVector(rows.toArray(new Object[0][]), cols.toArray());
        parameters.getColumnModel().getColumn(0).setPreferredWidth(90);
        parameters.getColumnModel().getColumn(1).setPreferredWidth(55);
        for (int k = 2; k < cols.size(); k++) {
            parameters.getColumnModel().getColumn(k).setPreferredWidth(165);
        }
    }

    /** Clears the comparison block (the exams changed). */
    void clearComparison() {
        comparison.setText("Compare (Ctrl+Enter) to see the change from baseline and the response.");
    }

    /** @return the comparison text shown */
    String comparisonText() {
        return comparison.getText();
    }
}
