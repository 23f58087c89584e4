package org.ceusperfusion.io;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;
import org.ceusperfusion.cine.UltrasoundRegion;

/**
 * Reads a DICOM cine loop with this package's own parser: every frame becomes a time frame (never a
 * Z slice), colour becomes luminance, PALETTE COLOR goes through its palette. Frame times follow
 * {@link DicomTiming}, pixel size follows {@link DicomCalibration}. The grey scale of the loop
 * ({@link LoopMetadata#maxGrey()}) is {@code 2^BitsStored − 1} for monochrome and colour data and 255
 * for PALETTE COLOR (palette luminance is scaled to 0..255).
 */
final class DicomLoopReader {
    private DicomLoopReader() {
    }

    /**
     * @param path the file
     * @param data its bytes
     * @return the loop
     * @throws InputException when the file cannot be read as a DICOM cine
     */
    static CineLoop read(Path path, byte[] data) {
        String source = path.toString();
        DicomParser.Parsed parsed = DicomParser.parse(data, source);
        DicomDataset ds = parsed.dataset();
        if (!ds.has(DicomDictionary.PIXEL_DATA)) {
            throw new InputException(source, "DICOM without pixel data (7FE0,0010): not an image, or truncated"
                    + " (file ends at byte " + data.length + ")");
        }
        PixelFormat format = PixelFormat.of(ds, source);
        MemoryGuard.check(source, format.frames(), format.columns(), format.rows());
        DicomPixelDecoder decoder = new DicomPixelDecoder(ds, format, parsed.syntax());
        String photometric = decoder.outputPhotometric();
        PaletteLut palette = photometric.equals("PALETTE COLOR") ? PaletteLut.of(ds, source) : null;
        float[][] frames = new float[format.frames()][];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = PhotometricConverter.toGrey(decoder.frame(i), photometric, format.maxValue(), palette);
        }
        DicomTiming.Timing timing = DicomTiming.of(ds, frames.length);
        List<UltrasoundRegion> regions = DicomCalibration.regions(ds);
        Map<String, String> tags = new HashMap<>();
        Double pixelSize = DicomCalibration.pixelSizeMm(ds, regions, tags);
        DicomDictionary.DESCRIPTIVE.forEach((name, tag) -> {
            String v = ds.string(tag);
            if (v != null) {
                tags.put(name, v);
            }
        });
        double maxGrey = palette != null ? 255 : format.maxValue();
        LoopMetadata meta = new LoopMetadata(source, "DICOM", maxGrey, format.photometric(),
                parsed.syntax().uid(), timing.source(), regions, tags);
        return new CineLoop(format.columns(), format.rows(), timing.timesS(), pixelSize, meta,
                FrameSource.of(frames));
    }
}
