package org.ceusperfusion.io;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;

/**
 * Thin reflective adapter to Bio-Formats ({@code loci.formats.ImageReader}) for formats this package does not
 * read, or fails on: used when Bio-Formats can be loaded at run time (inside Fiji, plain ImageJ with
 * {@code bioformats_package.jar} in {@code plugins/}, or the CLI with it on the class path). No compile-time
 * dependency. Classes are looked up through this plugin's own class loader first (the one that sees the jars of
 * ImageJ's {@code plugins/} folder), then the thread's context class loader.
 *
 * <p>The adapter only records what the reader says ({@link BioFormatsSeries}: every series' sizes, dimension
 * order, planes with TheC/TheZ/TheT/DeltaT, TimeIncrement, the original metadata's frame rate, physical sizes,
 * pixel type, colour table) and reads plane bytes; the choices (series, channel, Z), times and pixel size are
 * made by {@link PlanePlanner} (timing sources {@code BioFormatsDeltaT}, {@code BioFormatsTimeIncrement},
 * {@code BioFormatsFrameRate}, {@code none}) and the grey values by {@link BioFormatsSeries}.
 * SLF4J's "no provider" warnings are kept off the console ({@link QuietStderr}).
 */
final class BioFormatsReader {
    static final String READER_CLASS = "loci.formats.ImageReader";
    private static final Class<?>[] NONE = new Class<?>[0];

    private BioFormatsReader() {
    }

    /** @return whether Bio-Formats can be loaded by the given class loader */
    static boolean available(ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        try {
            Class.forName(READER_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * @return the first class loader that sees Bio-Formats: this plugin's own loader (ImageJ's plugin class
     *         loader, which sees {@code plugins/*.jar}), then the thread's context loader; our own when neither does
     */
    static ClassLoader loader() {
        return loader(BioFormatsReader.class.getClassLoader(), Thread.currentThread().getContextClassLoader());
    }

    /** @return {@code own} when it sees Bio-Formats, else {@code context} when it does, else {@code own} */
    static ClassLoader loader(ClassLoader own, ClassLoader context) {
        if (available(own) || !available(context)) {
            return own;
        }
        return context;
    }

    /** As {@link #read(Path, ClassLoader, GreyConversion, PlaneSelection)} with luminance and no selection. */
    static CineLoop read(Path path, ClassLoader loader) {
        return read(path, loader, GreyConversion.LUMINANCE, PlaneSelection.NONE);
    }

    /**
     * @param path      the file
     * @param loader    class loader that sees Bio-Formats
     * @param conversion how RGB becomes grey
     * @param selection series, channel and Z chosen by the user
     * @return the loop
     * @throws InputException when Bio-Formats cannot read the file, or the layout needs a choice
     */
    static CineLoop read(Path path, ClassLoader loader, GreyConversion conversion, PlaneSelection selection) {
        String source = path.toString();
        Object reader = null;
        QuietStderr.install();
        try {
            Object meta = Class.forName("loci.formats.MetadataTools", true, loader)
                    .getMethod("createOMEXMLMetadata").invoke(null);
            reader = Class.forName(READER_CLASS, true, loader).getConstructor().newInstance();
            Class<?> storeType = Class.forName("loci.formats.meta.MetadataStore", true, loader);
            reader.getClass().getMethod("setMetadataStore", storeType).invoke(reader, meta);
            call(reader, "setId", new Class<?>[] {String.class}, source);
            List<BioFormatsSeries> series = record(reader, meta);
            return read(source, reader, series, conversion, selection);
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

    private static CineLoop read(String source, Object reader, List<BioFormatsSeries> series, GreyConversion conversion,
                                 PlaneSelection selection) throws ReflectiveOperationException {
        List<SeriesLayout> layouts = new ArrayList<>();
        for (BioFormatsSeries s : series) {
            layouts.add(s.layout());
        }
        LoopPlan plan = PlanePlanner.plan(source, layouts, selection, "BioFormats");
        BioFormatsSeries s = series.get(plan.series());
        if (s.pixelType() < 0 || s.pixelType() >= BioFormatsSeries.PIXEL_TYPES.length) {
            throw new InputException(source, "Bio-Formats pixel type " + s.pixelType() + " is not supported");
        }
        call(reader, "setSeries", new Class<?>[] {int.class}, plan.series());
        int w = s.layout().sizeX();
        int h = s.layout().sizeY();
        MemoryGuard.check(source, plan.frameCount(), w, h);
        boolean colour = s.rgbSamples() >= 3;
        float[][] frames = frames(source, reader, s, plan, conversion);
        double full = conversion.usesColourBar() ? 255 : s.fullScale();
        Map<String, String> tags = new HashMap<>(plan.tags());
        tags.put("frames", "memory");
        tags.put("bioFormatsFormat", String.valueOf(call(reader, "getFormat", NONE)));
        if (plan.pixelSizeMm() != null) {
            tags.put("pixelSizeSource", "BioFormatsPhysicalSize");
        }
        LoopMetadata lm = new LoopMetadata(source, "BioFormats", Double.isNaN(full) ? ImageJFrames.maxValue(frames) : full,
                colour ? "RGB" : s.indexed() ? "indexed" : "grey", s.typeName(), plan.timingSource(), List.of(), tags);
        return new CineLoop(w, h, plan.timesS(), plan.pixelSizeMm(), lm, FrameSource.of(frames));
    }

    private static float[][] frames(String source, Object reader, BioFormatsSeries s, LoopPlan plan,
                                    GreyConversion conversion) throws ReflectiveOperationException {
        int w = s.layout().sizeX();
        int h = s.layout().sizeY();
        boolean colour = s.rgbSamples() >= 3;
        float[][] frames = new float[plan.frameCount()][];
        RgbToGrey rgbToGrey = null;
        for (int f = 0; f < frames.length; f++) {
            int[] planes = plan.framePlanes()[f];
            float[][] g = new float[planes.length][];
            for (int k = 0; k < planes.length; k++) {
                byte[] bytes = (byte[]) call(reader, "openBytes", new Class<?>[] {int.class}, planes[k]);
                if (conversion.usesColourBar()) {
                    float[] rgb = rgb(s.samples(bytes), s.rgbSamples());
                    float max = (float) (s.pixelType() <= 1 ? 255 : 65535);
                    rgbToGrey = rgbToGrey != null ? rgbToGrey : conversion.resolve(source, colour && s.pixelType() <= 3,
                            s.rgbSamples() + " sample(s) of " + s.typeName(), w, h, () -> GreyConversion.pack(rgb, max));
                    g[k] = rgbToGrey.grey(GreyConversion.pack(rgb, max));
                } else {
                    g[k] = s.grey(bytes);
                }
            }
            frames[f] = plan.combine(g);
        }
        return frames;
    }

    private static float[] rgb(float[] s, int spp) {
        if (spp == 3) {
            return s;
        }
        float[] out = new float[s.length / Math.max(1, spp) * 3];
        for (int p = 0; p < out.length / 3; p++) {
            for (int c = 0; c < 3; c++) {
                out[3 * p + c] = s[p * spp + Math.min(c, spp - 1)];
            }
        }
        return out;
    }

    /** @return every series of the open reader, as plain data */
    static List<BioFormatsSeries> record(Object reader, Object meta) throws ReflectiveOperationException {
        int count = (Integer) call(reader, "getSeriesCount", NONE);
        List<BioFormatsSeries> out = new ArrayList<>();
        Map<String, ?> global = map(optional(reader, "getGlobalMetadata", NONE));
        for (int s = 0; s < count; s++) {
            call(reader, "setSeries", new Class<?>[] {int.class}, s);
            out.add(series(reader, meta, s, global));
        }
        return out;
    }

    private static BioFormatsSeries series(Object reader, Object meta, int s, Map<String, ?> global)
            throws ReflectiveOperationException {
        int rgb = (Integer) call(reader, "getRGBChannelCount", NONE);
        int type = (Integer) call(reader, "getPixelType", NONE);
        boolean indexed = Boolean.TRUE.equals(optional(reader, "isIndexed", NONE))
                && !Boolean.TRUE.equals(optional(reader, "isFalseColor", NONE));
        byte[][] lut8 = indexed && type <= 1 ? (byte[][]) optional(reader, "get8BitLookupTable", NONE) : null;
        short[][] lut16 = indexed && lut8 == null ? (short[][]) optional(reader, "get16BitLookupTable", NONE) : null;
        Double fps = BioFormatsSeries.frameRate(map(optional(reader, "getSeriesMetadata", NONE)), global);
        SeriesLayout layout = new SeriesLayout(string(optional(meta, "getImageName", INT, s)),
                (Integer) call(reader, "getSizeX", NONE), (Integer) call(reader, "getSizeY", NONE),
                (Integer) call(reader, "getEffectiveSizeC", NONE), (Integer) call(reader, "getSizeZ", NONE),
                (Integer) call(reader, "getSizeT", NONE), (String) call(reader, "getDimensionOrder", NONE),
                channelNames(meta, s), planes(meta, s), seconds(optional(meta, "getPixelsTimeIncrement", INT, s)), fps,
                mm(optional(meta, "getPixelsPhysicalSizeX", INT, s)), mm(optional(meta, "getPixelsPhysicalSizeY", INT, s)));
        return new BioFormatsSeries(layout, type, (Boolean) call(reader, "isLittleEndian", NONE),
                (Boolean) call(reader, "isInterleaved", NONE), rgb, valid(lut8), valid(lut16));
    }

    private static final Class<?>[] INT = {int.class};
    private static final Class<?>[] INT_INT = {int.class, int.class};

    private static List<String> channelNames(Object meta, int s) {
        Object n = optional(meta, "getChannelCount", INT, s);
        List<String> names = new ArrayList<>();
        int count = n instanceof Integer i ? i : 0;
        for (int c = 0; c < count; c++) {
            names.add(string(optional(meta, "getChannelName", INT_INT, s, c)));
        }
        return names;
    }

    /** Planes by their own TheC/TheZ/TheT (a reader that writes no Plane elements gives an empty list). */
    private static List<SeriesLayout.Plane> planes(Object meta, int s) {
        Object n = optional(meta, "getPlaneCount", INT, s);
        List<SeriesLayout.Plane> planes = new ArrayList<>();
        int count = n instanceof Integer i ? i : 0;
        for (int p = 0; p < count; p++) {
            Integer t = index(optional(meta, "getPlaneTheT", INT_INT, s, p));
            if (t == null) {
                continue;
            }
            Integer c = index(optional(meta, "getPlaneTheC", INT_INT, s, p));
            Integer z = index(optional(meta, "getPlaneTheZ", INT_INT, s, p));
            Double dt = seconds(optional(meta, "getPlaneDeltaT", INT_INT, s, p));
            planes.add(new SeriesLayout.Plane(c == null ? 0 : c, z == null ? 0 : z, t, dt));
        }
        return planes;
    }

    /** @return the value of an {@code ome.xml.model.primitives.NonNegativeInteger} (or a plain number) */
    private static Integer index(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Number num) {
            return num.intValue();
        }
        Object v = optional(o, "getValue", NONE);
        return v instanceof Number num ? num.intValue() : null;
    }

    /** @return seconds of an {@code ome.units.quantity.Time} (or a plain number), {@code null} when absent */
    private static Double seconds(Object quantity) {
        return unitValue(quantity, "SECOND", 1);
    }

    /** @return mm of an {@code ome.units.quantity.Length}, {@code null} when absent or not a length in space */
    private static Double mm(Object quantity) {
        return unitValue(quantity, "MICROMETER", 1e-3);
    }

    private static Double unitValue(Object quantity, String unitField, double scale) {
        if (quantity == null) {
            return null;
        }
        if (quantity instanceof Number num) {
            return num.doubleValue() * scale;
        }
        try {
            ClassLoader cl = quantity.getClass().getClassLoader();
            Object unit = Class.forName("ome.units.UNITS", true, cl).getField(unitField).get(null);
            Class<?> unitType = Class.forName("ome.units.unit.Unit", true, cl);
            Object v = quantity.getClass().getMethod("value", unitType).invoke(quantity, unit);
            return v instanceof Number num && Double.isFinite(num.doubleValue()) ? num.doubleValue() * scale : null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    private static <T> T valid(T lut) {
        return lut instanceof byte[][] b && (b.length < 3 || b[0] == null || b[0].length == 0) ? null
                : lut instanceof short[][] s && (s.length < 3 || s[0] == null || s[0].length == 0) ? null : lut;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, ?>) m : null;
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    /** @return the method's result, or {@code null} when it is missing or throws (metadata that is not there) */
    private static Object optional(Object target, String name, Class<?>[] types, Object... args) {
        try {
            return call(target, name, types, args);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
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
