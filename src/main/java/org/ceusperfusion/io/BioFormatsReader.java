package org.ceusperfusion.io;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;

/**
 * Fallback for formats this package does not read: Bio-Formats ({@code loci.formats.ImageReader}),
 * called by reflection, when it is on the class path at run time (inside Fiji, or the CLI started
 * with {@code bioformats_package.jar} on its class path). There is no compile-time dependency.
 *
 * <p>Series 0 is read; its planes are time frames (one channel, or RGB as luminance). Frame times
 * are the OME plane {@code DeltaT} values in seconds (timing source {@code BioFormatsDeltaT}), else
 * the pixels' {@code TimeIncrement} (timing source {@code BioFormatsTimeIncrement}), else 1 s per frame
 * (timing source {@code none}). Grey scale: the pixel type's maximum (255, 65535) or, for floating
 * point, the largest value found.
 */
final class BioFormatsReader {
    static final String READER_CLASS = "loci.formats.ImageReader";
    private static final String[] PIXEL_TYPES = {"int8", "uint8", "int16", "uint16", "int32", "uint32", "float", "double"};

    private BioFormatsReader() {
    }

    /** @return whether Bio-Formats can be loaded by the given class loader */
    static boolean available(ClassLoader loader) {
        try {
            Class.forName(READER_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** @return the class loader that would see Bio-Formats: the context loader (ImageJ's plugin loader), else ours */
    static ClassLoader loader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : BioFormatsReader.class.getClassLoader();
    }

    /**
     * @param path   the file
     * @param loader class loader that has Bio-Formats
     * @return the loop
     * @throws InputException when Bio-Formats cannot read the file as a single-channel time series
     */
    static CineLoop read(Path path, ClassLoader loader) {
        return read(path, loader, GreyConversion.LUMINANCE);
    }

    /** As {@link #read(Path, ClassLoader)}, RGB planes converted as {@code conversion} says. */
    static CineLoop read(Path path, ClassLoader loader, GreyConversion conversion) {
        String source = path.toString();
        Object reader = null;
        try {
            Object meta = Class.forName("loci.formats.MetadataTools", true, loader)
                    .getMethod("createOMEXMLMetadata").invoke(null);
            reader = Class.forName(READER_CLASS, true, loader).getConstructor().newInstance();
            Class<?> storeType = Class.forName("loci.formats.meta.MetadataStore", true, loader);
            reader.getClass().getMethod("setMetadataStore", storeType).invoke(reader, meta);
            call(reader, "setId", new Class<?>[] {String.class}, source);
            return readSeries0(source, reader, meta, conversion);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof InputException ie ? ie
                    : new InputException(source, "Bio-Formats cannot read it: " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            throw e instanceof InputException ie ? ie
                    : new InputException(source, "Bio-Formats cannot read it: " + e, e);
        } finally {
            close(reader);
        }
    }

    private static CineLoop readSeries0(String source, Object reader, Object meta, GreyConversion conversion)
            throws ReflectiveOperationException {
        int w = (Integer) call(reader, "getSizeX", new Class<?>[0]);
        int h = (Integer) call(reader, "getSizeY", new Class<?>[0]);
        int n = (Integer) call(reader, "getImageCount", new Class<?>[0]);
        int rgb = (Integer) call(reader, "getRGBChannelCount", new Class<?>[0]);
        int effectiveC = (Integer) call(reader, "getEffectiveSizeC", new Class<?>[0]);
        int type = (Integer) call(reader, "getPixelType", new Class<?>[0]);
        boolean little = (Boolean) call(reader, "isLittleEndian", new Class<?>[0]);
        boolean interleaved = (Boolean) call(reader, "isInterleaved", new Class<?>[0]);
        if (effectiveC != 1) {
            throw new InputException(source, "Bio-Formats reads " + effectiveC + " channels: only one channel (or RGB)"
                    + " time series can be analysed");
        }
        if (type < 0 || type >= PIXEL_TYPES.length) {
            throw new InputException(source, "Bio-Formats pixel type " + type + " is not supported");
        }
        MemoryGuard.check(source, n, w, h);
        float[][] frames = new float[n][];
        RgbToGrey rgbToGrey = null;
        float max = type <= 1 ? 255 : 65535;
        for (int i = 0; i < n; i++) {
            byte[] bytes = (byte[]) call(reader, "openBytes", new Class<?>[] {int.class}, i);
            if (conversion.usesColourBar()) {
                float[] s = samples(bytes, w * h, Math.min(rgb, 3), interleaved, type, little);
                rgbToGrey = rgbToGrey != null ? rgbToGrey : conversion.resolve(source, rgb >= 3 && type <= 3,
                        rgb + " sample(s) of " + PIXEL_TYPES[type], w, h, () -> GreyConversion.pack(s, max));
                frames[i] = rgbToGrey.grey(GreyConversion.pack(s, max));
            } else {
                frames[i] = grey(bytes, w * h, rgb, interleaved, type, little);
            }
        }
        String[] timing = new String[1];
        double[] times = times(meta, n, timing);
        double maxGrey = type == 1 || type == 0 || conversion.usesColourBar() ? 255 : type == 2 || type == 3 ? 65535 : ImageJFrames.maxValue(frames);
        Map<String, String> tags = new HashMap<>();
        tags.put("frames", "memory");
        tags.put("bioFormatsFormat", String.valueOf(call(reader, "getFormat", new Class<?>[0])));
        LoopMetadata lm = new LoopMetadata(source, "BioFormats", maxGrey, rgb == 3 ? "RGB" : "grey",
                PIXEL_TYPES[type], timing[0], List.of(), tags);
        return new CineLoop(w, h, times, null, lm, FrameSource.of(frames));
    }

    /** Plane samples → grey; RGB (3 samples) → luminance. */
    static float[] grey(byte[] bytes, int pixels, int samples, boolean interleaved, int type, boolean little) {
        int size = type <= 1 ? 1 : type <= 3 ? 2 : type == 7 ? 8 : 4;
        ByteBuffer b = ByteBuffer.wrap(bytes).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        float[] g = new float[pixels];
        float[] s = new float[3];
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < samples && c < 3; c++) {
                int index = interleaved ? p * samples + c : c * pixels + p;
                s[c] = sample(b, index * size, type);
            }
            g[p] = samples >= 3 ? PhotometricConverter.luminance(s[0], s[1], s[2]) : s[0];
        }
        return g;
    }

    /** @return interleaved RGB samples of a plane with {@code samples} (3) components per pixel */
    private static float[] samples(byte[] bytes, int pixels, int samples, boolean interleaved, int type, boolean little) {
        int size = type <= 1 ? 1 : type <= 3 ? 2 : type == 7 ? 8 : 4;
        ByteBuffer b = ByteBuffer.wrap(bytes).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        float[] out = new float[3 * pixels];
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < 3; c++) {
                int component = Math.min(c, samples - 1);
                int index = interleaved ? p * samples + component : component * pixels + p;
                out[3 * p + c] = sample(b, index * size, type);
            }
        }
        return out;
    }

    private static float sample(ByteBuffer b, int at, int type) {
        switch (type) {
            case 0: return b.get(at);
            case 1: return b.get(at) & 0xFF;
            case 2: return b.getShort(at);
            case 3: return b.getShort(at) & 0xFFFF;
            case 4: return b.getInt(at);
            case 5: return b.getInt(at) & 0xFFFFFFFFL;
            case 6: return b.getFloat(at);
            default: return (float) b.getDouble(at);
        }
    }

    private static double[] times(Object meta, int n, String[] timing) {
        double[] t = new double[n];
        try {
            for (int i = 0; i < n; i++) {
                t[i] = seconds(meta.getClass().getMethod("getPlaneDeltaT", int.class, int.class).invoke(meta, 0, i));
            }
            if (n > 0 && increasing(t)) {
                double t0 = t[0];
                for (int i = 0; i < n; i++) {
                    t[i] -= t0;
                }
                timing[0] = "BioFormatsDeltaT";
                return t;
            }
            double dt = seconds(meta.getClass().getMethod("getPixelsTimeIncrement", int.class).invoke(meta, 0));
            if (dt > 0 && Double.isFinite(dt)) {
                timing[0] = "BioFormatsTimeIncrement";
                return CineLoop.regularTimes(n, dt);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no usable timing in the metadata: fall through
        }
        timing[0] = "none";
        return CineLoop.regularTimes(n, DicomTiming.FALLBACK_INTERVAL_S);
    }

    /** @return seconds of an {@code ome.units.quantity.Time} (or a plain number), NaN when absent */
    private static double seconds(Object quantity) throws ReflectiveOperationException {
        if (quantity == null) {
            return Double.NaN;
        }
        if (quantity instanceof Number num) {
            return num.doubleValue();
        }
        ClassLoader cl = quantity.getClass().getClassLoader();
        Object second = Class.forName("ome.units.UNITS", true, cl).getField("SECOND").get(null);
        Class<?> unit = Class.forName("ome.units.unit.Unit", true, cl);
        Object v = quantity.getClass().getMethod("value", unit).invoke(quantity, second);
        return v instanceof Number num ? num.doubleValue() : Double.NaN;
    }

    private static boolean increasing(double[] t) {
        for (int i = 0; i < t.length; i++) {
            if (!Double.isFinite(t[i]) || (i > 0 && t[i] < t[i - 1])) {
                return false;
            }
        }
        return t.length < 2 || t[t.length - 1] > t[0];
    }

    private static Object call(Object target, String name, Class<?>[] types, Object... args)
            throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(name, types);
        return m.invoke(target, args);
    }

    private static void close(Object reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.getClass().getMethod("close").invoke(reader);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // closing is best effort
        }
    }
}
