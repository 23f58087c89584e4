package org.ceusperfusion.io;

import static org.ceusperfusion.io.DicomDictionary.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.synth.SyntheticLoop;
import org.ceusperfusion.synth.SyntheticLoopGenerator;
import org.ceusperfusion.synth.SyntheticLoopSpec;
import org.ceusperfusion.synth.SyntheticTruth;

/**
 * Writes a side-by-side CEUS DICOM as scanners export it: a static speckled B-mode panel on the left,
 * the synthetic contrast loop on the right ({@code gap} black columns between them), every frame JPEG
 * baseline (JDK encoder, YCbCr with 2:1 horizontal chroma subsampling, quality 0.9) with photometric
 * YBR_FULL_422, encapsulated with a basic offset table and one fragment per frame, two ultrasound
 * regions (left B-mode, right contrast; both 2D tissue, physical deltas in cm) and either a Frame Time
 * Vector (ms increments, exact to 0.1 ms) or one Frame Time.
 */
final class SideBySideJpegLoop {
    /** Black columns between the panels. */
    static final int GAP = 8;

    /**
     * @param file       the written DICOM
     * @param truth      the contrast loop's truth (ROIs in contrast-panel pixels)
     * @param panelX     column of the contrast panel's left edge in the stored frame
     * @param width      stored frame width, pixels
     * @param height     stored frame height, pixels
     * @param deltaMm    region physical delta, mm (both axes, both regions)
     */
    record Written(Path file, SyntheticTruth truth, int panelX, int width, int height, double deltaMm) {
        /** @return {@code name=oval:x,y,w,h} of the tumour's bounding box moved onto the contrast panel */
        String tumourRoiInStoredPixels() {
            String spec = truth.tumour().spec();
            String[] nums = spec.substring(spec.indexOf(':') + 1).split(",");
            return "tumour=oval:" + (Integer.parseInt(nums[0].trim()) + panelX) + "," + nums[1].trim() + ","
                    + nums[2].trim() + "," + nums[3].trim();
        }
    }

    private SideBySideJpegLoop() {
    }

    /**
     * @param spec            the contrast loop (8-bit)
     * @param frameTimeVector write a Frame Time Vector (else one Frame Time, which needs regular timing)
     * @param deltaCm         physical delta of both regions, cm per pixel
     * @param file            where to write
     */
    static Written write(SyntheticLoopSpec spec, boolean frameTimeVector, double deltaCm, Path file) {
        SyntheticLoop s = SyntheticLoopGenerator.generate(spec);
        CineLoop loop = s.loop();
        int w = loop.width();
        int h = loop.height();
        int width = 2 * w + GAP;
        int[] bmode = bMode(w, h, spec.seed() * 31 + 7);
        byte[][] jpegs = new byte[loop.frameCount()][];
        for (int k = 0; k < jpegs.length; k++) {
            jpegs[k] = jpeg(compose(bmode, loop.frame(k), w, h), width, h, 0.9f);
        }
        DicomBuilder b = header(width, h, jpegs.length)
                .sequence(US_REGIONS, false, region(0, w - 1, h, deltaCm), region(w + GAP, width - 1, h, deltaCm));
        b = frameTimeVector ? b.str(FRAME_TIME_VECTOR, "DS", increments(loop.timesS()))
                : b.str(FRAME_TIME, "DS", fmt(1000 * loop.timesS()[1]));
        try {
            Files.write(file, b.encapsulatedWithOffsets(jpegs).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Written(file, s.truth(), w + GAP, width, h, 10 * deltaCm);
    }

    private static DicomBuilder header(int width, int height, int frames) {
        return new DicomBuilder(TransferSyntax.JPEG_BASELINE).str(MODALITY, "CS", "US")
                .us(SAMPLES_PER_PIXEL, 3).str(PHOTOMETRIC, "CS", "YBR_FULL_422").us(PLANAR_CONFIGURATION, 0)
                .str(NUMBER_OF_FRAMES, "IS", Integer.toString(frames)).us(ROWS, height).us(COLUMNS, width)
                .us(BITS_ALLOCATED, 8).us(BITS_STORED, 8).us(HIGH_BIT, 7).us(PIXEL_REPRESENTATION, 0);
    }

    /** A 2D tissue region (spatial format 1, data type 1) over columns x0..x1, deltas in cm (units 3). */
    static DicomBuilder region(int x0, int x1, int height, double deltaCm) {
        TransferSyntax ts = TransferSyntax.JPEG_BASELINE;
        return new DicomBuilder(ts).us(REGION_SPATIAL_FORMAT, 1).us(REGION_DATA_TYPE, 1)
                .ul(REGION_MIN_X0, x0).ul(REGION_MIN_Y0, 0).ul(REGION_MAX_X1, x1).ul(REGION_MAX_Y1, height - 1)
                .us(PHYSICAL_UNITS_X, 3).us(PHYSICAL_UNITS_Y, 3).fd(PHYSICAL_DELTA_X, deltaCm)
                .fd(PHYSICAL_DELTA_Y, deltaCm);
    }

    /** @return {@code 0\dt1\dt2...} in ms: the Frame Time Vector's increments */
    static String increments(double[] timesS) {
        StringBuilder sb = new StringBuilder("0");
        for (int i = 1; i < timesS.length; i++) {
            sb.append('\\').append(fmt(Math.rint((timesS[i] - timesS[i - 1]) * 1e4) / 10));
        }
        return sb.toString();
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.1f", ms);
    }

    /** Static B-mode speckle: exponential power around a mid grey, log-compressed like tissue. */
    private static int[] bMode(int w, int h, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] g = new int[w * h];
        for (int i = 0; i < g.length; i++) {
            double p = -Math.log(1 - rng.nextDouble()) * 40;
            g[i] = SyntheticLoopGenerator.compress(p, 40, 255);
        }
        return g;
    }

    /** @return packed RGB of the stored frame: B-mode | black gap | contrast (grey) */
    private static int[] compose(int[] bmode, float[] contrast, int w, int h) {
        int width = 2 * w + GAP;
        int[] rgb = new int[width * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                rgb[y * width + x] = grey(bmode[y * w + x]);
                rgb[y * width + w + GAP + x] = grey(Math.round(contrast[y * w + x]));
            }
        }
        return rgb;
    }

    private static int grey(int v) {
        return (v << 16) | (v << 8) | v;
    }

    /**
     * JPEG baseline of a packed-RGB image through the JDK encoder, YCbCr with the luma sampled 2×1
     * against each chroma component (4:2:2, what DICOM calls YBR_FULL_422).
     */
    static byte[] jpeg(int[] rgb, int width, int height, float quality) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, width, height, rgb, 0, width);
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = it.next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            String fmt = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(fmt);
            IIOMetadataNode sof = (IIOMetadataNode) root.getElementsByTagName("sof").item(0);
            for (int c = 0; c < sof.getLength(); c++) {
                IIOMetadataNode comp = (IIOMetadataNode) sof.item(c);
                comp.setAttribute("HsamplingFactor", c == 0 ? "2" : "1");
                comp.setAttribute("VsamplingFactor", "1");
            }
            meta.setFromTree(fmt, root);
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, meta), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
