package org.ceusperfusion.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.fit.FitStatus;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.roi.RoiMask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-pixel maps of a generated half-necrotic tumour against the generator's truth. */
class ParametricMapperTest {
    private static ParametricMaps whole;

    @BeforeAll
    static void mapWholeFrame() {
        whole = new ParametricMapper(MapSettings.defaults().withThreads(2)).map(MapFixtures.LOOP.loop(), null, null);
    }

    @Test
    void rimPeakEnhancementIsFarAboveTheNecroticCore() {
        float[] pe = whole.values(PerfusionParameter.PE);
        double rim = whole.median(pe, MapFixtures.rim());
        double core = whole.median(pe, MapFixtures.core());
        assertTrue(rim > 5 * core, "rim " + rim + " core " + core);
        // the rim's median PE is the PE of its median area: within 20 % of the mean-area truth (±25 % spread)
        assertEquals(MapFixtures.rimMeanPe(), rim, 0.2 * MapFixtures.rimMeanPe());
    }

    @Test
    void rimTimeToPeakIsWithinOneSecondOfTruth() {
        double ttp = whole.median(whole.values(PerfusionParameter.TTP), MapFixtures.rim());
        assertEquals(MapFixtures.rimTtpS(), ttp, 1.0);
    }

    @Test
    void nonEnhancingPixelsHaveZeroAmplitudeAndNoTimes() {
        int noBolus = 0;
        for (int i = 0; i < whole.status().length; i++) {
            if (whole.status()[i] == FitStatus.NO_BOLUS.ordinal()) {
                noBolus++;
                assertEquals(0f, whole.values(PerfusionParameter.PE)[i]);
                assertEquals(0f, whole.values(PerfusionParameter.AUC)[i]);
                assertTrue(Float.isNaN(whole.values(PerfusionParameter.TTP)[i]));
                assertTrue(Float.isNaN(whole.r2()[i]));
            }
        }
        int corePixels = count(MapFixtures.core());
        assertTrue(noBolus > corePixels / 2, noBolus + " no-bolus pixels for " + corePixels + " core pixels");
        assertEquals(MapFixtures.W * MapFixtures.H, whole.pixelsMapped());
        assertEquals(whole.pixelsMapped(), whole.curves());
        assertEquals(whole.curves() - noBolus, whole.fits());
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalMaps() {
        RoiMask roi = rect(10, 8, 40, 30);
        ParametricMaps one = new ParametricMapper(MapSettings.defaults().withThreads(1)).map(MapFixtures.LOOP.loop(), roi, null);
        ParametricMaps two = new ParametricMapper(MapSettings.defaults().withThreads(2)).map(MapFixtures.LOOP.loop(), roi, null);
        for (int k = 0; k < one.params().size(); k++) {
            assertArrayEquals(one.values()[k], two.values()[k]);
        }
        assertArrayEquals(one.r2(), two.r2());
        assertArrayEquals(one.status(), two.status());
        // and the same as the whole-frame map at those pixels (a pixel's result depends on its curve only)
        for (int i = 0; i < one.status().length; i++) {
            if (one.mapped()[i]) {
                assertEquals(whole.values(PerfusionParameter.PE)[i], one.values(PerfusionParameter.PE)[i]);
            } else {
                assertTrue(Float.isNaN(one.values(PerfusionParameter.PE)[i]));
                assertTrue(Float.isNaN(one.status()[i]));
            }
        }
        assertEquals(40 * 30, one.pixelsMapped());
    }

    @Test
    void bandsOfRowsGiveTheSameMapAsOneBand() {
        RoiMask roi = rect(0, 20, 64, 6);
        MapSettings s = MapSettings.defaults().withThreads(2).withSmooth(3);
        ParametricMaps oneBand = new ParametricMapper(s).map(MapFixtures.LOOP.loop(), roi, null);
        ParametricMaps bands = new ParametricMapper(s).withTileBytes(1).map(MapFixtures.LOOP.loop(), roi, null);
        assertArrayEquals(oneBand.values(PerfusionParameter.TTP), bands.values(PerfusionParameter.TTP));
        assertArrayEquals(oneBand.meanFrame(), bands.meanFrame());
    }

    @Test
    void binningFitsOneCurvePerBlockAndFillsItsPixels() {
        ParametricMaps b = new ParametricMapper(MapSettings.defaults().withBin(4).withThreads(2))
                .map(MapFixtures.LOOP.loop(), null, null);
        assertEquals(16 * 12, b.curves());
        float[] ttp = b.values(PerfusionParameter.TTP);
        for (int y = 0; y < MapFixtures.H; y++) {
            for (int x = 0; x < MapFixtures.W; x++) {
                int corner = (y / 4 * 4) * MapFixtures.W + x / 4 * 4;
                assertEquals(ttp[corner], ttp[y * MapFixtures.W + x], 0.0);
            }
        }
        // binning averages speckle: the rim's TTP is at least as accurate
        assertEquals(MapFixtures.rimTtpS(), b.median(ttp, MapFixtures.rim()), 1.0);
    }

    @Test
    void meanFrameIsTheTemporalMeanOfTheGreyValues() {
        int i = 20 * MapFixtures.W + 30;
        double s = 0;
        for (int f = 0; f < MapFixtures.FRAMES; f++) {
            s += MapFixtures.LOOP.loop().frame(f)[i];
        }
        assertEquals(s / MapFixtures.FRAMES, whole.meanFrame()[i], 1e-3);
    }

    @Test
    void frameBinningFollowsTheRuleAndCanBeSwitchedOff() {
        assertEquals(5, whole.frameBin()); // 1.5 s at 8 frames/s is 12 frames, capped by 200/40 = 5
        assertEquals(40, whole.samples());
        assertEquals(12, MapSettings.defaults().frameBinFor(720, 0.125));
        assertEquals(6, MapSettings.defaults().frameBinFor(264, 0.25));
        assertEquals(5, MapSettings.defaults().frameBinFor(200, 0.125));
        assertEquals(1, MapSettings.defaults().frameBinFor(60, 0.04));
        assertEquals(1, MapSettings.defaults().withFrameBin(1).frameBinFor(720, 0.125));
        assertEquals(7, MapSettings.defaults().withFrameBin(7).frameBinFor(720, 0.125));
    }

    @Test
    void slopeAndQualityParametersComeFromTheParameterCalculator() {
        RoiMask roi = rect(40, 14, 4, 4);
        MapSettings s = MapSettings.defaults().withParams(List.of(PerfusionParameter.WIR, PerfusionParameter.QOF))
                .withThreads(1);
        ParametricMaps m = new ParametricMapper(s).map(MapFixtures.LOOP.loop(), roi, null);
        for (int i = 0; i < m.status().length; i++) {
            if (m.mapped()[i] && m.status()[i] == FitStatus.OK.ordinal()) {
                assertTrue(m.values(PerfusionParameter.WIR)[i] > 0);
                assertEquals(100 * m.r2()[i], m.values(PerfusionParameter.QOF)[i], 1e-3);
            }
        }
    }

    @Test
    void confidenceIntervalsBracketTheValuesWhenAskedFor() {
        RoiMask roi = rect(44, 16, 3, 3); // perfused tissue right of the tumour core
        ParametricMaps m = new ParametricMapper(MapSettings.defaults().withThreads(1).withCi(true))
                .map(MapFixtures.LOOP.loop(), roi, null);
        int checked = 0;
        for (int i = 0; i < m.status().length; i++) {
            if (m.mapped()[i] && m.status()[i] == FitStatus.OK.ordinal()) {
                for (int k = 0; k < m.params().size(); k++) {
                    assertTrue(m.ciLo()[k][i] <= m.values()[k][i] && m.values()[k][i] <= m.ciHi()[k][i],
                            m.params().get(k) + " at " + i);
                }
                checked++;
            }
        }
        assertTrue(checked > 0);
        assertEquals(null, whole.ciLo(), "no CIs unless asked for");
    }

    @Test
    void badInputIsAnInputException() {
        MapSettings s = MapSettings.defaults();
        assertThrows(InputException.class, () -> new ParametricMapper(s).map(MapFixtures.LOOP.loop(), rect(60, 40, 10, 10), null));
        assertThrows(InputException.class, () -> new ParametricMapper(s.withAnalysis(
                new AnalysisSettings(40.0, false, "nonsense"))).map(MapFixtures.LOOP.loop(), null, null));
        assertThrows(InputException.class, () -> MapSettings.parseParams("PE,XYZ"));
        assertThrows(InputException.class, () -> s.withBin(0));
        assertThrows(InputException.class, () -> s.withSmooth(4));
        assertThrows(InputException.class, () -> s.withBin(2).withSmooth(3));
        assertEquals(List.of(PerfusionParameter.PE, PerfusionParameter.MTT), MapSettings.parseParams("pe, mtt"));
    }

    static RoiMask rect(int x, int y, int w, int h) {
        boolean[] inside = new boolean[w * h];
        Arrays.fill(inside, true);
        return new RoiMask("r", x, y, w, h, inside);
    }

    private static int count(boolean[] m) {
        int c = 0;
        for (boolean b : m) {
            c += b ? 1 : 0;
        }
        return c;
    }
}
