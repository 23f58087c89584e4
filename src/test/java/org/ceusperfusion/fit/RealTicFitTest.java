package org.ceusperfusion.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ceusperfusion.model.LognormalModel;
import org.ceusperfusion.params.ParameterCalculator;
import org.ceusperfusion.params.ParameterEstimates;
import org.ceusperfusion.params.PerfusionParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real CEUS curves (diaphragm, chest wall, liver; 1368 samples at 35.2 fps, see SOURCE.txt of
 * {@code test-data/real/diaphragm-tic}) fitted on the raw ROI means. Reference values: the upstream app's
 * smoothed columns ({@code *_filt}), whose maximum gives the time and height of the peak.
 */
class RealTicFitTest {

    private static final Path CSV = Path.of("test-data/real/diaphragm-tic/example_TIC.csv");

    /**
     * Measured R² (first-pass window): dia 0.937 (window ends at 32.98 s: a second rise), cw 0.938, liver 0.991.
     * Measured TTP vs argmax of the smoothed column: dia 24.08/24.04 s, cw 21.81/21.29 s, liver 33.72/33.66 s.
     */
    @ParameterizedTest
    @CsvSource({"dia, 0.90", "cw, 0.92", "liver, 0.98"})
    void realCurvesFitWithSensibleQuality(String column, double minR2) throws IOException {
        List<double[]> rows = read(column);
        double[] t = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] y = rows.stream().mapToDouble(r -> r[1]).toArray();
        double[] filtered = rows.stream().mapToDouble(r -> r[2]).toArray();
        FitResult fit = new LevenbergMarquardtFitter().fit(new LognormalModel(), t, y);
        System.out.printf("real TIC %s: status %s, R² %.4f, %d iterations, window [%.2f, %.2f] s%n", column,
                fit.status(), fit.r2(), fit.iterations(), fit.windowStartS(), fit.windowEndS());
        assertEquals(FitStatus.OK, fit.status(), fit.message());
        assertTrue(fit.r2() >= minR2, "R² " + fit.r2());
        // first-pass window (default): all 1368 samples unless a second rise is detected after the fall
        FitWindow w = FitWindow.detect(t, y);
        assertEquals(w.startS(), fit.windowStartS());
        assertEquals(w.endS(), fit.windowEndS());
        assertEquals(java.util.Arrays.stream(t).filter(w::contains).count(), fit.samples());
        assertTrue(fit.samples() > 1000, "first pass keeps the bolus: " + fit.samples() + " samples");

        int peak = 0;
        for (int i = 1; i < filtered.length; i++) {
            if (filtered[i] > filtered[peak]) {
                peak = i;
            }
        }
        ParameterEstimates e = ParameterCalculator.compute(fit);
        assertEquals(t[peak], e.value(PerfusionParameter.TTP), 1.5, "TTP vs smoothed maximum");
        double peRef = filtered[peak] - fit.params()[LognormalModel.O];
        assertEquals(peRef, e.value(PerfusionParameter.PE), 0.1 * peRef, "PE vs smoothed maximum");
        double[] ci = e.ci(PerfusionParameter.TTP);
        assertTrue(ci[0] < e.value(PerfusionParameter.TTP) && e.value(PerfusionParameter.TTP) < ci[1]);
    }

    /** @return rows {@code [time s, raw column, smoothed column]} */
    private static List<double[]> read(String column) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).build();
        List<double[]> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(CSV)) {
            for (CSVRecord rec : format.parse(r)) {
                rows.add(new double[] {Double.parseDouble(rec.get("time")), Double.parseDouble(rec.get(column)),
                    Double.parseDouble(rec.get(column + "_filt"))});
            }
        }
        return rows;
    }
}
