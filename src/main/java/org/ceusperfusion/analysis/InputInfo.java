package org.ceusperfusion.analysis;

import java.util.List;
import java.util.Map;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.UltrasoundRegion;

/**
 * The {@code input} section of the results: what was read and its timing.
 *
 * @param path           the file, as given
 * @param sha256         hex SHA-256 of the file, or {@code null} when not a file
 * @param format         {@code DICOM}, {@code AVI}, {@code MP4}, {@code TIFF}, ...
 * @param frames         number of frames
 * @param width          frame width, pixels
 * @param height         frame height, pixels
 * @param frameIntervalS median frame interval, s
 * @param durationS      time of the last frame, s
 * @param pixelSizeMm    pixel size, mm, or {@code null}
 * @param timesS         time of every frame, s
 * @param photometric    photometric interpretation or colour model, or {@code null}
 * @param transferSyntax transfer syntax UID or codec, or {@code null}
 * @param timingSource   where the times came from
 * @param regions        ultrasound regions
 * @param tags           descriptive tags of the file (Manufacturer, ManufacturerModelName, TransducerData, ...)
 */
public record InputInfo(String path, String sha256, String format, int frames, int width, int height,
                        double frameIntervalS, double durationS, Double pixelSizeMm, double[] timesS,
                        String photometric, String transferSyntax, String timingSource,
                        List<UltrasoundRegion> regions, Map<String, String> tags) {

    public InputInfo {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** Without descriptive tags. */
    public InputInfo(String path, String sha256, String format, int frames, int width, int height,
                     double frameIntervalS, double durationS, Double pixelSizeMm, double[] timesS,
                     String photometric, String transferSyntax, String timingSource,
                     List<UltrasoundRegion> regions) {
        this(path, sha256, format, frames, width, height, frameIntervalS, durationS, pixelSizeMm, timesS,
                photometric, transferSyntax, timingSource, regions, Map.of());
    }

    /** @return this input with the file's hash set */
    public InputInfo withSha256(String hash) {
        return new InputInfo(path, hash, format, frames, width, height, frameIntervalS, durationS, pixelSizeMm, timesS,
                photometric, transferSyntax, timingSource, regions, tags);
    }

    /** Describes {@code loop}, whose file has the given hash. */
    public static InputInfo of(CineLoop loop, String sha256) {
        var m = loop.metadata();
        return new InputInfo(m.path(), sha256, m.format(), loop.frameCount(), loop.width(), loop.height(),
                loop.frameIntervalS(), loop.durationS(), loop.pixelSizeMm(), loop.timesS(),
                m.photometric(), m.transferSyntax(), m.timingSource(), m.regions(), m.tags());
    }
}
