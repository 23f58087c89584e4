package org.ceusperfusion.tic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ceusperfusion.InputException;
import org.junit.jupiter.api.Test;

/** Reading curve tables: our own tic.csv, scanner exports, ImageJ tables, separators and decimal commas. */
class CurveCsvTest {

    @Test
    void readsTicCsvAsWrittenSkippingFitsAndBookkeeping() {
        String text = "frame,time_s,tumour,liver,tumour_fit,liver_fit,dx_px,dy_px,similarity,used,reason\r\n"
                + "1,0,10,20,11,21,,,,1,\r\n2,0.5,12,22,12,22,,,,1,\r\n3,1,40,23,13,23,,,,0,flash\r\n"
                + "4,1.5,14,24,14,24,,,,1,\r\n";
        CurveCsv.Table t = CurveCsv.parse(text, "tic.csv");
        assertEquals(List.of("tumour", "liver"), t.names());
        assertArrayEquals(new double[] {0, 0.5, 1, 1.5}, t.timesS());
        assertArrayEquals(new double[] {10, 12, 40, 14}, t.values().get(0));
        assertArrayEquals(new boolean[] {true, true, false, true}, t.used());
        assertEquals("time_s", t.timeColumn());
        assertTrue(t.skipped().containsAll(List.of("frame", "tumour_fit", "reason")), t.skipped().toString());
    }

    @Test
    void semicolonsDecimalCommasAndMillisecondsFromAScannerExport() {
        String text = "Time [ms];ROI 1;ROI 2\n0;1,5;2,0\n250;1,75;2,5\n500;2,0;3,0\n750;2,25;3,5\n";
        CurveCsv.Table t = CurveCsv.parse(text, "export.csv");
        assertEquals("ms", t.timeUnit());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75}, t.timesS(), 1e-12);
        assertEquals(List.of("ROI 1", "ROI 2"), t.names());
        assertArrayEquals(new double[] {1.5, 1.75, 2.0, 2.25}, t.values().get(0), 1e-12);
    }

    /**
     * Export variants seen from scanners and workstations: a preamble of patient/export lines before the header,
     * a row of units under it, {@code #} comments, CRLF line ends, a byte-order mark, a trailing separator, and
     * time headers such as {@code Time/s}, {@code Elapsed time (sec)}, {@code Zeit [ms]}.
     */
    @Test
    void preamblesUnitRowsAndOtherTimeHeaders() {
        String preamble = "\uFEFFPatient;ANON\r\nExported;2026-12-07 10:00\r\n# TIC export\r\n"
                + "Time;Lesion;Liver;\r\nms;dB;dB;\r\n0;1,5;2,0;\r\n500;1,75;2,5;\r\n1000;2,0;3,0;\r\n1500;2,25;3,5;\r\n";
        CurveCsv.Table t = CurveCsv.parse(preamble, "export.csv");
        assertEquals("ms", t.timeUnit());
        assertArrayEquals(new double[] {0, 0.5, 1.0, 1.5}, t.timesS(), 1e-12);
        assertEquals(List.of("Lesion", "Liver"), t.names());
        assertArrayEquals(new double[] {2.0, 2.5, 3.0, 3.5}, t.values().get(1), 1e-12);
        for (String[] h : new String[][] {{"Time/s", "1"}, {"Elapsed time (sec)", "1"}, {"Zeit [ms]", "0.001"},
                {"t(s)", "1"}, {"Time (msec)", "0.001"}}) {
            CurveCsv.Table u = CurveCsv.parse(h[0] + ",ROI\n0,1\n2,3\n4,5\n6,7\n", "x.csv");
            assertEquals(h[0], u.timeColumn());
            double f = Double.parseDouble(h[1]);
            assertArrayEquals(new double[] {0, 2 * f, 4 * f, 6 * f}, u.timesS(), 1e-12, h[0]);
            assertEquals(List.of("ROI"), u.names());
        }
    }

    @Test
    void tabsAndImageJResultsWithAnUnnamedIndexColumn() {
        String text = " \tX\tY\n1\t0\t5\n2\t1\t6\n3\t2\t9\n4\t3\t7\n";
        CurveCsv.Table t = CurveCsv.parse(text, "Results");
        assertEquals("X", t.timeColumn());
        assertEquals(List.of("Y"), t.names());
        assertArrayEquals(new double[] {0, 1, 2, 3}, t.timesS());
    }

    @Test
    void theBundledRealExportKeepsItsDataColumnsAndDropsTheIndex() {
        CurveCsv.Table t = CurveCsv.read(Path.of("test-data/real/diaphragm-tic/example_TIC.csv"));
        assertEquals(List.of("dia", "cw", "liver", "dia_filt", "cw_filt", "liver_filt"), t.names());
        assertEquals("time", t.timeColumn());
        assertEquals(1368, t.size());
        assertEquals(List.of("(unnamed)"), t.skipped());
        assertEquals(0.0283849, t.timesS()[1], 1e-6);
    }

    @Test
    void headerlessNumbersAreTimeThenRois() {
        CurveCsv.Table t = CurveCsv.parse("0,1\n1,2\n2,4\n3,3\n", "x.csv");
        assertEquals(List.of("roi1"), t.names());
    }

    @Test
    void badTablesAreInputErrorsThatSayWhatIsWrong() {
        assertTrue(assertThrows(InputException.class, () -> CurveCsv.parse("a,b\n1,2\n2,3\n3,4\n4,5\n", "f.csv"))
                .getMessage().contains("no time column"));
        assertTrue(assertThrows(InputException.class, () -> CurveCsv.parse("time,y\n0,1\n2,2\n1,3\n3,4\n", "f.csv"))
                .getMessage().contains("times must increase"));
        assertTrue(assertThrows(InputException.class, () -> CurveCsv.parse("time,y\n0,1\n1,2\n", "f.csv"))
                .getMessage().contains("at least"));
        assertTrue(assertThrows(InputException.class, () -> CurveCsv.parse("time,name\n0,a\n1,b\n2,c\n3,d\n", "f.csv"))
                .getMessage().contains("no intensity column"));
        assertTrue(assertThrows(InputException.class, () -> CurveCsv.parse("", "f.csv")).getMessage().contains("empty"));
    }

    @Test
    void curveFilesAreRecognisedByTheirExtension() {
        assertTrue(CurveCsv.isCurveFile(Path.of("a/TIC.CSV")));
        assertFalse(CurveCsv.isCurveFile(Path.of("a/loop.dcm")));
    }
}
