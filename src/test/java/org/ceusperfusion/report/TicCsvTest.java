package org.ceusperfusion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.junit.jupiter.api.Test;

class TicCsvTest {
    @Test
    void headerAndOneRowPerFrameWithFits() throws IOException {
        LoopAnalysis a = Fixtures.analysis("loop.dcm", 100, 0.1, 0.02);
        String text = TicCsv.toText(a);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertEquals(List.of("frame", "time_s", "tumour", "liver", "tumour_fit", "liver_fit"), rows.get(0).toList());
        assertEquals(1 + 121, rows.size());
        CSVRecord first = rows.get(1);
        assertEquals("1", first.get(0));
        assertEquals("0", first.get(1));
        assertEquals("1", first.get(4)); // baseline O = 1 before onset
        CSVRecord r = rows.get(1 + 40); // frame 41, t = 20 s
        assertEquals("41", r.get(0));
        assertEquals(20.0, Double.parseDouble(r.get(1)));
        double expectedFit = Fixtures.LOGNORMAL.value(20, new double[] {1, 100, Math.log(20), 0.6, 5});
        assertEquals(expectedFit, Double.parseDouble(r.get(4)), 1e-8 * expectedFit);
        double measured = a.rois().get(0).tic().meanIntensity()[40];
        assertEquals(measured, Double.parseDouble(r.get(2)), 1e-8 * measured);
    }

    @Test
    void numbersAreLocaleFreeWithNineDigits() {
        assertEquals("0.125", Num.csv(0.125));
        assertEquals("3.98020123", Num.csv(3.980201234567));
        assertEquals("", Num.csv(Double.NaN));
        assertEquals("1.5E-9", Num.csv(1.5e-9));
        assertEquals("-77", Num.csv(-77.0));
    }
}
