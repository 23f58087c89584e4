package org.ceusperfusion.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.api.PictureWithMetadata;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Size;
import org.jcodec.scale.AWTUtil;

/**
 * Reads an MP4/QuickTime video (H.264 and the other codecs JCodec decodes) with JCodec. Pictures come
 * out of the decoder in decoding order and are put in display order by their presentation time stamps.
 * Frame times are the container's presentation time stamps (sample-table durations over the track's time scale), shifted
 * so that the first frame is at 0 s; irregular times are kept (timing source {@code container}).
 * Frames become luminance {@code 0.299 R + 0.587 G + 0.114 B} of the decoder's RGB output.
 */
final class Mp4LoopReader {
    static {
        // JCodec logs to standard output by default, which would mix with the CLI's output
        org.jcodec.common.logging.Logger.addSink(message -> { });
        org.jcodec.common.logging.Logger.setLevel(org.jcodec.common.logging.LogLevel.ERROR);
    }

    private Mp4LoopReader() {
    }

    /** @return whether the bytes start like an ISO base media file ({@code ftyp}, {@code moov}, ... at byte 4) */
    static boolean looksLikeMp4(byte[] h) {
        if (h.length < 8) {
            return false;
        }
        String box = new String(h, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        return box.equals("ftyp") || box.equals("moov") || box.equals("mdat") || box.equals("wide");
    }

    /**
     * @param path the MP4 file
     * @return the loop
     * @throws InputException when the file cannot be demultiplexed or decoded
     */
    static CineLoop read(Path path) {
        return read(path, GreyConversion.LUMINANCE);
    }

    /** As {@link #read(Path)}, the decoder's RGB converted as {@code conversion} says. */
    static CineLoop read(Path path, GreyConversion conversion) {
        String source = path.toString();
        try (FileChannelWrapper ch = NIOUtils.readableChannel(path.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(ch);
            DemuxerTrackMeta meta = grab.getVideoTrack().getMeta();
            int declared = meta == null ? -1 : meta.getTotalFrames();
            Size size = meta == null || meta.getVideoCodecMeta() == null ? null : meta.getVideoCodecMeta().getSize();
            if (declared < 1 || size == null) {
                throw new InputException(source, "MP4 without a readable video track");
            }
            MemoryGuard.check(source, declared, size.getWidth(), size.getHeight());
            return decode(source, grab, declared, meta, conversion);
        } catch (IOException | JCodecException e) {
            throw new InputException(source, "cannot read MP4: " + e.getMessage(), e);
        }
    }

    private static CineLoop decode(String source, FrameGrab grab, int declared, DemuxerTrackMeta meta,
                                   GreyConversion conversion) throws IOException {
        RgbToGrey rgbToGrey = null;
        List<float[]> frames = new ArrayList<>();
        List<Double> stamps = new ArrayList<>();
        int width = -1;
        int height = -1;
        PictureWithMetadata p;
        while (frames.size() < declared && (p = grab.getNativeFrameWithMetadata()) != null) {
            BufferedImage img = AWTUtil.toBufferedImage(p.getPicture());
            if (width < 0) {
                width = img.getWidth();
                height = img.getHeight();
            } else if (img.getWidth() != width || img.getHeight() != height) {
                throw new InputException(source, "MP4 frame " + (frames.size() + 1) + " changes size to "
                        + img.getWidth() + "x" + img.getHeight());
            }
            int[] rgb = img.getRGB(0, 0, width, height, null, 0, width);
            if (rgbToGrey == null) {
                rgbToGrey = conversion.resolve(source, true, "RGB", width, height, () -> rgb);
            }
            frames.add(rgbToGrey.grey(rgb));
            stamps.add(p.getTimestamp());
        }
        if (frames.isEmpty()) {
            throw new InputException(source, "MP4 video track holds no decodable frame");
        }
        Integer[] order = displayOrder(stamps);
        float[][] sorted = new float[order.length][];
        List<Double> sortedStamps = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            sorted[i] = frames.get(order[i]);
            sortedStamps.add(stamps.get(order[i]));
        }
        double[] times = times(sortedStamps);
        Map<String, String> tags = new HashMap<>();
        tags.put("mp4TotalDurationS", Double.toString(meta.getTotalDuration()));
        tags.put("mp4DeclaredFrames", Integer.toString(declared));
        String codec = meta.getCodec() == null ? "unknown" : meta.getCodec().name();
        LoopMetadata lm = new LoopMetadata(source, "MP4", 255, "RGB", codec,
                times == null ? "none" : "container", List.of(), tags);
        double[] t = times != null ? times : CineLoop.regularTimes(frames.size(), DicomTiming.FALLBACK_INTERVAL_S);
        return new CineLoop(width, height, t, null, lm, FrameSource.of(sorted));
    }

    /**
     * JCodec returns pictures in decoding order, each with its own presentation time stamp; with B-frames
     * that is not the display order.
     *
     * @return indices of the pictures sorted by presentation time (stable; NaN stamps keep their place at the end)
     */
    static Integer[] displayOrder(List<Double> stamps) {
        Integer[] order = new Integer[stamps.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(stamps.get(a), stamps.get(b)));
        return order;
    }

    /** @return presentation times shifted to start at 0, or {@code null} when they are not usable */
    static double[] times(List<Double> stamps) {
        double[] t = new double[stamps.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = stamps.get(i) - stamps.get(0);
            if (!Double.isFinite(t[i]) || (i > 0 && t[i] < t[i - 1])) {
                return null;
            }
        }
        return t.length > 1 && t[t.length - 1] <= 0 ? null : t;
    }

    static float[] luminance(BufferedImage img) {
        int w = img.getWidth();
        return RgbToGrey.LUMINANCE.grey(img.getRGB(0, 0, w, img.getHeight(), null, 0, w));
    }
}
