package org.ceusperfusion.ij;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.ceusperfusion.InputException;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.roi.RoiSpecParser;

import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.process.ImageProcessor;

/**
 * Reads ImageJ ROI files into {@link RoiMask}s: a single {@code .roi} file or a RoiSet {@code .zip}
 * (as saved by the ROI Manager). Masks are ImageJ's own ({@code Roi.getMask()} over
 * {@code Roi.getBounds()}), so every ROI type ImageJ can store (rectangles, ovals, polygons, freehand,
 * composite shapes, sub-pixel outlines) selects exactly the pixels ImageJ selects.
 *
 * <p>Names: the name stored in the ROI when there is one, otherwise the file name (or the zip entry
 * name) without {@code .roi}. Only area ROIs are accepted; lines and points are refused.
 * Uses {@code ij.io} and {@code ij.gui.Roi} data classes only, never a GUI, so it works headless.
 */
public final class ImageJRoiFiles {
    private ImageJRoiFiles() {
    }

    /**
     * Resolves one {@code --roi} specification: an inline shape ({@link RoiSpecParser}), a {@code .roi} file
     * or a RoiSet {@code .zip}. A {@code NAME=} prefix names an inline shape or a file holding one ROI; the
     * ROIs of a zip holding several keep their own names.
     *
     * @param spec        the {@code --roi} text, e.g. {@code tumour=oval:52,40,56,40} or {@code RoiSet.zip}
     * @param defaultName name for an unnamed inline shape (e.g. {@code roi1})
     * @return the ROI masks (one for inline shapes and {@code .roi} files, every ROI of a zip)
     * @throws InputException for malformed specs or unreadable files
     */
    public static List<RoiMask> fromSpec(String spec, String defaultName) {
        if (!RoiSpecParser.isFile(spec)) {
            return List.of(RoiSpecParser.parse(spec, defaultName));
        }
        List<RoiMask> rois = read(Path.of(RoiSpecParser.body(spec).trim()));
        String name = RoiSpecParser.explicitName(spec);
        if (name != null && rois.size() == 1) {
            return List.of(rois.get(0).withName(name));
        }
        return rois;
    }

    /**
     * @param file a {@code .roi} file or a RoiSet {@code .zip}
     * @return the ROIs it holds, in file order
     * @throws InputException (source = the file) when it is missing, corrupt, holds no area ROI, or has
     *                        another extension
     */
    public static List<RoiMask> read(Path file) {
        String lower = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".roi")) {
            return List.of(readRoi(file));
        }
        if (lower.endsWith(".zip")) {
            return readZip(file);
        }
        throw new InputException(file.toString(), "not an ImageJ ROI file: expected a .roi or .zip file");
    }

    /**
     * @param file an ImageJ {@code .roi} file
     * @return its ROI as a mask
     * @throws InputException (source = the file) when it cannot be read or is not an area ROI
     */
    public static RoiMask readRoi(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file.toString(), "ROI file not found");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read ROI file: " + e.getMessage(), e);
        }
        return decode(bytes, stripRoi(file.getFileName().toString()), file.toString());
    }

    /**
     * @param file an ImageJ RoiSet {@code .zip}
     * @return every ROI inside, in entry order
     * @throws InputException (source = the file) when it cannot be read, an entry is corrupt or not an
     *                        area ROI, or it holds no {@code .roi} entry
     */
    public static List<RoiMask> readZip(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file.toString(), "RoiSet file not found");
        }
        List<RoiMask> rois = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String entry = e.getName();
                if (e.isDirectory() || !entry.toLowerCase(Locale.ROOT).endsWith(".roi")) {
                    continue;
                }
                String base = stripRoi(entry.substring(entry.lastIndexOf('/') + 1));
                rois.add(decode(zip.readAllBytes(), base, file + " (entry " + entry + ")"));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(file.toString(), "cannot read RoiSet zip: " + e.getMessage(), e);
        }
        if (rois.isEmpty()) {
            throw new InputException(file.toString(), "the zip holds no ImageJ ROI (.roi entry)");
        }
        return rois;
    }

    private static RoiMask decode(byte[] bytes, String fallbackName, String source) {
        Roi roi;
        try {
            roi = new RoiDecoder(bytes, fallbackName + ".roi").getRoi();
        } catch (IOException | RuntimeException e) {
            throw new InputException(source, "not a valid ImageJ ROI: " + e.getMessage(), e);
        }
        if (roi == null) {
            throw new InputException(source, "not a valid ImageJ ROI (unknown or unsupported type)");
        }
        if (!roi.isArea()) {
            throw new InputException(source, "ROI '" + nameOf(roi, fallbackName) + "' is a " + roi.getTypeAsString()
                    + " selection, not an area");
        }
        return toMask(roi, nameOf(roi, fallbackName));
    }

    /**
     * @param roi  an ImageJ area ROI
     * @param name the name to give the mask
     * @return the pixels ImageJ selects for it, as a mask over its bounding rectangle
     */
    public static RoiMask toMask(Roi roi, String name) {
        Rectangle r = roi.getBounds();
        ImageProcessor mask = roi.getMask();
        int w = mask == null ? r.width : mask.getWidth();
        int h = mask == null ? r.height : mask.getHeight();
        boolean[] inside = new boolean[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                inside[j * w + i] = mask == null || mask.get(i, j) != 0;
            }
        }
        return new RoiMask(name, r.x, r.y, w, h, inside);
    }

    private static String nameOf(Roi roi, String fallback) {
        String n = roi.getName();
        return n == null || n.isBlank() ? fallback : n;
    }

    private static String stripRoi(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".roi")
                ? fileName.substring(0, fileName.length() - 4) : fileName;
    }
}
