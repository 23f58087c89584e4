package org.ceusperfusion.tic;

import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.stream.IntStream;
import org.ceusperfusion.roi.RoiMask;

/**
 * Timing harness (not a test; run by hand): the bolus-window classification of an ROI the size of the 800×600
 * export's tumour ROI (oval 132×150 px, 1200 frames at 12 frames/s), the banded {@link BolusWindow} against
 * {@link BolusWindowReference} alternately in one JVM, with CPU time and bytes allocated by the thread. Prints
 * ratios; absolute times depend on the machine's load.
 *
 * <p>{@code java -cp target/classes:target/test-classes org.ceusperfusion.tic.BolusWindowTiming [rounds [w h frames
 * fps]]} (default 3 rounds of a 132×150 oval, 1200 frames, 12 frames/s)
 */
public final class BolusWindowTiming {
    private BolusWindowTiming() {
    }

    /** @param args optional: rounds (default 3), then the ROI's box width and height, px, frames and frames/s */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        boolean given = args.length >= 5;
        double fps = given ? Double.parseDouble(args[4]) : 12.0;
        RoiPixelStore store = given
                ? oval(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), fps)
                : oval(132, 150, 1200, fps);
        int[] frames = IntStream.range(0, store.frames()).toArray();
        int run = NonEnhancingCriterion.runFrames(store.timesS(), frames);
        double[] local = new double[store.pixels()];
        java.util.Arrays.fill(local, 30);
        System.out.printf("run %d frames%n", run);
        NonEnhancingCriterion.Rule rule = NonEnhancingCriterion.Rule.DEFAULT;
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        System.out.printf("ROI %d px, %d frames%n", store.pixels(), store.frames());
        for (int r = 0; r < rounds; r++) {
            long c0 = bean.getCurrentThreadCpuTime();
            long a0 = bean.getThreadAllocatedBytes(tid);
            boolean[] ref = BolusWindowReference.enhances(store, frames, run, local, rule);
            long c1 = bean.getCurrentThreadCpuTime();
            long a1 = bean.getThreadAllocatedBytes(tid);
            boolean[] now = BolusWindow.enhances(store, frames, run, local, rule);
            long c2 = bean.getCurrentThreadCpuTime();
            long a2 = bean.getThreadAllocatedBytes(tid);
            NonEnhancingCriterion.Result all = NonEnhancingCriterion.classify(store, 0, 1e9, rule);
            long c3 = bean.getCurrentThreadCpuTime();
            System.out.printf("round %d: reference %.3f CPU-s %.1f MB allocated; banded %.3f CPU-s %.1f MB"
                    + " (ratio %.2f); whole classify (banded) %.3f CPU-s; identical %b; non-enhancing %.5f%n", r,
                    (c1 - c0) / 1e9, (a1 - a0) / 1e6, (c2 - c1) / 1e9, (a2 - a1) / 1e6,
                    (double) (c1 - c0) / (c2 - c1), (c3 - c2) / 1e9, java.util.Arrays.equals(ref, now),
                    all.fraction());
        }
    }

    private static RoiPixelStore oval(int w, int h, int frameCount, double fps) {
        Random rnd = new Random(3);
        boolean[] inside = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x + 0.5 - w / 2.0) / (w / 2.0);
                double dy = (y + 0.5 - h / 2.0) / (h / 2.0);
                inside[y * w + x] = dx * dx + dy * dy <= 1;
            }
        }
        int[] xy = IntStream.range(0, w * h).filter(i -> inside[i]).toArray();
        double[] t = new double[frameCount];
        boolean[] used = new boolean[frameCount];
        float[][] p = new float[frameCount][xy.length];
        for (int f = 0; f < frameCount; f++) {
            t[f] = f / fps;
            used[f] = true;
            double s = (t[f] - 10) / 15;
            double b = s <= 0 ? 0 : s * s * Math.exp(2 - 2 * s);
            for (int k = 0; k < xy.length; k++) {
                boolean core = (xy[k] % w - w / 2) * (xy[k] % w - w / 2) + (xy[k] / w - h / 2) * (xy[k] / w - h / 2)
                        < 400;
                p[f][k] = (float) ((30 + (core ? 0 : 90 * b)) * -Math.log(1 - rnd.nextDouble()));
            }
        }
        return new RoiPixelStore(new RoiMask("oval", 0, 0, w, h, inside), t, p, used);
    }
}
