package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.ceusperfusion.InputException;
import org.ceusperfusion.roi.ImageJMasks;
import org.ceusperfusion.roi.RoiMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.ShapeRoi;
import ij.io.RoiEncoder;

/** Writes ROI files with ImageJ's own encoder and reads them back. */
class ImageJRoiFilesTest {
    @TempDir
    Path dir;

    private static List<Roi> sampleRois() {
        Roi oval = new OvalRoi(52, 40, 56, 40);
        oval.setName("tumour");
        Roi rect = new Roi(3, 4, 20, 10);
        Roi poly = new PolygonRoi(new int[] {10, 40, 35, 12, 20}, new int[] {10, 12, 30, 25, 18}, 5, Roi.POLYGON);
        poly.setName("liver");
        Roi sub = new PolygonRoi(new float[] {5.3f, 30.7f, 22.2f}, new float[] {6.1f, 9.9f, 28.4f}, Roi.POLYGON);
        sub.setName("subpixel");
        Roi free = new PolygonRoi(new int[] {60, 70, 75, 72, 66, 61}, new int[] {5, 3, 10, 20, 18, 12}, 6,
                Roi.FREEROI);
        free.setName("free");
        Roi shape = new ShapeRoi(new OvalRoi(100, 100, 30, 30)).xor(new ShapeRoi(new Roi(110, 110, 30, 8)));
        shape.setName("composite");
        return List.of(oval, rect, poly, sub, free, shape);
    }

    @Test
    void singleRoiFilesGiveImageJsMasks() throws IOException {
        int k = 0;
        for (Roi roi : sampleRois()) {
            Path f = dir.resolve("r" + (k++) + ".roi");
            assertTrue(RoiEncoder.save(roi, f.toString()));
            RoiMask m = ImageJRoiFiles.readRoi(f);
            String expectedName = roi.getName() == null ? f.getFileName().toString().replace(".roi", "") : roi.getName();
            assertEquals(expectedName, m.name());
            assertEquals(ImageJMasks.pixels(roi), ImageJMasks.pixels(m), expectedName);
            assertTrue(m.area() > 0);
        }
    }

    @Test
    void roiSetZipGivesEveryRoiByName() throws IOException {
        List<Roi> rois = sampleRois();
        Path zip = dir.resolve("RoiSet.zip");
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            for (int i = 0; i < rois.size(); i++) {
                z.putNextEntry(new ZipEntry(String.format("%04d-entry%d.roi", i, i)));
                z.write(RoiEncoder.saveAsByteArray(rois.get(i)));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("not a roi".getBytes());
            z.closeEntry();
        }
        List<RoiMask> masks = ImageJRoiFiles.read(zip);
        assertEquals(rois.size(), masks.size());
        for (int i = 0; i < rois.size(); i++) {
            String expected = rois.get(i).getName() == null ? String.format("%04d-entry%d", i, i) : rois.get(i).getName();
            assertEquals(expected, masks.get(i).name());
            assertEquals(ImageJMasks.pixels(rois.get(i)), ImageJMasks.pixels(masks.get(i)), expected);
        }
        List<RoiMask> viaSpec = ImageJRoiFiles.fromSpec(zip.toString(), "roi1");
        assertEquals(rois.size(), viaSpec.size());
    }

    @Test
    void specPrefixNamesASingleRoiFileAndInlineShapesPassThrough() throws IOException {
        Path f = dir.resolve("lesion.roi");
        RoiEncoder.save(new OvalRoi(5, 6, 20, 12), f.toString());
        List<RoiMask> named = ImageJRoiFiles.fromSpec("target=" + f, "roi1");
        assertEquals(1, named.size());
        assertEquals("target", named.get(0).name());
        assertEquals(ImageJMasks.pixels(new OvalRoi(5, 6, 20, 12)), ImageJMasks.pixels(named.get(0)));
        List<RoiMask> inline = ImageJRoiFiles.fromSpec("rect:1,1,4,4", "roi3");
        assertEquals("roi3", inline.get(0).name());
        assertEquals(16, inline.get(0).area());
    }

    @Test
    void badFilesAreInputErrorsNamingTheFile() throws IOException {
        Path missing = dir.resolve("missing.roi");
        Path garbage = dir.resolve("garbage.roi");
        byte[] junk = new byte[100];
        Arrays.fill(junk, (byte) 7);
        Files.write(garbage, junk);
        Path truncated = dir.resolve("truncated.roi");
        byte[] full = RoiEncoder.saveAsByteArray(
                new PolygonRoi(new int[] {1, 30, 20}, new int[] {1, 5, 40}, 3, Roi.POLYGON));
        Files.write(truncated, Arrays.copyOf(full, 70));
        Path line = dir.resolve("line.roi");
        RoiEncoder.save(new Line(1, 1, 20, 20), line.toString());
        Path emptyZip = dir.resolve("empty.zip");
        try (OutputStream os = Files.newOutputStream(emptyZip); ZipOutputStream z = new ZipOutputStream(os)) {
            z.putNextEntry(new ZipEntry("notes.txt"));
            z.closeEntry();
        }
        Path notZip = dir.resolve("broken.zip");
        Files.write(notZip, junk);
        Path wrongExt = dir.resolve("mask.png");
        Files.write(wrongExt, junk);
        for (Path p : List.of(missing, garbage, truncated, line, emptyZip, notZip, wrongExt)) {
            InputException e = assertThrows(InputException.class, () -> ImageJRoiFiles.read(p), p.toString());
            assertTrue(e.source().startsWith(p.toString()), e.source());
        }
    }
}
