package org.ceusperfusion.io;

import ij.ImageStack;
import ij.plugin.AVI_Reader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import javax.imageio.ImageIO;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;

/**
 * Reads an AVI cine. The codec ({@code fccHandler}/{@code biCompression}) picks the decoder:
 * <ul>
 *   <li>PNG in AVI ({@code MPNG}, {@code PNG}, {@code PNG1}): this package's chunk walker
 *       ({@link AviChunks}) and {@code javax.imageio} for each frame;</li>
 *   <li>codecs known to need a video decoder we do not have (MPEG-4 part 2, H.264, ...): a clear
 *       "unsupported AVI codec" error;</li>
 *   <li>everything else (MJPEG, uncompressed RGB/BGR, Y800): ImageJ's {@link AVI_Reader}.</li>
 * </ul>
 * Timing comes from this package's {@link AviHeader}: frame interval {@code dwScale / dwRate} of the
 * video stream header, else {@code dwMicroSecPerFrame} (timing source {@code container}); without either,
 * 1 s per frame and timing source {@code none}. Colour frames become luminance; the codec's
 * four-character code is recorded as the transfer syntax. Loops above the memory budget are decoded
 * frame by frame on demand (ImageJ's virtual AVI stack, or the PNG chunks).
 */
final class AviLoopReader {
    private static final List<String> IMAGEIO_CODECS = List.of("MPNG", "PNG", "PNG1");
    private static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("FMP4", "MPEG-4 part 2"), Map.entry("XVID", "MPEG-4 part 2"), Map.entry("DIVX", "MPEG-4 part 2"),
            Map.entry("DX50", "MPEG-4 part 2"), Map.entry("MP4V", "MPEG-4 part 2"), Map.entry("MP42", "MS MPEG-4 v2"),
            Map.entry("MP43", "MS MPEG-4 v3"), Map.entry("H264", "H.264"), Map.entry("X264", "H.264"),
            Map.entry("AVC1", "H.264"), Map.entry("HEVC", "H.265"), Map.entry("H265", "H.265"),
            Map.entry("WMV3", "Windows Media Video 9"), Map.entry("VP80", "VP8"), Map.entry("VP90", "VP9"),
            Map.entry("MPG2", "MPEG-2"), Map.entry("CVID", "Cinepak"), Map.entry("IV50", "Indeo 5"));

    private AviLoopReader() {
    }

    /** As {@link #read(Path, long)} with the default memory budget. */
    static CineLoop read(Path path) {
        return read(path, MemoryGuard.defaultBudget());
    }

    /**
     * @param path        the AVI file
     * @param budgetBytes decoded frames up to this size are held in memory, larger loops are streamed
     * @return the loop
     * @throws InputException when the file is not an AVI that can be decoded
     */
    static CineLoop read(Path path, long budgetBytes) {
        return read(path, budgetBytes, GreyConversion.LUMINANCE);
    }

    /** As {@link #read(Path, long)}, colour frames converted as {@code conversion} says. */
    static CineLoop read(Path path, long budgetBytes, GreyConversion conversion) {
        String source = path.toString();
        AviHeader header = AviHeader.read(path);
        String codec = header.codec().toUpperCase(Locale.ROOT);
        if (UNSUPPORTED.containsKey(codec)) {
            throw new InputException(source, "unsupported AVI codec " + header.codec() + " (" + UNSUPPORTED.get(codec)
                    + "); convert it to MJPEG, PNG or uncompressed AVI, e.g. ffmpeg -i in.avi -c:v mjpeg -q:v 2 out.avi");
        }
        Decoded d = IMAGEIO_CODECS.contains(codec) ? imageIo(path, budgetBytes, conversion)
                : imageJ(path, header, budgetBytes, conversion);
        double dt = header.frameIntervalS();
        boolean timed = dt > 0 && Double.isFinite(dt);
        double[] times = CineLoop.regularTimes(d.frames.frameCount(), timed ? dt : DicomTiming.FALLBACK_INTERVAL_S);
        Map<String, String> tags = new HashMap<>();
        tags.put("aviTimingField", header.timingField());
        tags.put("aviTotalFrames", Long.toString(header.totalFrames()));
        tags.put("frames", d.streamed ? "streamed" : "memory");
        LoopMetadata meta = new LoopMetadata(source, "AVI", 255, d.colour, header.codec(),
                timed ? "container" : "none", List.of(), tags);
        return new CineLoop(d.width, d.height, times, null, meta, d.frames);
    }

    /** Decoded frames and what they look like. */
    private record Decoded(int width, int height, String colour, FrameSource frames, boolean streamed) {
    }

    private static Decoded imageJ(Path path, AviHeader header, long budget, GreyConversion conversion) {
        String source = path.toString();
        boolean large = fileSize(path) > budget / 4;
        AVI_Reader reader = new AVI_Reader();
        ImageStack stack = reader.makeStack(path.toAbsolutePath().toString(), 1, 0, large, false, false);
        if (stack == null || stack.getSize() < 1) {
            String why = reader.getErrorText();
            throw new InputException(source, "cannot decode AVI (codec " + header.codec() + ")"
                    + (why == null || why.isBlank() ? "" : ": " + why.replaceAll("\\s+", " ").strip()));
        }
        String colour = stack.getProcessor(1) instanceof ij.process.ColorProcessor ? "RGB" : "grey";
        int w = stack.getWidth();
        int h = stack.getHeight();
        ij.process.ImageProcessor first = stack.getProcessor(1);
        RgbToGrey rgbToGrey = conversion.resolve(source, ImageJFrames.isColour(first), colour, w, h,
                () -> ImageJFrames.packedRgb(first));
        IntFunction<float[]> grey = i -> ImageJFrames.grey(stack.getProcessor(i + 1), rgbToGrey);
        return frames(source, w, h, colour, stack.getSize(), grey, budget, false);
    }

    private static Decoded imageIo(Path path, long budget, GreyConversion conversion) {
        String source = path.toString();
        ByteReader file = LoopReader.fileBytes(path, budget);
        List<long[]> chunks = AviChunks.videoFrames(file);
        IntFunction<BufferedImage> image = i -> decodeChunk(file, chunks.get(i), i);
        BufferedImage first = image.apply(0);
        int w = first.getWidth();
        int h = first.getHeight();
        RgbToGrey rgbToGrey = conversion.resolve(source, ImageFrames.isColour(first), "grey", w, h,
                () -> first.getRGB(0, 0, w, h, null, 0, w));
        IntFunction<float[]> grey = i -> {
            BufferedImage img = image.apply(i);
            if (img.getWidth() != w || img.getHeight() != h) {
                throw new InputException(source, "AVI frame " + (i + 1) + " is " + img.getWidth() + "x"
                        + img.getHeight() + ", frame 1 is " + w + "x" + h);
            }
            return ImageFrames.grey(img, rgbToGrey);
        };
        String colour = first.getColorModel().getNumColorComponents() == 1 ? "grey" : "RGB";
        return frames(source, w, h, colour, chunks.size(), grey, budget, true);
    }

    /** @param threadSafe whether {@code grey} may decode several frames at once (then it does, on all cores) */
    private static Decoded frames(String source, int w, int h, String colour, int n, IntFunction<float[]> grey,
                                  long budget, boolean threadSafe) {
        MemoryGuard.checkFrame(source, w, h);
        long frameBytes = MemoryGuard.decodedBytes(1, w, h);
        if (frameBytes * n <= budget) {
            float[][] all = threadSafe ? FrameDecoding.all(n, grey) : new float[n][];
            for (int i = 0; i < n && !threadSafe; i++) {
                all[i] = grey.apply(i);
            }
            return new Decoded(w, h, colour, FrameSource.of(all), false);
        }
        CachedFrameSource src = new CachedFrameSource(source, n, grey, CachedFrameSource.capacity(frameBytes, budget),
                threadSafe);
        src.frame(n - 1);
        return new Decoded(w, h, colour, src, true);
    }

    private static BufferedImage decodeChunk(ByteReader file, long[] chunk, int index) {
        String source = file.source();
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(file.copy(chunk[0], chunk[1])));
        } catch (IOException | RuntimeException e) {
            throw new InputException(source, "cannot decode AVI frame " + (index + 1) + " at byte " + chunk[0]
                    + ": " + e.getMessage(), e);
        }
        if (img == null) {
            throw new InputException(source, "cannot decode AVI frame " + (index + 1) + " at byte " + chunk[0]
                    + ": not an image");
        }
        return img;
    }

    private static long fileSize(Path path) {
        try {
            return java.nio.file.Files.size(path);
        } catch (IOException e) {
            throw new InputException(path.toString(), "cannot read file: " + e.getMessage(), e);
        }
    }
}
