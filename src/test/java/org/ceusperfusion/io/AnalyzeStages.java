package org.ceusperfusion.io;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.Analyzer;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.motion.MotionCorrection;
import org.ceusperfusion.motion.MotionSettings;
import org.ceusperfusion.report.AnalysisWriter;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.roi.RoiSpecParser;
import org.ceusperfusion.tic.Linearizer;

/**
 * Per-stage times of {@code ceus analyze} on one JPEG DICOM (bench/analyze-vs-python.sh): open (parse,
 * frame index, first/last frame), SHA-256 of the file, decode of every frame alone (all cores), the frame
 * pass (decode + TIC + clipping + whole-frame mean + ROI pixel store), fit and the rest of the analysis,
 * writing; and the single-core rates of the two JDK decode paths (luma; RGB then luminance) and of the
 * region decoder {@code ceus analyze} uses ({@link BaselineJpegLuma} with the ROI's detail region), which
 * bound what two cores can do. Decoding and the frame pass run with the detail region set, as in
 * {@code ceus analyze}.
 *
 * <p>Usage: {@code AnalyzeStages LOOP.dcm NAME=oval:x,y,w,h}
 */
public final class AnalyzeStages {
    private AnalyzeStages() {
    }

    /** @param args the loop and one ROI */
    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]);
        List<RoiMask> rois = List.of(RoiSpecParser.parse(args[1], "roi"));
        AnalysisSettings settings = AnalysisSettings.logCompressed(40);
        long t0 = System.nanoTime();
        CineLoop loop = LoopReader.open(path, LoadOptions.NONE);
        long t1 = System.nanoTime();
        String sha = LoopReader.sha256(path);
        long t2 = System.nanoTime();
        RoiMask roi = rois.get(0);
        int[] region = {Math.max(0, roi.x() - 16), Math.max(0, roi.y() - 16), Math.min(loop.width(), roi.x() + roi.width() + 16),
            Math.min(loop.height(), roi.y() + roi.height() + 16)}; // what Analyzer asks for (analysis.DetailRegion)
        loop.detailRegion(region);
        for (int i = 0; i < loop.frameCount(); i++) {
            loop.frame(i);
        }
        long t3 = System.nanoTime();
        Linearizer lin = Linearizer.logCompressed(40, loop.metadata().maxGrey());
        MotionCorrection.run(loop, rois, lin, MotionSettings.defaults());
        loop.detailRegion(null);
        long t4 = System.nanoTime();
        LoopAnalysis analysis = Analyzer.analyze(loop, sha, rois, null, settings);
        long t5 = System.nanoTime();
        Path out = Files.createTempDirectory("ceus-stages");
        AnalysisWriter.writeAll(analysis, out);
        long t6 = System.nanoTime();
        int n = loop.frameCount();
        System.out.printf("open %.2f s | sha256 (beside the analysis in ceus analyze) %.2f s | decode all %d frames"
                + " with the ROI's detail region (%d threads) %.2f s = %.2f ms/frame"
                + " | frame pass (decode+TIC+store) %.2f s | analysis (pass+fit+rest) %.2f s -> fit+rest %.2f s"
                + " | write %.2f s | tag jpegDecode=%s%n", s(t1 - t0), s(t2 - t1), n, FrameDecoding.THREADS,
                s(t3 - t2), 1e3 * s(t3 - t2) / n, s(t4 - t3), s(t5 - t4), s(t5 - t4) - s(t4 - t3), s(t6 - t5),
                loop.metadata().tags().get("jpegDecode"));
        singleCoreRates(path, Math.min(n, 200), region);
    }

    private static void singleCoreRates(Path path, int frames, int[] region) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ByteReader file = ByteReader.map(path);
        DicomParser.Parsed parsed = DicomParser.parse(file);
        PixelFormat format = PixelFormat.of(parsed.dataset(), path.toString());
        DicomPixelDecoder dec = new DicomPixelDecoder(parsed.dataset(), format, parsed.syntax());
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < frames; i++) {
                JpegLuma.decode(dec.compressed(i), format.columns(), format.rows(), path.toString(), i);
            }
            long c1 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < frames; i++) {
                PhotometricConverter.toGrey(dec.frame(i), dec.outputPhotometric(), format.maxValue(), null);
            }
            long c2 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < frames; i++) {
                BaselineJpegLuma.decode(dec.compressed(i), format.columns(), format.rows(), region);
            }
            long c3 = mx.getCurrentThreadCpuTime();
            if (round == 1) {
                System.out.printf("single-core CPU per frame: JDK luma path %.2f ms, JDK RGB+luminance path %.2f ms,"
                        + " own decoder with the ROI's detail region (what ceus analyze runs) %.2f ms (%d frames);"
                        + " two-core limit of the region path: %.2f s for %d frames%n",
                        1e-6 * (c1 - c0) / frames, 1e-6 * (c2 - c1) / frames, 1e-6 * (c3 - c2) / frames, frames,
                        1e-9 * (c3 - c2) / frames * format.frames() / 2, format.frames());
            }
        }
    }

    private static double s(long nanos) {
        return nanos / 1e9;
    }
}
