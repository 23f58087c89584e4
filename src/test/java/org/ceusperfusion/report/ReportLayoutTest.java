package org.ceusperfusion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ComparisonBuilder;
import org.ceusperfusion.compare.ExamInput;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** The report page: regions never overlap, with 2 and 4 exams; the forest plot shows what it should. */
class ReportLayoutTest {
    static Comparison exams(int n) {
        double[] areas = {100, 60, 23, 30};
        List<ExamInput> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new ExamInput(i == 0 ? "baseline" : "D" + (7 * i), 7.0 * i,
                    Fixtures.analysis("e" + i + ".dcm", areas[i], 0.1, 0.05 + 0.15 * i), null, 295.0 + 10 * i,
                    2.0 + 15 * i, new double[] {62, 44 + i}));
        }
        return ComparisonBuilder.compare(list);
    }

    @Test
    void regionsAreDisjointAndOnThePage() {
        for (int n : new int[] {2, 4}) {
            ComparisonReport.Layout l = ComparisonReport.Layout.of(exams(n));
            Rectangle2D page = new Rectangle2D.Double(0, 0, ComparisonReport.WIDTH_PT, ComparisonReport.HEIGHT_PT);
            List<Rectangle2D> all = l.all();
            for (int i = 0; i < all.size(); i++) {
                assertTrue(page.contains(all.get(i)), "region " + i + " off the page");
                for (int j = i + 1; j < all.size(); j++) {
                    assertFalse(all.get(i).intersects(all.get(j)), n + " exams: regions " + i + " and " + j + " overlap");
                }
            }
            double footerTop = ComparisonReport.HEIGHT_PT - 10 - 8.0 * (n + 1);
            assertTrue(l.table().getMaxY() + 12 < footerTop, "warnings need room above the footer");
        }
    }

    @Test
    void pageRendersAtFullSizeWithFourExams() {
        BufferedImage img = ComparisonReport.image(exams(4));
        assertEquals(1768, img.getWidth());
        assertEquals(1250, img.getHeight());
    }

    @Test
    void forestPlotHasOneSeriesPerFollowUpAndReferenceRows() {
        Comparison c = exams(4);
        JFreeChart chart = ChangeChart.create(c);
        XYPlot plot = chart.getXYPlot();
        assertEquals(3, plot.getDataset().getSeriesCount());
        List<ChangeChart.Row> rows = ChangeChart.rows(c);
        assertEquals("AUC", rows.get(0).label());
        assertTrue(rows.stream().anyMatch(r -> r.label().equals("AUC/ref")), rows.toString());
        // the AUC dot of the last follow-up: 100 -> 30 = -70 %, on the top row, below the earlier follow-ups
        int last = 2;
        int item = 0;
        assertEquals(-70.0, plot.getDataset().getXValue(last, item), 1e-9);
        assertEquals(rows.size() - 1 - 0.3, plot.getDataset().getYValue(last, item), 1e-9);
        assertEquals(1, plot.getAnnotations().stream()
                .filter(a -> a instanceof org.jfree.chart.annotations.XYTextAnnotation).count(), "one rule label");
    }
}
