package org.ceusperfusion.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The pure-Java luma decoder against the JDK's native decoder (its luma plane, or its grey image), on
 * speckled CEUS-like frames with black background, saturated colour, odd sizes, every common chroma
 * sampling, restart intervals, grey streams and unsupported (progressive) streams.
 */
class BaselineJpegLumaTest {

    @Test
    void fourTwoTwoMatchesTheJdkDecoderToOneGreyLevel() {
        for (int seed = 1; seed <= 3; seed++) {
            agrees(encode(frame(203, 117, seed), 203, 117, 2, 1, 0, 0.9f, false));
        }
        agrees(encode(frame(800, 600, 9), 800, 600, 2, 1, 0, 0.9f, false));
    }

    @Test
    void fourTwoZeroFourFourFourAndLowQualityMatch() {
        agrees(encode(frame(161, 99, 4), 161, 99, 2, 2, 0, 0.75f, false));
        agrees(encode(frame(161, 99, 5), 161, 99, 1, 1, 0, 0.9f, false));
        agrees(encode(frame(64, 48, 6), 64, 48, 2, 1, 0, 0.3f, false));
        agrees(encode(frame(64, 48, 7), 64, 48, 2, 1, 0, 1.0f, false));
    }

    @Test
    void restartIntervalsAreFollowed() {
        byte[] jpeg = encode(frame(150, 70, 8), 150, 70, 2, 1, 3, 0.9f, false);
        assertTrue(hasMarker(jpeg, 0xDD), "the encoder wrote a DRI");
        assertTrue(hasMarker(jpeg, 0xD0), "the encoder wrote RST0");
        agrees(jpeg);
        agrees(encode(frame(150, 70, 9), 150, 70, 2, 2, 1, 0.8f, false));
    }

    @Test
    void greyStreamsMatch() {
        agrees(encode(frame(131, 77, 10), 131, 77, 1, 1, 0, 0.9f, true));
        agrees(encode(frame(131, 77, 11), 131, 77, 1, 1, 5, 0.9f, true));
    }

    @Test
    void aDetailRegionGivesTheFullDecodeInsideAndBlockMeansOutside() {
        int w = 240;
        int h = 160;
        byte[] jpeg = encode(frame(w, h, 12), w, h, 2, 1, 0, 0.9f, false);
        float[] full = BaselineJpegLuma.decode(jpeg, w, h, null);
        int[] region = {101, 37, 167, 110};
        float[] part = BaselineJpegLuma.decode(jpeg, w, h, region);
        assertNotNull(part);
        for (int y = region[1]; y < region[3]; y++) {
            for (int x = region[0]; x < region[2]; x++) {
                assertEquals(full[y * w + x], part[y * w + x], 0.0, "pixel " + x + "," + y);
            }
        }
        double fullMean = 0;
        double partMean = 0;
        for (int i = 0; i < full.length; i++) {
            fullMean += full[i];
            partMean += part[i];
        }
        fullMean /= full.length;
        partMean /= full.length;
        System.out.printf("detail region: whole-frame mean %.4f (region decode) vs %.4f (full)%n", partMean, fullMean);
        // block means are exact before clamping; clamping at 0/255 of speckle inside blocks (measured 0.4 %
        // on this black-bordered speckle) moves the decoded mean away from them
        assertEquals(fullMean, partMean, 0.01 * fullMean);
        boolean outsideIsFlat = part[0] == part[7] && part[0] == part[7 * w] && part[0] == part[7 * w + 7];
        assertTrue(outsideIsFlat, "a block outside the region holds its mean");
    }

    @Test
    void everyBlockOutsideTheRegionHoldsItsOwnMeanAtOddSizes() {
        int w = 203;
        int h = 117;
        byte[] jpeg = encode(frame(w, h, 13), w, h, 2, 1, 0, 0.9f, false);
        float[] full = BaselineJpegLuma.decode(jpeg, w, h, null);
        int[] region = {61, 30, 150, 75}; // blocks 7..18 across, 3..9 down are transformed
        float[] part = BaselineJpegLuma.decode(jpeg, w, h, region);
        assertNotNull(part);
        int checked = 0;
        for (int by = 0; by * 8 < h; by++) {
            for (int bx = 0; bx * 8 < w; bx++) {
                boolean detail = bx * 8 < region[2] && bx * 8 + 8 > region[0] && by * 8 < region[3] && by * 8 + 8 > region[1];
                float v = part[by * 8 * w + bx * 8];
                float lo = Float.MAX_VALUE;
                float hi = -Float.MAX_VALUE;
                for (int y = by * 8; y < Math.min(h, by * 8 + 8); y++) {
                    for (int x = bx * 8; x < Math.min(w, bx * 8 + 8); x++) {
                        if (detail) {
                            assertEquals(full[y * w + x], part[y * w + x], 0.0, "pixel " + x + "," + y);
                        } else {
                            assertEquals(v, part[y * w + x], 0.0, "block " + bx + "," + by + " is flat");
                        }
                        lo = Math.min(lo, full[y * w + x]);
                        hi = Math.max(hi, full[y * w + x]);
                    }
                }
                if (!detail) { // the block's mean lies within its fully decoded values (rounding: ±1)
                    assertTrue(v >= lo - 1 && v <= hi + 1, "block " + bx + "," + by + ": " + v + " in " + lo + ".." + hi);
                    checked += hi > lo ? 1 : 0;
                }
            }
        }
        assertTrue(checked > 100, "textured blocks compared with their full decode: " + checked);
    }

    @Test
    void unsupportedOrForeignStreamsGiveNull() {
        int w = 64;
        int h = 48;
        byte[] progressive = encode(frame(w, h, 13), w, h, 2, 1, 0, 0.9f, false, true);
        assertTrue(hasMarker(progressive, 0xC2), "the encoder wrote SOF2");
        assertNull(BaselineJpegLuma.decode(progressive, w, h, null));
        byte[] baseline = encode(frame(w, h, 14), w, h, 2, 1, 0, 0.9f, false);
        assertNull(BaselineJpegLuma.decode(baseline, w + 1, h, null), "another size than expected");
        byte[] truncatedHeader = java.util.Arrays.copyOf(baseline, 40);
        assertNull(BaselineJpegLuma.decode(truncatedHeader, w, h, null));
        assertNull(BaselineJpegLuma.decode(new byte[] {1, 2, 3, 4}, w, h, null));
    }

    @Test
    void realJpegDicomFramesFromOtherEncodersMatch() {
        for (String variant : List.of("jpegbaseline-ybr422", "jpegbaseline-ybrfull")) {
            Path file = RealData.echo(variant);
            DicomParser.Parsed parsed = DicomParser.parse(ByteReader.map(file));
            PixelFormat format = PixelFormat.of(parsed.dataset(), file.toString());
            DicomPixelDecoder dec = new DicomPixelDecoder(parsed.dataset(), format, parsed.syntax());
            for (int f = 0; f < format.frames(); f++) {
                agrees(dec.compressed(f));
            }
        }
        byte[] dcmtk = firstFrame(RealData.dicom("SC_rgb_jpeg_dcmtk.dcm"));
        if (JpegLuma.isYCbCr(dcmtk)) {
            agrees(dcmtk);
        } else {
            assertNotNull(BaselineJpegLuma.decode(dcmtk, size(dcmtk)[0], size(dcmtk)[1], null),
                    "RGB-coded streams decode too (the reader does not use their first component as luma)");
        }
    }

    private static byte[] firstFrame(Path file) {
        DicomParser.Parsed parsed = DicomParser.parse(ByteReader.map(file));
        PixelFormat format = PixelFormat.of(parsed.dataset(), file.toString());
        return new DicomPixelDecoder(parsed.dataset(), format, parsed.syntax()).compressed(0);
    }

    /** Full decode: every pixel within ±1 of the JDK's luma, mean difference below 0.01. */
    private static void agrees(byte[] jpeg) {
        int[] size = size(jpeg);
        int w = size[0];
        int h = size[1];
        float[] jdk = jdkLuma(jpeg);
        float[] own = BaselineJpegLuma.decode(jpeg, w, h, null);
        assertNotNull(own, "the decoder handles the stream");
        double maxDiff = 0;
        double sumDiff = 0;
        int differing = 0;
        for (int i = 0; i < jdk.length; i++) {
            double d = own[i] - jdk[i];
            maxDiff = Math.max(maxDiff, Math.abs(d));
            sumDiff += d;
            differing += d != 0 ? 1 : 0;
        }
        System.out.printf("%dx%d: max |diff| %.0f, mean diff %.2e, %d of %d pixels differ%n", w, h, maxDiff,
                sumDiff / jdk.length, differing, jdk.length);
        assertTrue(maxDiff <= 1, "max abs diff " + maxDiff);
        assertTrue(Math.abs(sumDiff / jdk.length) < 0.01, "mean diff " + sumDiff / jdk.length);
    }

    static float[] jdkLuma(byte[] jpeg) {
        int[] size = size(jpeg);
        if (size[2] == 3) {
            return JpegLuma.decode(jpeg, size[0], size[1], "test", 0);
        }
        try {
            BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
            float[] out = new float[size[0] * size[1]];
            for (int i = 0; i < out.length; i++) {
                out[i] = img.getRaster().getSample(i % size[0], i / size[0], 0);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return width, height, components from the SOF */
    private static int[] size(byte[] jpeg) {
        for (int i = 2; i + 9 < jpeg.length; i++) {
            int m = jpeg[i + 1] & 0xFF;
            if ((jpeg[i] & 0xFF) == 0xFF && (m == 0xC0 || m == 0xC1 || m == 0xC2)) {
                return new int[] {((jpeg[i + 7] & 0xFF) << 8) | (jpeg[i + 8] & 0xFF),
                        ((jpeg[i + 5] & 0xFF) << 8) | (jpeg[i + 6] & 0xFF), jpeg[i + 9] & 0xFF};
            }
        }
        throw new IllegalStateException("no SOF");
    }

    private static boolean hasMarker(byte[] jpeg, int marker) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return true;
            }
        }
        return false;
    }

    /** Speckle with a black border, a bright clipped patch and a saturated colour overlay, RGB. */
    static int[] frame(int w, int h, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] rgb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = 0;
                if (x > w / 10 && y > h / 12) {
                    double mean = (x - w / 2.0) * (x - w / 2.0) + (y - h / 2.0) * (y - h / 2.0) < h * h / 16.0 ? 120 : 30;
                    v = (int) Math.min(255, -Math.log(1 - rng.nextDouble()) * mean);
                }
                rgb[y * w + x] = (v << 16) | (v << 8) | v;
            }
        }
        for (int y = 2; y < Math.min(h, 14); y++) {
            for (int x = 2; x < Math.min(w, 30); x++) {
                rgb[y * w + x] = 0xE0D020;
            }
        }
        return rgb;
    }

    static byte[] encode(int[] rgb, int w, int h, int hs, int vs, int restart, float quality, boolean grey) {
        return encode(rgb, w, h, hs, vs, restart, quality, grey, false);
    }

    static byte[] encode(int[] rgb, int w, int h, int hs, int vs, int restart, float quality, boolean grey,
                         boolean progressive) {
        BufferedImage img = new BufferedImage(w, h, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, rgb, 0, w);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            String fmt = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(fmt);
            IIOMetadataNode seq = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            IIOMetadataNode sof = (IIOMetadataNode) root.getElementsByTagName("sof").item(0);
            for (int c = 0; c < sof.getLength(); c++) {
                IIOMetadataNode comp = (IIOMetadataNode) sof.item(c);
                comp.setAttribute("HsamplingFactor", c == 0 ? Integer.toString(hs) : "1");
                comp.setAttribute("VsamplingFactor", c == 0 ? Integer.toString(vs) : "1");
            }
            if (restart > 0) {
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", Integer.toString(restart));
                seq.insertBefore(dri, seq.getFirstChild());
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
