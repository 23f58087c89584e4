package org.ceusperfusion.io;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
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
 *
 * <p>Loops whose decoded frames exceed the memory budget ({@link MemoryGuard#defaultBudget()}) are
 * decoded frame by frame on demand from the file (memory-mapped when large), native, RLE and JPEG alike.
 */
final class DicomLoopReader {
    /** Largest share of frame-1 pixels whose luma may differ from the RGB path's luminance by over 1 grey level. */
    static final double LUMA_APART_SHARE = 0.01;
    private DicomLoopReader() {
    }

    /**
     * @param path the file
     * @param data its bytes
     * @return the loop
     * @throws InputException when the file cannot be read as a DICOM cine
     */
    static CineLoop read(Path path, byte[] data) {
        return read(path, new ByteReader(data, path.toString(), false), MemoryGuard.defaultBudget());
    }

    /**
     * @param path        the file
     * @param file        its bytes, in memory or mapped
     * @param budgetBytes decoded frames up to this size are held in memory; larger loops are decoded
     *                    frame by frame on demand (tag {@code frames} = {@code streamed})
     * @return the loop
     * @throws InputException when the file cannot be read as a DICOM cine
     */
    static CineLoop read(Path path, ByteReader file, long budgetBytes) {
        return read(path, file, budgetBytes, GreyConversion.LUMINANCE);
    }

    /**
     * As {@link #read(Path, ByteReader, long)}, colour pixels converted as {@code conversion} says.
     *
     * @throws InputException also when a colour bar is asked for on a loop that is not RGB or YBR_FULL
     */
    static CineLoop read(Path path, ByteReader file, long budgetBytes, GreyConversion conversion) {
        String source = path.toString();
        DicomParser.Parsed parsed = DicomParser.parse(file);
        DicomDataset ds = parsed.dataset();
        if (!ds.has(DicomDictionary.PIXEL_DATA)) {
            throw new InputException(source, "DICOM without pixel data (7FE0,0010): not an image, or truncated"
                    + " (file ends at byte " + file.length() + ")");
        }
        PixelFormat format = PixelFormat.of(ds, source);
        MemoryGuard.checkFrame(source, format.columns(), format.rows());
        DicomPixelDecoder decoder = new DicomPixelDecoder(ds, format, parsed.syntax());
        String photometric = decoder.outputPhotometric();
        PaletteLut palette = photometric.equals("PALETTE COLOR") ? PaletteLut.of(ds, source) : null;
        RgbToGrey colour = conversion.resolve(source, PhotometricConverter.isColour(photometric), photometric,
                format.columns(), format.rows(),
                () -> PhotometricConverter.packedRgb(decoder.frame(0), photometric, format.maxValue()));
        IntFunction<float[]> converted = i -> PhotometricConverter.toGrey(decoder.frame(i), photometric,
                format.maxValue(), palette, colour);
        float[] firstLuma = conversion.usesColourBar() ? null : lumaIfAgrees(source, decoder, format, converted);
        boolean luma = firstLuma != null;
        LumaRegionDecoder regional = luma ? LumaRegionDecoder.ifExact(decoder, format, source, firstLuma) : null;
        IntFunction<float[]> grey = regional != null ? regional
                : luma ? i -> JpegLuma.decode(decoder.compressed(i), format.columns(), format.rows(), source, i)
                : converted;
        long frameBytes = MemoryGuard.decodedBytes(1, format.columns(), format.rows());
        boolean stream = frameBytes * format.frames() > budgetBytes;
        FrameSource frames = stream ? streamed(source, format.frames(), grey, frameBytes, budgetBytes)
                : inMemory(format.frames(), grey);
        if (stream && regional != null) {
            ((CachedFrameSource) frames).withRegionSink(regional::region);
        }
        DicomTiming.Timing timing = DicomTiming.of(ds, format.frames());
        List<UltrasoundRegion> regions = DicomCalibration.regions(ds);
        Map<String, String> tags = new HashMap<>();
        tags.put("frames", stream ? "streamed" : "memory");
        if (luma) {
            tags.put("jpegDecode", "luma");
            tags.put("jpegRegionDecoder", regional != null ? "java" : "none");
        }
        Double pixelSize = DicomCalibration.pixelSizeMm(ds, regions, tags);
        DicomDictionary.DESCRIPTIVE.forEach((name, tag) -> {
            String v = ds.string(tag);
            if (v != null) {
                tags.put(name, v);
            }
        });
        double maxGrey = palette != null || conversion.usesColourBar() ? 255 : format.maxValue();
        LoopMetadata meta = new LoopMetadata(source, "DICOM", maxGrey, format.photometric(),
                parsed.syntax().uid(), timing.source(), regions, tags);
        return new CineLoop(format.columns(), format.rows(), timing.timesS(), pixelSize, meta, frames);
    }

    /**
     * Whether the JPEG luma path applies: lossy 8-bit YCbCr JPEG (by the header and the stream), and on
     * frame 1 at most {@value #LUMA_APART_SHARE} of the pixels have a luma more than one grey level away
     * from the luminance of the colour-converted pixels. Grey pixels agree exactly; saturated colours,
     * which the RGB path clips, do not, so colour-rich loops (colour Doppler) keep the RGB path and its
     * numbers, and a stream whose first component is not luma after all is caught.
     *
     * @return frame 1's luma (JDK decoder) when the path applies, else {@code null}
     */
    private static float[] lumaIfAgrees(String source, DicomPixelDecoder decoder, PixelFormat format,
                                        IntFunction<float[]> converted) {
        if (!decoder.lumaCandidate()) {
            return null;
        }
        try {
            byte[] first = decoder.compressed(0);
            if (!JpegLuma.isYCbCr(first)) {
                return null;
            }
            float[] y = JpegLuma.decode(first, format.columns(), format.rows(), source, 0);
            float[] lum = converted.apply(0);
            int apart = 0;
            for (int i = 0; i < y.length; i++) {
                apart += Math.abs(y[i] - lum[i]) > 1 ? 1 : 0;
            }
            return apart <= LUMA_APART_SHARE * y.length ? y : null;
        } catch (RuntimeException e) {
            return null; // the general path reports what is wrong with the frame
        }
    }

    private static FrameSource inMemory(int n, IntFunction<float[]> grey) {
        return CompactFrames.decode(n, grey);
    }

    /** Decodes the first and last frames now, so that most corrupt files fail before any analysis. */
    private static FrameSource streamed(String source, int n, IntFunction<float[]> grey, long frameBytes, long budgetBytes) {
        CachedFrameSource src = new CachedFrameSource(source, n, grey, CachedFrameSource.capacity(frameBytes, budgetBytes));
        src.frame(n - 1);
        src.frame(0);
        return src;
    }
}
