package org.ceusperfusion.cine;

import java.util.List;
import java.util.Map;

/**
 * Where a loop came from and how it was encoded.
 *
 * @param path           the file read, as given
 * @param format         container: {@code DICOM}, {@code AVI}, {@code MP4}, {@code TIFF}, {@code SYNTHETIC}, ...
 * @param maxGrey        the largest grey value of the stored scale (255 for 8-bit data); linearisation maps
 *                       {@code [0, maxGrey]} onto the dynamic range
 * @param photometric    DICOM photometric interpretation or a descriptive colour model, or {@code null}
 * @param transferSyntax DICOM transfer syntax UID or video codec, or {@code null}
 * @param timingSource   where the frame times came from, e.g. {@code FrameTimeVector}, {@code FrameTime},
 *                       {@code container}, {@code finterval}, {@code option}
 * @param regions        ultrasound regions (panels), empty when none are known
 * @param tags           further descriptive tags (manufacturer, model, probe, ...), never {@code null}
 */
public record LoopMetadata(String path, String format, double maxGrey, String photometric,
                           String transferSyntax, String timingSource, List<UltrasoundRegion> regions,
                           Map<String, String> tags) {

    public LoopMetadata {
        regions = List.copyOf(regions);
        tags = Map.copyOf(tags);
    }

    /** Minimal metadata for an 8-bit loop with no regions or tags. */
    public static LoopMetadata simple(String path, String format, String timingSource) {
        return new LoopMetadata(path, format, 255, null, null, timingSource, List.of(), Map.of());
    }

    /** @return a copy with another timing source */
    public LoopMetadata withTimingSource(String source) {
        return new LoopMetadata(path, format, maxGrey, photometric, transferSyntax, source, regions, tags);
    }
}
