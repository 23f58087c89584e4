package org.ceusperfusion.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import java.awt.Rectangle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;
import org.ceusperfusion.roi.RoiMask;

/**
 * Converts between {@link CineLoop} and ImageJ's {@link ImagePlus}, and ImageJ ROIs to {@link RoiMask}.
 *
 * <p>A loop becomes a time series (frames on the T axis, one slice, one channel): an 8-bit stack when
 * its grey scale is 0..255 and every value is an integer, else a 32-bit stack with the same values. A loop
 * its reader streams (larger than the memory budget, tag {@code frames=streamed}) becomes a virtual stack
 * ({@link CineVirtualStack}) decoded on demand, so a 300 MB export never needs its frames as floats.
 * {@link Calibration#frameInterval} holds the median interval in seconds, {@link Calibration#fps} its
 * inverse, and the pixel size is in mm when known. Irregular times survive as slice labels
 * {@code t=<s> s} and as the property {@value ImageTimes#TIMES_PROPERTY}; the file is in
 * {@value #PATH_PROPERTY}. Converting back yields the same grey values, so the plugin and the CLI give the
 * same numbers.
 *
 * <pre>{@code
 * ImagePlus imp = CineLoopImages.toImagePlus(LoopReader.open(path, LoadOptions.NONE), "loop");
 * CineLoop back = CineLoopImages.toCineLoop(imp, new ArrayList<>());
 * }</pre>
 */
public final class CineLoopImages {
    /** ImagePlus property: the file the loop was read from. */
    public static final String PATH_PROPERTY = "CEUS.path";
    /** ImagePlus property: the loop's times, s, comma-separated. */
    public static final String TIMES_PROPERTY = ImageTimes.TIMES_PROPERTY;
    /** ImagePlus property: the largest grey value of the stored scale (for 32-bit images). */
    public static final String MAX_GREY_PROPERTY = "CEUS.maxGrey";
    /** ImagePlus property: the container format (DICOM, AVI, ...). */
    public static final String FORMAT_PROPERTY = "CEUS.format";
    /** ImagePlus property: where the times came from. */
    public static final String TIMING_PROPERTY = "CEUS.timingSource";
    /** ImagePlus property: photometric interpretation or colour model. */
    public static final String PHOTOMETRIC_PROPERTY = "CEUS.photometric";

    private CineLoopImages() {
    }

    /**
     * @param loop  the cine loop
     * @param title the image title
     * @return a time series with the loop's grey values, times and calibration (not shown)
     */
    public static ImagePlus toImagePlus(CineLoop loop, String title) {
        LoopMetadata m = loop.metadata();
        ImageStack stack = "streamed".equals(m.tags().get("frames"))
                ? new CineVirtualStack(loop, m.maxGrey() == 255 && isByteValued(loop.frame(0))
                        && isByteValued(loop.frame(loop.frameCount() - 1)))
                : inMemoryStack(loop);
        boolean eightBit = stack.getBitDepth() == 8;
        ImagePlus imp = new ImagePlus(title, stack);
        imp.setDimensions(1, 1, loop.frameCount());
        if (!eightBit) {
            imp.getProcessor().setMinAndMax(0, m.maxGrey());
        }
        calibrate(imp.getCalibration(), loop);
        setProperties(imp, loop);
        return imp;
    }

    /**
     * One pass over the frames: 8-bit slices while every value is an integer in 0..255 (and the scale is
     * 0..255), switching the whole stack to 32-bit at the first frame that is not.
     */
    private static ImageStack inMemoryStack(CineLoop loop) {
        int w = loop.width();
        int h = loop.height();
        ImageStack stack = new ImageStack(w, h);
        boolean eightBit = loop.metadata().maxGrey() == 255;
        for (int i = 0; i < loop.frameCount(); i++) {
            float[] f = loop.frame(i);
            if (eightBit && !isByteValued(f)) {
                eightBit = false;
                stack = toFloat(stack);
            }
            ImageProcessor ip = eightBit ? toBytes(f, w, h) : new FloatProcessor(w, h, f.clone());
            stack.addSlice(ImageTimes.label(loop.timeS(i)), ip);
        }
        return stack;
    }

    private static ImageStack toFloat(ImageStack bytes) {
        ImageStack out = new ImageStack(bytes.getWidth(), bytes.getHeight());
        for (int i = 1; i <= bytes.getSize(); i++) {
            out.addSlice(bytes.getSliceLabel(i), bytes.getProcessor(i).convertToFloat());
        }
        return out;
    }

    private static void calibrate(Calibration cal, CineLoop loop) {
        double dt = loop.frameIntervalS();
        cal.frameInterval = dt;
        cal.fps = dt > 0 ? 1.0 / dt : 0;
        cal.setTimeUnit("s");
        Double px = loop.pixelSizeMm();
        if (px != null && px > 0) {
            cal.pixelWidth = px;
            cal.pixelHeight = px;
            cal.setUnit("mm");
        }
    }

    private static void setProperties(ImagePlus imp, CineLoop loop) {
        LoopMetadata m = loop.metadata();
        if (m.path() != null) {
            imp.setProp(PATH_PROPERTY, m.path());
        }
        imp.setProp(TIMES_PROPERTY, ImageTimes.format(loop.timesS()));
        imp.setProp(MAX_GREY_PROPERTY, Double.toString(m.maxGrey()));
        setIfPresent(imp, FORMAT_PROPERTY, m.format());
        setIfPresent(imp, TIMING_PROPERTY, m.timingSource());
        setIfPresent(imp, PHOTOMETRIC_PROPERTY, m.photometric());
    }

    private static void setIfPresent(ImagePlus imp, String key, String value) {
        if (value != null) {
            imp.setProp(key, value);
        }
    }

    private static boolean isByteValued(float[] frame) {
        for (float v : frame) {
            if (!(v >= 0 && v <= 255 && v == Math.rint(v))) {
                return false;
            }
        }
        return true;
    }

    private static ByteProcessor toBytes(float[] f, int w, int h) {
        byte[] b = new byte[f.length];
        for (int i = 0; i < f.length; i++) {
            b[i] = (byte) (int) f[i];
        }
        return new ByteProcessor(w, h, b);
    }

    /**
     * The inverse of {@link #toImagePlus}: the image's frames as a cine loop.
     *
     * <p>Frames are the T axis, or the Z axis when the image has a single time point (ImageJ's own readers
     * open DICOM multi-frame files as Z slices). Times come from {@value ImageTimes#TIMES_PROPERTY}, else
     * the slice labels, else the frame interval or rate, else the image's file or DICOM header
     * ({@link SourceMetadata}, which also fills in a missing pixel size); an image with none is refused. Grey values are the raw
     * stored values; RGB becomes luminance {@code 0.299R + 0.587G + 0.114B}. The largest grey value is 255
     * for 8-bit and RGB, {@value #MAX_GREY_PROPERTY} or 65535 for 16-bit, {@value #MAX_GREY_PROPERTY} or 255
     * (with a warning) for 32-bit images.
     *
     * @param imp      the image
     * @param warnings receives what the user should know about the conversion
     * @return the loop; its frames are read from the image's stack on demand
     * @throws InputException when the image has several frames and no frame times anywhere
     */
    public static CineLoop toCineLoop(ImagePlus imp, List<String> warnings) {
        return toCineLoop(imp, warnings, Double.NaN);
    }

    /**
     * As {@link #toCineLoop(ImagePlus, List)}; a positive {@code frameIntervalS} replaces the image's frame
     * times with regular ones (as {@code --frame-interval} in the CLI).
     *
     * @param frameIntervalS the frame interval, s, or NaN to use the image's own times
     * @throws InputException when the image has no frame times and none is given
     */
    public static CineLoop toCineLoop(ImagePlus imp, List<String> warnings, double frameIntervalS) {
        int[] idx = frameIndices(imp, warnings);
        boolean override = !Double.isNaN(frameIntervalS);
        SourceMetadata.adopt(imp, idx.length, override || ImageTimes.known(imp, idx));
        ImageTimes.Resolved times = override ? ImageTimes.given(idx.length, frameIntervalS)
                : ImageTimes.resolve(imp, idx, warnings);
        String timing = times.source();
        String storedTiming = imp.getProp(TIMING_PROPERTY);
        if (storedTiming != null && timing.endsWith(TIMES_PROPERTY)) {
            timing = storedTiming;
        }
        LoopMetadata meta = new LoopMetadata(pathOf(imp), orDefault(imp.getProp(FORMAT_PROPERTY), "ImageJ"),
                maxGrey(imp, warnings), photometric(imp), null, timing, List.of(), Map.of());
        return new CineLoop(imp.getWidth(), imp.getHeight(), times.timesS(), pixelSizeMm(imp, warnings), meta,
                new StackFrames(imp.getStack(), idx));
    }

    /**
     * Whether {@link #toCineLoop(ImagePlus, List)} will find frame times, after completing them from the
     * image's file or DICOM header ({@link SourceMetadata}) when they are missing.
     *
     * @param imp the image (its calibration may be completed in place)
     * @return whether the image has frame times (or a single frame)
     */
    public static boolean hasFrameTimes(ImagePlus imp) {
        int[] idx = frameIndices(imp, new ArrayList<>());
        SourceMetadata.adopt(imp, idx.length, ImageTimes.known(imp, idx));
        return ImageTimes.known(imp, idx);
    }

    /** As {@link #toCineLoop(ImagePlus, List)}, discarding warnings. */
    public static CineLoop toCineLoop(ImagePlus imp) {
        return toCineLoop(imp, new ArrayList<>());
    }

    /** @return the file the image came from ({@value #PATH_PROPERTY}), or {@code null} */
    public static Path sourcePath(ImagePlus imp) {
        String p = imp.getProp(PATH_PROPERTY);
        if (p == null || p.isBlank()) {
            return null;
        }
        Path path = Path.of(p);
        return Files.isRegularFile(path) ? path : null;
    }

    private static int[] frameIndices(ImagePlus imp, List<String> warnings) {
        int nc = imp.getNChannels();
        int nz = imp.getNSlices();
        int nt = imp.getNFrames();
        boolean timeIsZ = nt == 1;
        int n = timeIsZ ? nz : nt;
        if (nc > 1) {
            warnings.add("the image has " + nc + " channels: channel " + imp.getC() + " is analysed");
        }
        if (!timeIsZ && nz > 1) {
            warnings.add("the image has " + nz + " Z slices per time point: slice " + imp.getZ() + " is analysed");
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = timeIsZ ? imp.getStackIndex(imp.getC(), i + 1, 1) : imp.getStackIndex(imp.getC(), imp.getZ(), i + 1);
        }
        return idx;
    }

    private static String pathOf(ImagePlus imp) {
        String p = imp.getProp(PATH_PROPERTY);
        if (p != null && !p.isBlank()) {
            return p;
        }
        var fi = imp.getOriginalFileInfo();
        if (fi != null && fi.fileName != null && fi.directory != null && !fi.directory.isEmpty()) {
            return Path.of(fi.directory, fi.fileName).toString();
        }
        return imp.getTitle();
    }

    private static double maxGrey(ImagePlus imp, List<String> warnings) {
        int depth = imp.getBitDepth();
        if (depth == 8 || depth == 24) {
            return 255;
        }
        String s = imp.getProp(MAX_GREY_PROPERTY);
        if (s != null) {
            try {
                double v = Double.parseDouble(s.trim());
                if (v > 0 && Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                warnings.add("ignoring unreadable " + MAX_GREY_PROPERTY + " '" + s + "'");
            }
        }
        if (depth == 16) {
            return 65535;
        }
        warnings.add("32-bit image without " + MAX_GREY_PROPERTY + ": assuming a grey scale of 0..255");
        return 255;
    }

    private static String photometric(ImagePlus imp) {
        String p = imp.getProp(PHOTOMETRIC_PROPERTY);
        if (p != null) {
            return p;
        }
        return imp.getBitDepth() == 24 ? "RGB (luminance)" : null;
    }

    private static Double pixelSizeMm(ImagePlus imp, List<String> warnings) {
        Calibration cal = imp.getCalibration();
        if (!cal.scaled()) {
            return null;
        }
        double toMm = mmPerUnit(cal.getUnit());
        if (Double.isNaN(toMm)) {
            warnings.add("pixel size unit '" + cal.getUnit() + "' is not a length: pixel size ignored");
            return null;
        }
        if (Math.abs(cal.pixelWidth - cal.pixelHeight) > 1e-9 * Math.abs(cal.pixelWidth)) {
            warnings.add("pixels are not square (" + cal.pixelWidth + " x " + cal.pixelHeight + " "
                    + cal.getUnit() + "): using the width");
        }
        return cal.pixelWidth * toMm;
    }

    private static double mmPerUnit(String unit) {
        String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
        return switch (u) {
            case "mm", "millimeter", "millimetre" -> 1.0;
            case "cm", "centimeter", "centimetre" -> 10.0;
            case "m", "meter", "metre" -> 1000.0;
            case "µm", "um", "micron", "microns", "micrometer", "micrometre" -> 0.001;
            default -> Double.NaN;
        };
    }

    private static String orDefault(String v, String def) {
        return v == null || v.isBlank() ? def : v;
    }

    /**
     * An ImageJ area ROI as a mask over its bounding rectangle (image pixels, not clipped: a ROI reaching
     * outside the image is reported by the analysis, as in the CLI).
     *
     * @param roi         an area ROI
     * @param defaultName the name used when the ROI has none
     * @return the mask
     * @throws InputException when the ROI is a line or a point
     */
    public static RoiMask toRoiMask(Roi roi, String defaultName) {
        String name = roi.getName() == null || roi.getName().isBlank() ? defaultName : roi.getName();
        if (!roi.isArea()) {
            throw new InputException("ROI " + name, "is a " + roi.getTypeAsString().toLowerCase(Locale.ROOT)
                    + ", not an area: draw a rectangle, oval or polygon");
        }
        Rectangle b = roi.getBounds();
        ImageProcessor mask = roi.getMask();
        boolean[] inside = new boolean[b.width * b.height];
        for (int j = 0; j < b.height; j++) {
            for (int i = 0; i < b.width; i++) {
                inside[j * b.width + i] = mask == null || (i < mask.getWidth() && j < mask.getHeight()
                        && mask.get(i, j) != 0);
            }
        }
        return new RoiMask(name, b.x, b.y, b.width, b.height, inside);
    }

    /** @return a mask covering the whole {@code width × height} frame */
    public static RoiMask wholeFrame(String name, int width, int height) {
        boolean[] inside = new boolean[width * height];
        java.util.Arrays.fill(inside, true);
        return new RoiMask(name, 0, 0, width, height, inside);
    }

    /** Frames read from an ImageJ stack on demand. */
    private record StackFrames(ImageStack stack, int[] index) implements FrameSource {
        @Override
        public int frameCount() {
            return index.length;
        }

        /** An 8-bit stack's slice as it is (the map reads such frames without a float copy). */
        @Override
        public byte[] greyBytes(int i) {
            return stack.getBitDepth() == 8 && stack.getPixels(index[i]) instanceof byte[] b ? b : null;
        }

        @Override
        public float[] frame(int i) {
            ImageProcessor ip = stack.getProcessor(index[i]);
            Object px = ip.getPixels();
            if (px instanceof float[] f) {
                return f;
            }
            float[] out = new float[ip.getPixelCount()];
            if (px instanceof byte[] b) {
                for (int k = 0; k < out.length; k++) {
                    out[k] = b[k] & 0xff;
                }
            } else if (px instanceof short[] s) {
                for (int k = 0; k < out.length; k++) {
                    out[k] = s[k] & 0xffff;
                }
            } else if (px instanceof int[] rgb) {
                for (int k = 0; k < out.length; k++) {
                    int c = rgb[k];
                    out[k] = (float) (0.299 * ((c >> 16) & 0xff) + 0.587 * ((c >> 8) & 0xff) + 0.114 * (c & 0xff));
                }
            }
            return out;
        }
    }
}
