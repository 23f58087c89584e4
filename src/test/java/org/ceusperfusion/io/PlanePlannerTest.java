package org.ceusperfusion.io;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.InputException;
import org.junit.jupiter.api.Test;

/**
 * The pure planner on recorded reader metadata (what Bio-Formats readers and OME-XML report for the cases of
 * issue 17), with no Bio-Formats on the class path.
 */
class PlanePlannerTest {
    private static final PlaneSelection NONE = PlaneSelection.NONE;

    /** Planes of every (c, z, t) with DeltaT = 0.25 t² + 0.01 c (s), listed in {@code order}. */
    static List<SeriesLayout.Plane> planes(int sizeC, int sizeZ, int sizeT, boolean reversed) {
        List<SeriesLayout.Plane> p = new ArrayList<>();
        for (int t = 0; t < sizeT; t++) {
            for (int c = 0; c < sizeC; c++) {
                for (int z = 0; z < sizeZ; z++) {
                    p.add(new SeriesLayout.Plane(c, z, t, 0.25 * t * t + 0.01 * c));
                }
            }
        }
        if (reversed) {
            java.util.Collections.reverse(p);
        }
        return p;
    }

    static SeriesLayout series(String name, int c, int z, int t, String order, List<SeriesLayout.Plane> planes,
                               Double timeIncrement, Double fps, Double px, Double py) {
        return new SeriesLayout(name, 64, 48, c, z, t, order, List.of(), planes, timeIncrement, fps, px, py);
    }

    @Test
    void timesComeByTheTNotByPositionInThePlaneList() {
        SeriesLayout l = series(null, 1, 1, 5, "XYZCT", planes(1, 1, 5, true), null, null, 0.2, 0.2);
        LoopPlan p = PlanePlanner.plan("f", List.of(l), NONE, "BioFormats");
        assertArrayEquals(new double[] {0, 0.25, 1, 2.25, 4}, p.timesS(), 0);
        assertEquals("BioFormatsDeltaT", p.timingSource());
        assertEquals(0.2, p.pixelSizeMm());
        assertArrayEquals(new int[][] {{0}, {1}, {2}, {3}, {4}}, p.framePlanes());
    }

    @Test
    void aReaderWithoutPlaneElementsFallsBackToTheTimeIncrementThenTheFrameRate() {
        // NIfTI / Analyze / Imaris in Fiji: no Plane elements, TimeIncrement 0.5 s
        LoopPlan ti = PlanePlanner.plan("f", List.of(series(null, 1, 1, 4, "XYZCT", List.of(), 0.5, null, null, null)),
                NONE, "BioFormats");
        assertArrayEquals(new double[] {0, 0.5, 1.0, 1.5}, ti.timesS(), 1e-15);
        assertEquals("BioFormatsTimeIncrement", ti.timingSource());
        LoopPlan fps = PlanePlanner.plan("f", List.of(series(null, 1, 1, 3, "XYZCT", List.of(), null, 20.0, null, null)),
                NONE, "BioFormats");
        assertArrayEquals(new double[] {0, 0.05, 0.1}, fps.timesS(), 1e-15);
        assertEquals("BioFormatsFrameRate", fps.timingSource());
        LoopPlan none = PlanePlanner.plan("f", List.of(series(null, 1, 1, 3, "XYZCT", List.of(), 0.0, null, null, null)),
                NONE, "BioFormats");
        assertEquals("none", none.timingSource());
        assertArrayEquals(new double[] {0, 1, 2}, none.timesS(), 0);
    }

    @Test
    void partialOrDecreasingDeltaTIsNotUsedAndSaysWhy() {
        List<SeriesLayout.Plane> partial = new ArrayList<>(planes(1, 1, 4, false));
        partial.remove(2);
        LoopPlan p = PlanePlanner.plan("f", List.of(series(null, 1, 1, 4, "XYZCT", partial, 0.5, null, null, null)),
                NONE, "Ome");
        assertEquals("OmeTimeIncrement", p.timingSource());
        assertEquals("DeltaT missing for 1 of 4 time points", p.tags().get("timingNote"));
        List<SeriesLayout.Plane> down = List.of(new SeriesLayout.Plane(0, 0, 0, 1.0), new SeriesLayout.Plane(0, 0, 1, 0.5));
        LoopPlan d = PlanePlanner.plan("f", List.of(series(null, 1, 1, 2, "XYZCT", down, null, null, null, null)), NONE, "Ome");
        assertEquals("none", d.timingSource());
        assertEquals("DeltaT decreases or never advances: not used", d.tags().get("timingNote"));
    }

    @Test
    void zPlanesAreNeverFramesAndTheirTimesAreThoseOfTheChosenChannel() {
        SeriesLayout l = series(null, 2, 3, 4, "XYZCT", planes(2, 3, 4, true), null, null, null, null);
        InputException e = assertThrows(InputException.class, () -> PlanePlanner.plan("f", List.of(l),
                new PlaneSelection(null, 1, null, null), "BioFormats"));
        assertTrue(e.getMessage().startsWith("f: 3 Z planes per time point: choose one with --z N"), e.getMessage());
        LoopPlan p = PlanePlanner.plan("f", List.of(l), new PlaneSelection(null, 2, 3, null), "BioFormats");
        assertEquals(4, p.frameCount());
        // XYZCT: index = z + 3 (c + 2 t)
        assertArrayEquals(new int[][] {{5}, {11}, {17}, {23}}, p.framePlanes());
        assertArrayEquals(new double[] {0.01, 0.26, 1.01, 2.26}, p.timesS(), 1e-15);
        LoopPlan max = PlanePlanner.plan("f", List.of(l), new PlaneSelection(null, 1, null, PlaneSelection.ZProjection.MAX),
                "BioFormats");
        assertArrayEquals(new int[] {6, 7, 8}, max.framePlanes()[1]);
        assertEquals("max of 3", max.tags().get("z"));
        assertArrayEquals(new float[] {3, 5}, max.combine(new float[][] {{1, 5}, {3, 2}, {2, 4}}));
    }

    @Test
    void everyDimensionOrderIndexesPlanesAsItSays() {
        SeriesLayout l = series(null, 2, 3, 4, "XYTCZ", List.of(), null, null, null, null);
        // XYTCZ: index = t + 4 (c + 2 z)
        assertEquals(1 + 4 * (1 + 2 * 2), l.index(2, 1, 1));
        SeriesLayout m = series(null, 2, 3, 4, "XYCTZ", List.of(), null, null, null, null);
        // XYCTZ: index = c + 2 (t + 4 z)
        assertEquals(1 + 2 * (3 + 4 * 2), m.index(2, 1, 3));
    }

    @Test
    void channelsAreAChoiceListedByName() {
        SeriesLayout l = new SeriesLayout(null, 8, 8, 2, 1, 3, "XYCZT", java.util.Arrays.asList("grey", null),
                planes(2, 1, 3, false), null, null, null, null);
        InputException e = assertThrows(InputException.class, () -> PlanePlanner.plan("f", List.of(l), NONE, "Ome"));
        assertEquals("f: 2 channels (1 \"grey\", 2): choose one with --channel N (ImageJ: channel=N)", e.getMessage());
        InputException beyond = assertThrows(InputException.class, () -> PlanePlanner.plan("f", List.of(l),
                new PlaneSelection(null, 3, null, null), "Ome"));
        assertEquals("f: --channel 3 is not in the file: it has 2 channels (1 \"grey\", 2)", beyond.getMessage());
        LoopPlan p = PlanePlanner.plan("f", List.of(l), new PlaneSelection(null, 1, null, null), "Ome");
        assertEquals("grey", p.tags().get("channelName"));
        assertArrayEquals(new int[][] {{0}, {2}, {4}}, p.framePlanes());
    }

    @Test
    void theDefaultSeriesIsTheLongestTimeSeriesAndATieIsRefused() {
        SeriesLayout overview = series("overview", 1, 1, 1, "XYZCT", List.of(), null, null, null, null);
        SeriesLayout loop = series("loop", 1, 1, 40, "XYZCT", List.of(), 0.1, null, null, null);
        LoopPlan p = PlanePlanner.plan("f", List.of(overview, loop), NONE, "BioFormats");
        assertEquals(1, p.series());
        assertEquals("2", p.tags().get("series"));
        assertEquals("longest-time-series", p.tags().get("seriesChoice"));
        InputException tie = assertThrows(InputException.class, () -> PlanePlanner.plan("f",
                List.of(overview, loop, loop), NONE, "BioFormats"));
        assertEquals("f: several series have 40 time points; choose one with --series N (ImageJ: series=N); the file"
                + " holds 3 series: 1 \"overview\" (64x48, 1 channel, 1 Z, 1 time point), 2 \"loop\" (64x48, 1 channel,"
                + " 1 Z, 40 time points), 3 \"loop\" (64x48, 1 channel, 1 Z, 40 time points)", tie.getMessage());
        LoopPlan chosen = PlanePlanner.plan("f", List.of(overview, loop, loop), new PlaneSelection(3, null, null, null), "X");
        assertEquals(2, chosen.series());
        assertEquals("option", chosen.tags().get("seriesChoice"));
    }

    @Test
    void anisotropicPixelsKeepTheirAreaAndSayBothSizes() {
        LoopPlan p = PlanePlanner.plan("f", List.of(series(null, 1, 1, 2, "XYZCT", List.of(), null, null, 0.1, 0.4)),
                NONE, "Ome");
        assertEquals(0.2, p.pixelSizeMm(), 1e-15);
        assertEquals("0.100000,0.400000", p.tags().get("pixelSizeXYMm"));
    }

    @Test
    void optionsParseAndRefuseNonsense() {
        assertEquals(new PlaneSelection(3, 2, null, PlaneSelection.ZProjection.MEAN), PlaneSelection.parse("2", "Mean", "3", "--"));
        InputException e = assertThrows(InputException.class, () -> PlaneSelection.parse("0", null, null, "--"));
        assertEquals("--channel: must be a positive whole number (1 = the first), got '0'", e.getMessage());
        InputException z = assertThrows(InputException.class, () -> PlaneSelection.parse(null, "top", null, ""));
        assertEquals("z=: must be a positive whole number (1 = the first), max or mean, got 'top'", z.getMessage());
        assertTrue(PlaneSelection.parse(" ", null, "", "--").isEmpty());
    }
}
