package org.ceusperfusion.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;

/**
 * Reads an OME-TIFF (classic TIFF or BigTIFF) without Bio-Formats: the OME-XML in the first IFD's
 * description gives the series, channels, Z planes, the time of every plane and the pixel size
 * ({@link OmeXml}); {@link PlanePlanner} chooses the planes; {@code TiffData} maps planes to IFDs
 * (no TiffData: plane {@code i} of the file's plane sequence is IFD {@code i}); planes are decoded by
 * {@link TiffPlaneDecoder} (uncompressed, deflate, PackBits). Timing sources {@code OmeDeltaT},
 * {@code OmeTimeIncrement}, {@code none}; format {@code OME-TIFF}.
 */
final class OmeTiffReader {
    private OmeTiffReader() {
    }

    /** @return whether the parsed TIFF carries OME-XML */
    static boolean isOme(TiffStructure.Parsed tiff) {
        return OmeXml.looksLikeOme(tiff.ifds().get(0).description());
    }

    /**
     * @param path      the file
     * @param tiff      its parsed structure ({@link #isOme} true)
     * @param selection series, channel and Z chosen by the user
     * @param grey      how colour becomes grey
     * @return the loop
     * @throws InputException when the layout needs a choice, or the planes cannot be decoded here
     */
    static CineLoop read(Path path, TiffStructure.Parsed tiff, PlaneSelection selection, GreyConversion grey) {
        OmeXml.Document doc = OmeXml.parseDocument(path.toString(), tiff.ifds().get(0).description());
        return read(path, tiff, doc, selection, grey, "Ome", "OME-TIFF");
    }

    /**
     * Reads a TIFF without OME-XML (a BigTIFF ImageJ cannot open) as one frame per IFD, 1 s apart
     * (timing source {@code none}), format {@code BigTIFF}.
     */
    static CineLoop readPlain(Path path, TiffStructure.Parsed tiff, PlaneSelection selection, GreyConversion grey) {
        TiffIfd f = tiff.ifds().get(0);
        SeriesLayout l = new SeriesLayout(null, f.width(), f.height(), 1, 1, tiff.ifds().size(), "XYZCT", List.of(),
                List.of(), null, null, null, null);
        OmeXml.Document doc = new OmeXml.Document(List.of(new OmeXml.Image(l, null, f.samples(), List.of())), null, true);
        return read(path, tiff, doc, selection, grey, "Tiff", tiff.big() ? "BigTIFF" : "TIFF");
    }

    private static CineLoop read(Path path, TiffStructure.Parsed tiff, OmeXml.Document doc,
                                 PlaneSelection selection, GreyConversion grey, String prefix, String format) {
        String source = path.toString();
        List<OmeXml.Image> images = doc.images();
        List<SeriesLayout> layouts = new ArrayList<>();
        for (OmeXml.Image im : images) {
            layouts.add(im.layout());
        }
        LoopPlan plan = PlanePlanner.plan(source, layouts, selection, prefix);
        int[] ifdOf = planeToIfd(source, doc, plan.series(), tiff.ifds().size(), path);
        SeriesLayout l = plan.layout();
        MemoryGuard.check(source, plan.frameCount(), l.sizeX(), l.sizeY());
        TiffIfd first = tiff.ifds().get(ifdOf[plan.framePlanes()[0][0]]);
        boolean colour = first.samples() >= 3 && first.photometric() == 2;
        String type = images.get(plan.series()).type();
        if (!colour && grey.usesColourBar()) {
            grey.resolve(source, false, "grey " + OmeXml.typeName(type), l.sizeX(), l.sizeY(), null);
        }
        float[][] frames = frames(path, tiff, plan, ifdOf, first, colour ? grey : null);
        return loop(source, plan, frames, first, colour || grey.usesColourBar(), type, format);
    }

    /** @return every frame of the plan, decoded; colour planes through {@code colourGrey} ({@code null}: grey planes) */
    private static float[][] frames(Path path, TiffStructure.Parsed tiff, LoopPlan plan, int[] ifdOf, TiffIfd first,
                                    GreyConversion colourGrey) {
        String source = path.toString();
        SeriesLayout l = plan.layout();
        RgbToGrey[] rgbToGrey = new RgbToGrey[1];
        float[][] frames = new float[plan.frameCount()][];
        try (FileChannel ch = FileChannel.open(path)) {
            for (int f = 0; f < frames.length; f++) {
                int[] planes = plan.framePlanes()[f];
                float[][] grey = new float[planes.length][];
                for (int k = 0; k < planes.length; k++) {
                    TiffIfd ifd = tiff.ifds().get(ifdOf[planes[k]]);
                    check(source, ifd, first, l);
                    float[] s = TiffPlaneDecoder.samples(TiffPlaneDecoder.planeBytes(path, ch, ifd), ifd, tiff.order());
                    grey[k] = colourGrey == null ? TiffPlaneDecoder.grey(s, ifd) : colour(source, s, ifd, l, colourGrey, rgbToGrey);
                }
                frames[f] = plan.combine(grey);
            }
        } catch (IOException e) {
            throw new InputException(source, "cannot read the OME-TIFF planes: " + e.getMessage(), e);
        }
        return frames;
    }

    private static float[] colour(String source, float[] s, TiffIfd ifd, SeriesLayout l, GreyConversion conversion,
                                  RgbToGrey[] resolved) {
        float max = (float) TiffPlaneDecoder.fullScale(ifd);
        float[] rgb = rgb(s, ifd.samples());
        if (resolved[0] == null) {
            resolved[0] = conversion.resolve(source, true, "RGB", l.sizeX(), l.sizeY(), () -> GreyConversion.pack(rgb, max));
        }
        return resolved[0].grey(GreyConversion.pack(rgb, max));
    }

    private static CineLoop loop(String source, LoopPlan plan, float[][] frames, TiffIfd first, boolean colour, String type,
                                 String format) {
        double full = colour ? 255 : TiffPlaneDecoder.fullScale(first);
        double maxGrey = Double.isNaN(full) ? ImageJFrames.maxValue(frames) : full;
        Map<String, String> tags = new HashMap<>(plan.tags());
        tags.put("frames", "memory");
        if (plan.pixelSizeMm() != null) {
            tags.put("pixelSizeSource", "OmePhysicalSize");
        }
        if (type == null) {
            type = (first.sampleFormat() == 3 ? "float" : first.sampleFormat() == 2 ? "int" : "uint") + first.bitsPerSample();
        }
        String photometric = colour ? "RGB" : first.photometric() == 3 ? "indexed" : "grey" + first.bitsPerSample();
        LoopMetadata meta = new LoopMetadata(source, format, maxGrey, photometric, OmeXml.typeName(type),
                plan.timingSource(), List.of(), tags);
        return new CineLoop(plan.layout().sizeX(), plan.layout().sizeY(), plan.timesS(), plan.pixelSizeMm(), meta,
                FrameSource.of(frames));
    }

    private static void check(String source, TiffIfd ifd, TiffIfd first, SeriesLayout l) {
        if (ifd.samples() > 1 && !(ifd.samples() >= 3 && ifd.photometric() == 2)) {
            throw new InputException(source, "OME-TIFF planes of " + ifd.samples() + " samples per pixel that are not RGB"
                    + " are not supported here");
        }
        if (ifd.width() != l.sizeX() || ifd.height() != l.sizeY() || ifd.samples() != first.samples()
                || ifd.bitsPerSample() != first.bitsPerSample()) {
            throw new InputException(source, "OME-TIFF plane of " + ifd.width() + "x" + ifd.height() + " ("
                    + ifd.samples() + " x " + ifd.bitsPerSample() + "-bit samples) does not match the OME-XML "
                    + l.sizeX() + "x" + l.sizeY());
        }
    }

    private static float[] rgb(float[] s, int spp) {
        if (spp == 3) {
            return s;
        }
        float[] out = new float[s.length / spp * 3];
        for (int p = 0; p < out.length / 3; p++) {
            System.arraycopy(s, p * spp, out, 3 * p, 3);
        }
        return out;
    }

    /**
     * Maps every plane of the chosen image to its IFD from the image's TiffData (the common contiguous
     * layout, one TiffData per plane, or none: planes follow the IFDs, after the planes of earlier images).
     *
     * @return IFD index per plane index
     * @throws InputException when a plane has no IFD in this file
     */
    static int[] planeToIfd(String source, OmeXml.Document doc, int series, int ifdCount, Path path) {
        List<OmeXml.Image> images = doc.images();
        OmeXml.Image im = images.get(series);
        SeriesLayout l = im.layout();
        int[] map = new int[l.planeCount()];
        Arrays.fill(map, -1);
        String other = null;
        if (im.tiffData().isEmpty()) {
            int before = 0;
            for (int i = 0; i < series; i++) {
                before += images.get(i).layout().planeCount();
            }
            for (int p = 0; p < map.length; p++) {
                map[p] = before + p;
            }
        }
        String own = path.getFileName() == null ? "" : path.getFileName().toString();
        for (OmeXml.TiffData td : im.tiffData()) {
            if (!td.inThisFile(own, doc.uuid(), doc.oneName())) {
                other = td.fileName();
                continue;
            }
            int ifd = td.ifd() == null ? 0 : td.ifd();
            int count = td.planeCount() != null ? td.planeCount() : td.ifd() != null ? 1 : map.length;
            int start = l.index(Math.min(td.firstZ(), l.sizeZ() - 1), Math.min(td.firstC(), l.sizeC() - 1),
                    Math.min(td.firstT(), l.sizeT() - 1));
            for (int k = 0; k < count && start + k < map.length; k++) {
                map[start + k] = ifd + k;
            }
        }
        for (int p = 0; p < map.length; p++) {
            if (map[p] < 0 || map[p] >= ifdCount) {
                throw new InputException(source, other != null
                        ? "planes of this OME-TIFF are in another file (" + other + "): open it with Bio-Formats (inside Fiji)"
                        : "OME-TIFF plane " + (p + 1) + " has no image in the file (" + ifdCount + " IFDs)");
            }
        }
        return map;
    }
}
