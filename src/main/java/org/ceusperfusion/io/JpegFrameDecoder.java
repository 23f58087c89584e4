package org.ceusperfusion.io;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageInputStream;
import org.ceusperfusion.InputException;

/**
 * Decodes one JPEG frame of a DICOM file.
 *
 * <ul>
 *   <li>Lossy JPEG (baseline, extended): the JDK's {@code javax.imageio} decoder, which converts YCbCr
 *       (YBR_FULL, YBR_FULL_422) to RGB itself, so colour frames come out as RGB samples; when the JDK
 *       cannot decode the stream (e.g. 12-bit extended), TwelveMonkeys' decoder is tried.</li>
 *   <li>Lossless JPEG (processes 14 and 14 SV1): TwelveMonkeys' {@code imageio-jpeg} decoder, reading
 *       the raster without colour conversion, so samples are as stored (the DICOM header's colour model
 *       applies).</li>
 * </ul>
 * The TwelveMonkeys reader is instantiated directly, not looked up through the ImageIO service registry,
 * so it works in a plain {@code java -jar} and inside ImageJ's plugin class loader alike.
 */
final class JpegFrameDecoder {
    private static final ImageReaderSpi TWELVE_MONKEYS = registerTwelveMonkeys();

    private JpegFrameDecoder() {
    }

    /**
     * @param bytes    the JPEG stream of one frame
     * @param f        expected pixel format
     * @param lossless whether the stream is lossless JPEG (samples kept as stored)
     * @param source   file name for errors
     * @param frame    frame index, for errors
     * @return interleaved samples ({@code p * samples + s}); RGB for lossy colour
     */
    static int[] decode(byte[] bytes, PixelFormat f, boolean lossless, String source, int frame) {
        Raster raster;
        try {
            raster = lossless ? read(twelveMonkeys(), bytes, true) : readLossy(bytes);
        } catch (IOException | RuntimeException e) {
            throw new InputException(source, "cannot decode JPEG frame " + (frame + 1) + ": " + e.getMessage(), e);
        }
        if (raster == null) {
            throw new InputException(source, "cannot decode JPEG frame " + (frame + 1) + ": not a JPEG stream");
        }
        if (raster.getWidth() != f.columns() || raster.getHeight() != f.rows()) {
            throw new InputException(source, "JPEG frame " + (frame + 1) + " is " + raster.getWidth() + "x"
                    + raster.getHeight() + ", the header says " + f.columns() + "x" + f.rows());
        }
        int bands = raster.getNumBands();
        if (bands != f.samples()) {
            throw new InputException(source, "JPEG frame " + (frame + 1) + " has " + bands
                    + " components, the header says " + f.samples());
        }
        return raster.getPixels(raster.getMinX(), raster.getMinY(), raster.getWidth(), raster.getHeight(),
                (int[]) null);
    }

    private static Raster readLossy(byte[] bytes) throws IOException {
        ImageReader jdk = jdkReader();
        if (jdk != null) {
            try {
                return read(jdk, bytes, false);
            } catch (IOException | RuntimeException e) {
                // fall through to TwelveMonkeys, which reads more JPEG variants (12-bit, odd markers)
            }
        }
        return read(twelveMonkeys(), bytes, false);
    }

    /**
     * TwelveMonkeys' reader delegates baseline decoding to the JDK's; it finds that delegate when it is
     * registered. A private registry holding only the two keeps the global ImageIO registry untouched.
     */
    private static ImageReaderSpi registerTwelveMonkeys() {
        ServiceRegistry registry = new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
        IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true).forEachRemaining(spi -> {
            if (spi.getClass().getName().startsWith("com.sun.imageio.plugins.jpeg")) {
                registry.registerServiceProvider(spi, ImageReaderSpi.class);
            }
        });
        JPEGImageReaderSpi spi = new JPEGImageReaderSpi();
        registry.registerServiceProvider(spi, ImageReaderSpi.class);
        return spi;
    }

    private static ImageReader twelveMonkeys() throws IOException {
        return TWELVE_MONKEYS.createReaderInstance(null);
    }

    /** @return the JDK's own JPEG reader, or {@code null} when it is not registered */
    static ImageReader jdkReader() {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg");
        while (it.hasNext()) {
            ImageReader r = it.next();
            if (r.getClass().getName().startsWith("com.sun.imageio")) {
                return r;
            }
        }
        return null;
    }

    private static Raster read(ImageReader reader, byte[] bytes, boolean raw) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            if (raw) {
                return reader.readRaster(0, null);
            }
            BufferedImage img = reader.read(0);
            return img.getRaster();
        } finally {
            reader.dispose();
        }
    }
}
