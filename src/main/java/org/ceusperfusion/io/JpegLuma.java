package org.ceusperfusion.io;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.ceusperfusion.InputException;

/**
 * Grey values of a lossy 8-bit YCbCr JPEG frame straight from its luma plane.
 *
 * <p>For YCbCr data (DICOM YBR_FULL, YBR_FULL_422) the JPEG luma {@code Y} is the BT.601 luminance
 * {@code 0.299 R + 0.587 G + 0.114 B} of the pixel, so no chroma upsampling and no colour conversion are
 * needed: the JDK decoder's raster read returns the components as stored, and the {@code Y} bytes are
 * turned into grey values directly, with no intermediate {@code int[]} of samples. The result differs from
 * converting to 8-bit RGB first and weighting the rounded components only by that rounding (a mean
 * difference of about 1e-4 grey level over a frame; at most ±2.5 on saturated colours where RGB clips).
 *
 * <p>Each thread keeps its own reader, so frames decode on several threads at once.
 */
final class JpegLuma {
    private static final ThreadLocal<ImageReader> READER = ThreadLocal.withInitial(JpegLuma::jdkReader);

    private JpegLuma() {
    }

    /**
     * Whether a JPEG stream holds YCbCr components, as libjpeg decides it: three components, and either a
     * JFIF marker, or an Adobe marker with colour transform 1, or no Adobe marker and component ids that
     * are not {@code R, G, B}.
     *
     * @param jpeg the stream of one frame
     * @return {@code true} when its first component is luma
     */
    static boolean isYCbCr(byte[] jpeg) {
        boolean jfif = false;
        int adobeTransform = -1;
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            int len = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            if (marker == 0xE0 && len >= 7 && startsWith(jpeg, at + 4, "JFIF")) {
                jfif = true;
            } else if (marker == 0xEE && len >= 12 && startsWith(jpeg, at + 4, "Adobe")) {
                adobeTransform = jpeg[at + 4 + 11] & 0xFF;
            } else if (marker == 0xC0 || marker == 0xC1) {
                return sofIsYCbCr(jpeg, at + 4, len, jfif, adobeTransform);
            }
            at += 2 + len;
        }
        return false;
    }

    private static boolean sofIsYCbCr(byte[] jpeg, int sof, int len, boolean jfif, int adobeTransform) {
        if (len < 8 || sof + 6 + 9 > jpeg.length || (jpeg[sof] & 0xFF) != 8 || (jpeg[sof + 5] & 0xFF) != 3) {
            return false;
        }
        if (jfif) {
            return true;
        }
        if (adobeTransform >= 0) {
            return adobeTransform == 1;
        }
        boolean rgbIds = jpeg[sof + 6] == 'R' && jpeg[sof + 9] == 'G' && jpeg[sof + 12] == 'B';
        return !rgbIds;
    }

    private static boolean startsWith(byte[] b, int at, String s) {
        if (at + s.length() > b.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param jpeg   the stream of one frame (8-bit YCbCr, see {@link #isYCbCr})
     * @param width  expected width, pixels
     * @param height expected height, pixels
     * @param source file name, for errors
     * @param frame  frame index (0-based), for errors
     * @return the luma of every pixel, row-major, 0..255
     * @throws InputException when the stream cannot be decoded or has another size
     */
    static float[] decode(byte[] jpeg, int width, int height, String source, int frame) {
        Raster raster;
        ImageReader reader = READER.get();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            raster = reader.readRaster(0, null);
        } catch (IOException | RuntimeException e) {
            READER.remove();
            throw new InputException(source, "cannot decode JPEG frame " + (frame + 1) + ": " + e.getMessage(), e);
        } finally {
            reader.setInput(null);
        }
        if (raster.getWidth() != width || raster.getHeight() != height || raster.getNumBands() != 3) {
            throw new InputException(source, "JPEG frame " + (frame + 1) + " is " + raster.getWidth() + "x"
                    + raster.getHeight() + " with " + raster.getNumBands() + " components, the header says "
                    + width + "x" + height + " with 3");
        }
        return lumaOf(raster);
    }

    /** Band 0 of a decoded raster as floats, read from its byte buffer when it has one. */
    private static float[] lumaOf(Raster raster) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        float[] out = new float[w * h];
        SampleModel sm = raster.getSampleModel();
        if (raster.getDataBuffer() instanceof DataBufferByte db && db.getNumBanks() == 1
                && sm instanceof ComponentSampleModel csm && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0) {
            byte[] data = db.getData();
            int stride = csm.getPixelStride();
            int line = csm.getScanlineStride();
            int base = db.getOffset() + csm.getBandOffsets()[0];
            for (int y = 0; y < h; y++) {
                int at = base + y * line;
                int o = y * w;
                for (int x = 0; x < w; x++, at += stride) {
                    out[o + x] = data[at] & 0xFF;
                }
            }
            return out;
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = row[x];
            }
        }
        return out;
    }

    /** @return a new instance of the JDK's own JPEG reader */
    private static ImageReader jdkReader() {
        ImageReader r = JpegFrameDecoder.jdkReader();
        if (r == null) {
            throw new IllegalStateException("the JDK's JPEG reader is not registered");
        }
        return r;
    }
}
