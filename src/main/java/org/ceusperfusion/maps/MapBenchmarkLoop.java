package org.ceusperfusion.maps;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.synth.AmplitudeVariation;
import org.ceusperfusion.synth.BolusSpec;
import org.ceusperfusion.synth.Ellipse;
import org.ceusperfusion.synth.FrameTiming;
import org.ceusperfusion.synth.LoopFiles;
import org.ceusperfusion.synth.LoopFormat;
import org.ceusperfusion.synth.SpeckleMode;
import org.ceusperfusion.synth.SyntheticLoop;
import org.ceusperfusion.synth.SyntheticLoopGenerator;
import org.ceusperfusion.synth.SyntheticLoopSpec;

/**
 * The loop of the map benchmark ({@code bench/map-vs-scipy.sh}): a day-14-like tumour whose necrotic
 * core covers half its area, in a 160×120-pixel frame (0.25 mm) of 720 frames at 8 frames/s, 40 dB,
 * 2×2-correlated speckle and a random noise floor.
 *
 * <p>Truth: tumour oval box {@code 44,28,72,56}; core ellipse of the same centre and semi-axes
 * {@code /√2} (area ½); rim pixels follow {@code A = 1800 a.u.·s ± 25 %, μ = ln 13, σ = 0.55,
 * t0 = 5 s}, so their TTP is {@code 5 + e^(μ−σ²)} ≈ 14.61 s; core pixels do not enhance; every
 * pixel outside the tumour follows the normal-tissue bolus ({@code A = 1500 ± 10 %, μ = ln 13,
 * σ = 0.5, t0 = 5 s}).
 *
 * <p>{@code main(dir [seed])} writes {@code map-bench.tif} (ImageJ TIFF stack) with its
 * {@code map-bench.truth.json}, and the same frames as raw bytes for the Python baseline:
 * {@code map-bench.u8} (frames × height × width, unsigned 8-bit) and {@code map-bench.times.txt}.
 */
public final class MapBenchmarkLoop {
    /** Stem of the written files. */
    public static final String NAME = "map-bench";

    private MapBenchmarkLoop() {
    }

    /** @return the benchmark spec with the given seed and size (frames at 8 frames/s) */
    public static SyntheticLoopSpec spec(long seed, int width, int height, int frames) {
        double sx = width / 160.0;
        double sy = height / 120.0;
        int tx = (int) Math.round(44 * sx);
        int ty = (int) Math.round(28 * sy);
        int tw = (int) Math.round(72 * sx);
        int th = (int) Math.round(56 * sy);
        Ellipse tumour = Ellipse.ofBox(tx, ty, tw, th);
        Ellipse core = new Ellipse(tumour.cx(), tumour.cy(), tumour.rx() / Math.sqrt(2), tumour.ry() / Math.sqrt(2));
        Ellipse normal = Ellipse.ofBox((int) Math.round(6 * sx), (int) Math.round(90 * sy),
                (int) Math.round(28 * sx), (int) Math.round(22 * sy));
        return SyntheticLoopSpec.defaults().withName(NAME).withSize(width, height).withPixelSizeMm(0.25 / sx)
                .withTiming(FrameTiming.regular(8, frames)).withDynamicRangeDb(40)
                .withTumour(tumour, core)
                .withTumourBolus(BolusSpec.of(1800, StrictMath.log(13), 0.55, 5)
                        .withVariation(0.25, AmplitudeVariation.SMOOTH))
                .withNormal(normal, BolusSpec.of(1500, StrictMath.log(13), 0.5, 5)
                        .withVariation(0.1, AmplitudeVariation.SMOOTH))
                .withBackgroundPower(30).withSpeckle(SpeckleMode.CORRELATED_2X2).withNoiseFloor(2, true)
                .withSeed(seed);
    }

    /** @return the 160×120, 720-frame benchmark spec */
    public static SyntheticLoopSpec spec(long seed) {
        return spec(seed, 160, 120, 720);
    }

    /**
     * @param args {@code DIR [SEED [WIDTH HEIGHT FRAMES]]} writes the loop (default 160×120, 720 frames); {@code check MAPDIR [SEED]} reads {@code PE.tif} and
     *             {@code TTP.tif} from a {@code ceus map} output of that loop and prints the rim and core
     *             medians against the truth
     */
    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("check")) {
            check(Path.of(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 14L);
            return;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "bench-out");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 14L;
        SyntheticLoopSpec spec = args.length > 4 ? spec(seed, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Integer.parseInt(args[4])) : spec(seed);
        Files.createDirectories(dir);
        SyntheticLoop s = SyntheticLoopGenerator.generate(spec);
        Path tif = dir.resolve(NAME + ".tif");
        LoopFiles.writeLoop(spec, LoopFormat.TIFF, tif);
        writeRaw(s.loop(), dir);
        System.out.println(tif.toAbsolutePath());
    }

    private static void check(Path mapDir, long seed) {
        ij.ImagePlus peImage = new ij.io.Opener().openImage(mapDir.resolve("PE.tif").toString());
        if (peImage == null) {
            throw new IllegalArgumentException("cannot read " + mapDir.resolve("PE.tif"));
        }
        SyntheticLoopSpec spec = spec(seed, peImage.getWidth(), peImage.getHeight(), 720);   // masks: any length
        int w = spec.width();
        int h = spec.height();
        boolean[] tumour = spec.tumour().mask(w, h);
        boolean[] core = spec.core().mask(w, h);
        boolean[] rim = new boolean[w * h];
        boolean[] necrotic = new boolean[w * h];
        for (int i = 0; i < rim.length; i++) {
            rim[i] = tumour[i] && !core[i];
            necrotic[i] = tumour[i] && core[i];
        }
        float[] pe = read(mapDir.resolve("PE.tif"));
        float[] ttp = read(mapDir.resolve("TTP.tif"));
        double rimPe = median(pe, rim);
        double corePe = median(pe, necrotic);
        double truthTtp = spec.tumourBolus().t0S() + spec.tumourBolus().modeFromOnsetS();
        double rimTtp = median(ttp, rim);
        System.out.printf(Locale.ROOT, "rim_pe_median=%.3f core_pe_median=%.3f rim_over_core=%s rim_pe_truth=%.3f"
                        + " rim_ttp_median_s=%.3f ttp_truth_s=%.3f ttp_error_s=%.3f%n", rimPe, corePe,
                corePe > 0 ? String.format(Locale.ROOT, "%.1f", rimPe / corePe) : "inf",
                spec.tumourBolus().peak(spec.tumourBolus().meanArea()), rimTtp, truthTtp, rimTtp - truthTtp);
    }

    private static float[] read(Path tif) {
        ij.ImagePlus imp = new ij.io.Opener().openImage(tif.toString());
        if (imp == null) {
            throw new IllegalArgumentException("cannot read " + tif);
        }
        return (float[]) imp.getProcessor().getPixels();
    }

    private static double median(float[] v, boolean[] mask) {
        double[] a = new double[v.length];
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (mask[i] && Float.isFinite(v[i])) {
                a[n++] = v[i];
            }
        }
        a = java.util.Arrays.copyOf(a, n);
        java.util.Arrays.sort(a);
        return n == 0 ? Double.NaN : n % 2 == 1 ? a[n / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
    }

    private static void writeRaw(CineLoop loop, Path dir) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(NAME + ".u8")))) {
            byte[] b = new byte[loop.width() * loop.height()];
            for (int f = 0; f < loop.frameCount(); f++) {
                float[] g = loop.frame(f);
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) Math.round(g[i]);
                }
                out.write(b);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(loop.width()).append(' ').append(loop.height()).append(' ').append(loop.frameCount()).append('\n');
        for (double t : loop.timesS()) {
            sb.append(String.format(Locale.ROOT, "%.6f%n", t));
        }
        Files.writeString(dir.resolve(NAME + ".times.txt"), sb);
    }
}
