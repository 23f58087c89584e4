package org.ceusperfusion.io;

import ij.ImageStack;
import ij.plugin.AVI_Reader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;

/**
 * Reads an AVI cine (MJPEG or uncompressed) with ImageJ's {@link AVI_Reader} for the pixels and this
 * package's {@link AviHeader} for the timing: frame interval {@code dwScale / dwRate} of the video
 * stream header, else {@code dwMicroSecPerFrame} (timing source {@code container}); without either,
 * 1 s per frame and timing source {@code none}. Colour frames become luminance; the codec's
 * four-character code is recorded as the transfer syntax.
 */
final class AviLoopReader {
    private AviLoopReader() {
    }

    /**
     * @param path the AVI file
     * @return the loop
     * @throws InputException when the file is not an AVI ImageJ can decode
     */
    static CineLoop read(Path path) {
        String source = path.toString();
        AviHeader header = AviHeader.read(path);
        AVI_Reader reader = new AVI_Reader();
        ImageStack stack = reader.makeStack(path.toAbsolutePath().toString(), 1, 0, false, false, false);
        if (stack == null || stack.getSize() < 1) {
            String why = reader.getErrorText();
            throw new InputException(source, "cannot decode AVI (codec " + header.codec() + ")"
                    + (why == null || why.isBlank() ? "" : ": " + why.replaceAll("\\s+", " ").strip()));
        }
        MemoryGuard.check(source, stack.getSize(), stack.getWidth(), stack.getHeight());
        float[][] frames = ImageJFrames.grey(stack);
        double dt = header.frameIntervalS();
        boolean timed = dt > 0 && Double.isFinite(dt);
        double[] times = CineLoop.regularTimes(frames.length, timed ? dt : DicomTiming.FALLBACK_INTERVAL_S);
        Map<String, String> tags = new HashMap<>();
        tags.put("aviTimingField", header.timingField());
        tags.put("aviTotalFrames", Long.toString(header.totalFrames()));
        String colour = stack.getProcessor(1) instanceof ij.process.ColorProcessor ? "RGB" : "grey";
        LoopMetadata meta = new LoopMetadata(source, "AVI", 255, colour, header.codec(),
                timed ? "container" : "none", List.of(), tags);
        return new CineLoop(stack.getWidth(), stack.getHeight(), times, null, meta, FrameSource.of(frames));
    }
}
