package org.ceusperfusion.tic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.roi.RoiSpecParser;
import org.junit.jupiter.api.Test;

/** Destruction flashes on synthetic replenishment curves; none on bolus curves. */
class DestructionFlashDetectorTest {

    private static final double DT = 0.1;

    /** Steady contrast 50, optional bright flash frame at {@code flash}, floor 5 then refill of 45 at β. */
    private static double[][] loop(int n, int flash, boolean brightFrame, double beta, double sigma, long seed) {
        Random rnd = new Random(seed);
        double[] t = new double[n];
        double[] y = new double[n];
        double tf = flash * DT;
        for (int i = 0; i < n; i++) {
            t[i] = i * DT;
            double clean = i < flash ? 50 : i == flash ? (brightFrame ? 400 : 5) : 5 + 45 * -Math.expm1(-beta * (t[i] - tf));
            y[i] = clean + sigma * rnd.nextGaussian();
        }
        return new double[][] {t, y};
    }

    @Test
    void findsTheFlashAndTheStartOfReplenishment() {
        double[][] c = loop(150, 40, true, 0.5, 1, 1);
        DestructionFlashDetector.Destruction d = DestructionFlashDetector.detect(c[0], c[1]).orElseThrow();
        assertEquals(41, d.index());
        assertEquals(4.1, d.firstSampleS(), 1e-9);
        assertEquals(4.0, d.tfS(), 1e-9);
        assertEquals(50, d.levelBefore(), 2);
    }

    @Test
    void findsTheDropWhenTheFlashFrameWasRemovedOrInvisible() {
        double[][] c = loop(150, 40, true, 0.5, 1, 2);
        double[][] gap = removeIndex(c, 40);
        DestructionFlashDetector.Destruction d = DestructionFlashDetector.detect(gap[0], gap[1]).orElseThrow();
        assertEquals(4.1, d.firstSampleS(), 1e-9);
        assertEquals(4.0, d.tfS(), 1e-9);
        double[][] dark = loop(150, 40, false, 0.5, 1, 3);
        assertEquals(4.0, DestructionFlashDetector.detect(dark[0], dark[1]).orElseThrow().firstSampleS(), 1e-9);
    }

    @Test
    void reportsTheLastOfSeveralFlashes() {
        double[][] a = loop(100, 30, true, 1.0, 0.5, 4);
        double[][] b = loop(100, 20, true, 1.0, 0.5, 5);
        double[] t = new double[200];
        double[] y = new double[200];
        for (int i = 0; i < 200; i++) {
            t[i] = i * DT;
            y[i] = i < 100 ? a[1][i] : b[1][i - 100];
        }
        assertEquals(12.1, DestructionFlashDetector.detect(t, y).orElseThrow().firstSampleS(), 1e-9);
    }

    @Test
    void noDetectionOnBolusCurves() {
        Random rnd = new Random(7);
        for (double dt : new double[] {0.05, 0.333, 1.0}) {
            int n = (int) (60 / dt);
            double[] t = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = i * dt;
                double tau = t[i] - 5;
                double bolus = tau <= 0 ? 0 : 100 / (Math.sqrt(2 * Math.PI) * 0.5 * tau)
                        * Math.exp(-Math.pow(Math.log(tau) - Math.log(8), 2) / (2 * 0.25));
                y[i] = 10 + bolus * (1 + 0.05 * rnd.nextGaussian()) + 0.3 * rnd.nextGaussian();
            }
            y[n / 2] *= 5; // a flash in the wash-out is not a destruction: the signal does not drop after it
            assertEquals(Optional.empty(), DestructionFlashDetector.detect(t, y), "dt " + dt);
        }
    }

    @Test
    void noDetectionOnTheBundledLoops() {
        for (String[] l : new String[][] {{"baseline.dcm", "oval:40,27,40,30"}, {"day14.tif", "oval:38,25,44,34"},
                {"baseline.dcm", "oval:8,62,24,20"}}) {
            CineLoop loop = LoopReader.open(Path.of("test-data", l[0]), LoadOptions.NONE);
            TimeIntensityCurve tic = TicExtractor.extract(loop, List.of(RoiSpecParser.parse(l[1], "roi")),
                    Linearizer.logCompressed(40, loop.metadata().maxGrey())).get(0);
            assertTrue(DestructionFlashDetector.detect(tic.timesS(), tic.meanIntensity()).isEmpty(), l[0] + l[1]);
        }
    }

    @Test
    void tooShortCurvesAndMismatchedArrays() {
        assertTrue(DestructionFlashDetector.detect(new double[5], new double[5]).isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DestructionFlashDetector.detect(new double[5], new double[4]));
    }

    private static double[][] removeIndex(double[][] c, int k) {
        int n = c[0].length;
        double[] t = new double[n - 1];
        double[] y = new double[n - 1];
        for (int i = 0, j = 0; i < n; i++) {
            if (i != k) {
                t[j] = c[0][i];
                y[j++] = c[1][i];
            }
        }
        return new double[][] {t, y};
    }
}
