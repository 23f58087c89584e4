package org.ceusperfusion.io;

import static org.ceusperfusion.io.DicomDictionary.FRAME_TIME;
import static org.ceusperfusion.io.DicomDictionary.US_REGIONS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ceusperfusion.synth.SyntheticLoopGenerator;

/**
 * A clinical-size side-by-side CEUS export for benchmarks (bench/analyze-vs-python.sh): {@code W×H}
 * JPEG baseline YBR_FULL_422 frames (JDK encoder, quality 0.9), left a B-mode panel of speckle that
 * decorrelates a little from frame to frame, right the contrast panel: fresh exponential speckle every
 * frame around a mean that follows a lognormal bolus in an oval tumour and a weaker one in the
 * surrounding tissue, 40 dB log compression to 8 bits, and a small yellow marker (so the loop is
 * not purely grey). Frames are generated and encoded in parallel, each from its own seed.
 *
 * <p>Usage: {@code BenchExport OUT.dcm [width height frames fps seed]} (defaults 800 600 1200 12 1). Prints
 * the tumour ROI in stored pixels ({@code tumour=oval:x,y,w,h}).
 */
public final class BenchExport {
    private BenchExport() {
    }

    /** @param args OUT.dcm [width height frames fps seed] */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 800;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        int frames = args.length > 3 ? Integer.parseInt(args[3]) : 1200;
        double fps = args.length > 4 ? Double.parseDouble(args[4]) : 12;
        long seed = args.length > 5 ? Long.parseLong(args[5]) : 1;
        int panel = (width - SideBySideJpegLoop.GAP) / 2;
        byte[][] jpegs = new byte[frames][];
        IntStream.range(0, frames).parallel().forEach(k ->
                jpegs[k] = SideBySideJpegLoop.jpeg(frame(k, k / fps, width, height, panel, seed), width, height, 0.9f));
        DicomBuilder b = new DicomBuilder(TransferSyntax.JPEG_BASELINE)
                .str(DicomDictionary.MODALITY, "CS", "US").us(DicomDictionary.SAMPLES_PER_PIXEL, 3)
                .str(DicomDictionary.PHOTOMETRIC, "CS", "YBR_FULL_422").us(DicomDictionary.PLANAR_CONFIGURATION, 0)
                .str(DicomDictionary.NUMBER_OF_FRAMES, "IS", Integer.toString(frames))
                .us(DicomDictionary.ROWS, height).us(DicomDictionary.COLUMNS, width)
                .us(DicomDictionary.BITS_ALLOCATED, 8).us(DicomDictionary.BITS_STORED, 8)
                .us(DicomDictionary.HIGH_BIT, 7).us(DicomDictionary.PIXEL_REPRESENTATION, 0)
                .sequence(US_REGIONS, false, SideBySideJpegLoop.region(0, panel - 1, height, 0.01),
                        SideBySideJpegLoop.region(panel + SideBySideJpegLoop.GAP, width - 1, height, 0.01))
                .str(FRAME_TIME, "DS", String.format(Locale.ROOT, "%.3f", 1000 / fps));
        Files.write(out, b.encapsulatedWithOffsets(jpegs).build());
        int[] roi = tumour(panel, height);
        System.out.println("tumour=oval:" + (roi[0] + panel + SideBySideJpegLoop.GAP) + "," + roi[1] + ","
                + roi[2] + "," + roi[3]);
    }

    /** @return the tumour's bounding box in contrast-panel pixels: x, y, w, h */
    static int[] tumour(int panel, int height) {
        return new int[] {panel / 3, height / 3, panel / 3, height / 4};
    }

    private static int[] frame(int k, double t, int width, int height, int panel, long seed) {
        SplittableRandom still = new SplittableRandom(seed * 7919);
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + k);
        int[] box = tumour(panel, height);
        double cx = box[0] + box[2] / 2.0;
        double cy = box[1] + box[3] / 2.0;
        double tumourMean = 2 + 300 * lognormal(t - 8, 2.6, 0.5);
        double tissueMean = 2 + 80 * lognormal(t - 6, 2.9, 0.6);
        int[] rgb = new int[width * height];
        int x0 = panel + SideBySideJpegLoop.GAP;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < panel; x++) {
                double tissue = -Math.log(1 - still.nextDouble()) * 40;
                double p = 0.9 * tissue + 0.1 * (-Math.log(1 - rng.nextDouble()) * 40);
                rgb[y * width + x] = grey(SyntheticLoopGenerator.compress(p, 40, 255));
                double dx = (x - cx) / (box[2] / 2.0);
                double dy = (y - cy) / (box[3] / 2.0);
                double mean = dx * dx + dy * dy <= 1 ? tumourMean : tissueMean;
                double c = -Math.log(1 - rng.nextDouble()) * mean;
                rgb[y * width + x0 + x] = grey(SyntheticLoopGenerator.compress(c, 40, 255));
            }
        }
        for (int y = 10; y < 24; y++) {
            for (int x = 10; x < 40; x++) {
                rgb[y * width + x] = 0xE0D020;
            }
        }
        return rgb;
    }

    private static double lognormal(double t, double mu, double sigma) {
        if (t <= 0) {
            return 0;
        }
        double z = (Math.log(t) - mu) / sigma;
        return Math.exp(-0.5 * z * z) / (t * sigma * Math.sqrt(2 * Math.PI)) * Math.exp(mu);
    }

    private static int grey(int v) {
        return (v << 16) | (v << 8) | v;
    }
}
