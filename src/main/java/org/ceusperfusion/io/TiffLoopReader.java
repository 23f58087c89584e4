package org.ceusperfusion.io;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.FileOpener;
import ij.io.Opener;
import ij.io.TiffDecoder;
import ij.measure.Calibration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;

/**
 * Reads a TIFF stack or hyperstack with ImageJ's file readers ({@link TiffDecoder}, {@link FileOpener};
 * no GUI). The one dimension with more than one plane (channels, slices or frames) is time.
 *
 * <p>Frame times, by priority:
 * <ol>
 *   <li>slice labels, when every label carries a time {@code t=<number>} with an optional unit
 *       {@code s} or {@code ms} (seconds when absent), e.g. {@code t=1.234 s}, {@code t=1.234s},
 *       {@code frame 3; t=250 ms}; times are shifted so the first frame is at 0 s
 *       (timing source {@code sliceLabels});</li>
 *   <li>ImageJ's frame interval {@code finterval} ({@code Calibration.frameInterval}, in the
 *       calibration's time unit: s, ms, µs, min or h) (timing source {@code finterval});</li>
 *   <li>ImageJ's {@code fps} (timing source {@code fps});</li>
 *   <li>none: 1 s per frame, timing source {@code none}.</li>
 * </ol>
 *
 * <p>Uncompressed 8-bit grey ImageJ stacks (the usual export) have their planes read straight from the
 * file, in parallel; ImageJ still decodes the tags, description and calibration. Everything else goes
 * through ImageJ's stack opener. Both give identical loops.
 *
 * <p>Grey scale ({@code maxGrey}): 255 for 8-bit and RGB (luminance), 65535 for 16-bit, and for 32-bit
 * float the largest value found in the stack. Pixel size: {@code Calibration.pixelWidth} when its unit
 * is a length (nm, µm, mm, cm, m, inch), converted to mm; otherwise unknown.
 */
final class TiffLoopReader {
    private static final Pattern LABEL_TIME = Pattern.compile(
            "(?:^|[\\s;,(\\[])t\\s*=\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(ms|s)?(?![A-Za-z])");

    private TiffLoopReader() {
    }

    /**
     * @param path the TIFF file
     * @return the loop
     * @throws InputException when ImageJ cannot read the file or it has more than one varying dimension
     */
    static CineLoop read(Path path) {
        return read(path, GreyConversion.LUMINANCE);
    }

    /** As {@link #read(Path)}, colour planes converted as {@code conversion} says. */
    static CineLoop read(Path path, GreyConversion conversion) {
        return read(path, conversion, true);
    }

    /** @return whether {@link #read(Path)} reads this file's planes directly (uncompressed 8-bit grey stack) */
    static boolean readsDirectly(Path path) {
        return Grey8Stack.eligible(path, decode(path)) != null;
    }

    /**
     * As {@link #read(Path, GreyConversion)}; {@code allowDirect = false} reads every plane through ImageJ
     * (the reference the direct path is tested against).
     */
    static CineLoop read(Path path, GreyConversion conversion, boolean allowDirect) {
        return read(path, conversion, allowDirect, MemoryGuard.defaultBudget());
    }

    /**
     * As {@link #read(Path, GreyConversion, boolean)}; an uncompressed 8-bit grey stack is held as bytes
     * (one a pixel) when they fit in {@code budgetBytes}, else read plane by plane on demand (tag
     * {@code frames=streamed}).
     */
    static CineLoop read(Path path, GreyConversion conversion, boolean allowDirect, long budgetBytes) {
        String source = path.toString();
        FileInfo[] info = decode(path);
        FileInfo direct = allowDirect ? Grey8Stack.eligible(path, info) : null;
        ImagePlus imp = direct != null ? Grey8Stack.firstPlane(source, direct) : open(source, info);
        int varying = (imp.getNChannels() > 1 ? 1 : 0) + (imp.getNSlices() > 1 ? 1 : 0)
                + (imp.getNFrames() > 1 ? 1 : 0);
        if (varying > 1) {
            throw new InputException(source, "TIFF hyperstack with " + imp.getNChannels() + " channels, "
                    + imp.getNSlices() + " slices and " + imp.getNFrames() + " frames: only one dimension may vary");
        }
        int planes = direct != null ? direct.nImages : imp.getStackSize();
        ij.process.ImageProcessor first = imp.getStack().getProcessor(1);
        RgbToGrey rgbToGrey = conversion.resolve(source, ImageJFrames.isColour(first), imp.getBitDepth() + "-bit grey",
                imp.getWidth(), imp.getHeight(), () -> ImageJFrames.packedRgb(first));
        Map<String, String> tags = new HashMap<>();
        if (direct != null) {
            MemoryGuard.checkFrame(source, imp.getWidth(), imp.getHeight());
            boolean stream = (long) planes * imp.getWidth() * imp.getHeight() > budgetBytes;   // bytes held
            if (stream) {
                tags.put("frames", "streamed");
            }
            return loop(source, imp, Grey8Stack.source(path, direct, stream, budgetBytes), null, conversion, tags);
        }
        MemoryGuard.check(source, planes, imp.getWidth(), imp.getHeight());
        float[][] frames = ImageJFrames.grey(imp.getStack(), rgbToGrey);
        return loop(source, imp, FrameSource.of(frames), frames, conversion, tags);
    }

    /** @param frames the frames as floats when in memory (for the scale of 32-bit data), else {@code null} */
    private static CineLoop loop(String source, ImagePlus imp, FrameSource source2, float[][] frames,
                                 GreyConversion conversion, Map<String, String> tags) {
        Calibration cal = imp.getCalibration();
        String[] timingSource = new String[1];
        double[] times = times(imp, cal, source2.frameCount(), timingSource);
        Double pixelSize = pixelSizeMm(cal);
        if (pixelSize != null) {
            tags.put("pixelSizeSource", "TiffCalibration");
        }
        int type = imp.getType();
        double maxGrey = conversion.usesColourBar() ? 255 : type == ImagePlus.GRAY16 ? 65535 : type == ImagePlus.GRAY32
                ? ImageJFrames.maxValue(frames) : 255;
        String colour = type == ImagePlus.COLOR_RGB ? "RGB" : type == ImagePlus.COLOR_256 ? "indexed"
                : "grey" + imp.getBitDepth();
        LoopMetadata meta = new LoopMetadata(source, "TIFF", maxGrey, colour, null, timingSource[0],
                List.of(), tags);
        return new CineLoop(imp.getWidth(), imp.getHeight(), times, pixelSize, meta, source2);
    }

    private static FileInfo[] decode(Path path) {
        String source = path.toString();
        Path abs = path.toAbsolutePath();
        String dir = abs.getParent() == null ? "" : abs.getParent().toString() + java.io.File.separator;
        try {
            FileInfo[] info = new TiffDecoder(dir, abs.getFileName().toString()).getTiffInfo();
            if (info == null || info.length == 0) {
                throw new InputException(source, "corrupt TIFF: no image found");
            }
            return info;
        } catch (IOException e) {
            throw new InputException(source, "corrupt TIFF: " + e.getMessage(), e);
        }
    }

    private static ImagePlus open(String source, FileInfo[] info) {
        ImagePlus imp = info.length > 1 ? new Opener().openTiffStack(info) : new FileOpener(info[0]).openImage();
        if (imp == null || imp.getStackSize() < 1) {
            throw new InputException(source, "ImageJ cannot read this TIFF (unsupported or corrupt)");
        }
        return imp;
    }

    private static double[] times(ImagePlus imp, Calibration cal, int n, String[] source) {
        double[] fromLabels = labelTimes(imp, n);
        if (fromLabels != null) {
            source[0] = "sliceLabels";
            return fromLabels;
        }
        double unit = timeUnitS(cal.getTimeUnit());
        if (cal.frameInterval > 0 && Double.isFinite(cal.frameInterval) && !Double.isNaN(unit)) {
            source[0] = "finterval";
            return CineLoop.regularTimes(n, cal.frameInterval * unit);
        }
        if (cal.fps > 0 && Double.isFinite(cal.fps)) {
            source[0] = "fps";
            return CineLoop.regularTimes(n, 1.0 / cal.fps);
        }
        source[0] = "none";
        return CineLoop.regularTimes(n, DicomTiming.FALLBACK_INTERVAL_S);
    }

    /** @return times from the slice labels, or {@code null} unless every label holds a time and they never decrease */
    static double[] labelTimes(ImagePlus imp, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            Double v = parseLabelTime(imp.getStack().getSliceLabel(i + 1));
            if (v == null) {
                return null;
            }
            t[i] = v;
        }
        double t0 = t[0];
        for (int i = 0; i < n; i++) {
            t[i] -= t0;
            if (i > 0 && t[i] < t[i - 1]) {
                return null;
            }
        }
        return t;
    }

    /** @return the time in seconds written as {@code t=<number>[ ][s|ms]} in a label, or {@code null} */
    static Double parseLabelTime(String label) {
        if (label == null) {
            return null;
        }
        Matcher m = LABEL_TIME.matcher(label);
        if (!m.find()) {
            return null;
        }
        double v = Double.parseDouble(m.group(1));
        if (!Double.isFinite(v)) {
            return null;
        }
        return "ms".equals(m.group(2)) ? v / 1000.0 : v;
    }

    private static double timeUnitS(String unit) {
        String u = unit == null ? "s" : unit.trim().toLowerCase(Locale.ROOT);
        switch (u) {
            case "s": case "sec": case "second": case "seconds": case "": return 1;
            case "ms": case "msec": return 1e-3;
            case "us": case "µs": case "\u03bcs": case "usec": return 1e-6;
            case "min": case "minute": case "minutes": return 60;
            case "h": case "hour": case "hours": case "hr": return 3600;
            default: return Double.NaN;
        }
    }

    /** @return the pixel width in mm, or {@code null} when the calibration is not a length */
    static Double pixelSizeMm(Calibration cal) {
        double mm = lengthUnitMm(cal.getUnit());
        double w = cal.pixelWidth;
        if (Double.isNaN(mm) || !(w > 0) || !Double.isFinite(w)) {
            return null;
        }
        return w * mm;
    }

    private static double lengthUnitMm(String unit) {
        String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
        switch (u) {
            case "nm": return 1e-6;
            case "um": case "µm": case "\u03bcm": case "micron": case "microns": return 1e-3;
            case "mm": return 1;
            case "cm": return 10;
            case "m": case "meter": case "metre": return 1000;
            case "inch": case "in": return 25.4;
            default: return Double.NaN;
        }
    }
    /**
     * Fast path for the commonest loop file, an uncompressed 8-bit grey ImageJ TIFF stack (one image
     * description, planes stored one after the other): the planes are read straight from the file instead of
     * through ImageJ's stack opener; ImageJ still decodes the tags, the description and the first plane
     * (calibration, frame interval), so the loop is identical to the one the general path reads.
     */
    private static final class Grey8Stack {
        private Grey8Stack() {
        }

        /** @return the stack's file info when the fast path applies (a copy), else {@code null} */
        static FileInfo eligible(Path path, FileInfo[] info) {
            if (info.length != 1) {
                return null;
            }
            FileInfo fi = (FileInfo) info[0].clone();
            boolean plain = fi.fileType == FileInfo.GRAY8 && fi.compression == FileInfo.COMPRESSION_NONE
                    && fi.lutSize == 0 && !fi.whiteIsZero && fi.sliceLabels == null && fi.nImages > 1
                    && fi.width > 0 && fi.height > 0 && fi.gapBetweenImages >= 0;
            if (!plain) {
                return null;
            }
            java.util.Properties props = new FileOpener((FileInfo) fi.clone()).decodeDescriptionString(
                    (FileInfo) fi.clone());
            if (props == null || dimensionsAbove1(props) > 1) {
                return null;
            }
            long plane = (long) fi.width * fi.height;
            long end = fi.getOffset() + (fi.nImages - 1L) * (plane + fi.gapBetweenImages) + plane;
            try {
                return end <= java.nio.file.Files.size(path) ? fi : null;
            } catch (IOException e) {
                return null;
            }
        }

        private static int dimensionsAbove1(java.util.Properties props) {
            int n = 0;
            for (String key : new String[] {"channels", "slices", "frames"}) {
                try {
                    n += Integer.parseInt(props.getProperty(key, "1").trim()) > 1 ? 1 : 0;
                } catch (NumberFormatException e) {
                    n += 2;
                }
            }
            return n;
        }

        /** @return the first plane with the stack's calibration, opened by ImageJ */
        static ImagePlus firstPlane(String source, FileInfo fi) {
            FileInfo one = (FileInfo) fi.clone();
            one.nImages = 1;
            ImagePlus imp = new FileOpener(one).openImage();
            if (imp == null || imp.getStackSize() < 1) {
                throw new InputException(source, "ImageJ cannot read this TIFF (unsupported or corrupt)");
            }
            return imp;
        }

        /**
         * @param stream read each plane when asked for (a few cached, the next ones read ahead) rather than
         *               all now, in order, kept as bytes
         * @return the planes as grey values 0–255
         */
        static FrameSource source(Path path, FileInfo fi, boolean stream, long budgetBytes) {
            int plane = fi.width * fi.height;
            long stride = plane + (long) fi.gapBetweenImages;
            long base = fi.getOffset();
            java.util.function.IntFunction<float[]> read = f -> {
                byte[] bytes = new byte[plane];
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(path)) {
                    readFully(path, ch, java.nio.ByteBuffer.wrap(bytes), base + f * stride);
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw new InputException(path.toString(), "cannot read TIFF plane " + (f + 1) + ": " + e.getMessage(), e);
                }
                float[] g = new float[plane];
                for (int i = 0; i < plane; i++) {
                    g[i] = bytes[i] & 0xFF;
                }
                return g;
            };
            if (!stream) {
                return CompactFrames.ofBytes(planes(path, fi.nImages, plane, base, stride));
            }
            long frameBytes = MemoryGuard.decodedBytes(1, fi.width, fi.height);
            CachedFrameSource src = new CachedFrameSource(path.toString(), fi.nImages, read,
                    CachedFrameSource.capacity(frameBytes, budgetBytes));
            src.frame(fi.nImages - 1);
            return src;
        }

        /**
         * All planes as bytes, read in order through one channel (the planes of a file held in memory: no
         * widening to floats and back, no channel per plane).
         */
        private static byte[][] planes(Path path, int n, int plane, long base, long stride) {
            byte[][] out = new byte[n][plane];
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(path)) {
                for (int f = 0; f < n; f++) {
                    readFully(path, ch, java.nio.ByteBuffer.wrap(out[f]), base + f * stride);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new InputException(path.toString(), "cannot read TIFF planes: " + e.getMessage(), e);
            }
            return out;
        }

        private static void readFully(Path path, java.nio.channels.FileChannel ch, java.nio.ByteBuffer buf, long pos) {
            try {
                while (buf.hasRemaining()) {
                    int n = ch.read(buf, pos + buf.position());
                    if (n < 0) {
                        throw new InputException(path.toString(), "truncated TIFF: plane data ends at byte "
                                + (pos + buf.position()));
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
