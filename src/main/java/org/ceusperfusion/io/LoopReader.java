package org.ceusperfusion.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;

/**
 * Opens a cine loop from a file, choosing the reader by content (magic bytes), not by name:
 * {@code DICM} at byte 128 → DICOM ({@link DicomLoopReader}; checked first, as some files are TIFF and
 * DICOM at once),
 * {@code II*\0} / {@code MM\0*} (TIFF) and {@code II+\0} / {@code MM\0+} (BigTIFF) → OME-TIFF
 * ({@link OmeTiffReader}) when the first IFD's description is OME-XML, else TIFF ({@link TiffLoopReader};
 * BigTIFF: one frame per IFD), {@code RIFF....AVI } → AVI ({@link AviLoopReader}), MP4, a DICOM element at
 * byte 0 → DICOM without preamble. Formats not recognised go to Bio-Formats when it can be loaded; so do TIFF,
 * OME-TIFF and MP4 files that our own reader claims but fails on (our error is reported when Bio-Formats
 * fails too, or is absent).
 *
 * <p>Example: {@code CineLoop loop = LoopReader.open(Path.of("loop.dcm"), LoadOptions.NONE);}
 */
public final class LoopReader {
    /** Largest file read into memory, bytes. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 64L;
    /** Files larger than this are memory-mapped rather than read into the heap, bytes. */
    private static final long MAP_ABOVE_BYTES = 64L << 20;

    private LoopReader() {
    }

    /**
     * Reads a cine loop with correct frame times and pixel size. An explicit frame interval in
     * {@code options} replaces the file's timing (timing source {@code option}); an explicit pixel size
     * replaces the file's calibration (tag {@code pixelSizeSource} = {@code option}).
     *
     * @param path    the file (DICOM, TIFF, AVI)
     * @param options overrides of frame interval (s) and pixel size (mm)
     * @return the loop
     * @throws org.ceusperfusion.InputException naming the file and what is wrong when it cannot be read
     */
    public static CineLoop open(Path path, LoadOptions options) {
        return open(path, options, MemoryGuard.defaultBudget());
    }

    /**
     * As {@link #open(Path, LoadOptions)} with an explicit memory budget (tests simulate a small heap).
     *
     * @param budgetBytes decoded frames up to this size are held in memory; larger loops are streamed
     *                    where the format allows it, and files above it are memory-mapped, not read
     */
    static CineLoop open(Path path, LoadOptions options, long budgetBytes) {
        return open(path, options, budgetBytes, BioFormatsReader.loader());
    }

    /** As {@link #open(Path, LoadOptions, long)}, with Bio-Formats looked up in {@code loader} (tests use a fake). */
    static CineLoop open(Path path, LoadOptions options, long budgetBytes, ClassLoader loader) {
        String source = path.toString();
        checkOptions(source, options);
        byte[] head = head(path);
        CineLoop loop;
        try {
            loop = readByFormat(path, head, budgetBytes, options == null ? LoadOptions.NONE : options, loader);
        } catch (InputException e) {
            throw oneLine(e);
        } catch (OutOfMemoryError e) {
            throw new InputException(source, "loop too large for the available memory (raise -Xmx)", e);
        } catch (RuntimeException e) {
            throw new InputException(source, "cannot read loop: " + e, e);
        }
        checkPlanesUsed(source, loop, options == null ? PlaneSelection.NONE : options.planeSelection());
        return applyOptions(tagGreyConversion(loop, GreyConversion.of(options)), options);
    }

    /**
     * A channel, Z plane or series beyond the first asked of a file that has no such dimension (DICOM, AVI,
     * MP4, ImageJ TIFF) is refused rather than silently ignored.
     */
    private static void checkPlanesUsed(String source, CineLoop loop, PlaneSelection p) {
        if (p.isEmpty() || loop.metadata().tags().containsKey("sizeCZT")) {
            return;
        }
        String what = p.channel() != null && p.channel() > 1 ? "--channel " + p.channel()
                : p.z() != null && p.z() > 1 ? "--z " + p.z() : p.series() != null && p.series() > 1 ? "--series " + p.series() : null;
        if (what != null) {
            throw new InputException(source, what + " is not in the file: this " + loop.metadata().format()
                    + " loop has one channel, one Z plane and one series");
        }
    }

    /**
     * Records how colour became grey in the tag {@code greyConversion}: {@code colour-bar x0,y0-x1,y1}
     * with a colour bar, {@code luminance} for other colour loops, nothing for grey loops.
     */
    private static CineLoop tagGreyConversion(CineLoop loop, GreyConversion grey) {
        String pi = loop.metadata().photometric();
        boolean colour = pi != null && (pi.startsWith("RGB") || pi.startsWith("YBR") || pi.equals("PALETTE COLOR")
                || pi.equals("indexed"));
        if (!grey.usesColourBar() && !colour) {
            return loop;
        }
        Map<String, String> tags = new HashMap<>(loop.metadata().tags());
        tags.put(GreyConversion.TAG, grey.tag());
        return withTags(loop, tags, loop.pixelSizeMm());
    }

    private static CineLoop withTags(CineLoop loop, Map<String, String> tags, Double pixelSizeMm) {
        LoopMetadata m = loop.metadata();
        LoopMetadata withTags = new LoopMetadata(m.path(), m.format(), m.maxGrey(), m.photometric(),
                m.transferSyntax(), m.timingSource(), m.regions(), tags);
        return new CineLoop(loop.width(), loop.height(), loop.timesS(), pixelSizeMm, withTags, framesOf(loop));
    }

    private static CineLoop readByFormat(Path path, byte[] head, long budget, LoadOptions options, ClassLoader loader) {
        GreyConversion grey = GreyConversion.of(options);
        PlaneSelection planes = options.planeSelection();
        if (hasDicmMarker(head)) {
            return DicomLoopReader.read(path, fileBytes(path, budget), budget, grey);
        }
        if (isTiff(head) || TiffStructure.isBigTiff(head)) {
            return orBioFormats(path, loader, grey, planes, () -> readTiff(path, head, grey, planes, budget));
        }
        if (isAvi(head)) {
            return AviLoopReader.read(path, budget, grey);
        }
        if (Mp4LoopReader.looksLikeMp4(head)) {
            return orBioFormats(path, loader, grey, planes, () -> Mp4LoopReader.read(path, grey));
        }
        if (DicomParser.looksLikeDicom(head)) {
            return DicomLoopReader.read(path, fileBytes(path, budget), budget, grey);
        }
        return fallback(path, head, loader, grey, planes);
    }

    /** OME-TIFF (classic or BigTIFF) natively; other classic TIFF through ImageJ; other BigTIFF as one frame per IFD. */
    private static CineLoop readTiff(Path path, byte[] head, GreyConversion grey, PlaneSelection planes,
                                     long budget) {
        boolean big = TiffStructure.isBigTiff(head);
        if (!big) {   // a classic TIFF goes to ImageJ unless its first IFD carries OME-XML: read only that one
            TiffStructure.Parsed first;
            try {
                first = TiffStructure.readFirst(path);
            } catch (InputException e) {
                return TiffLoopReader.read(path, grey, true, budget);
            }
            if (!OmeTiffReader.isOme(first)) {
                return TiffLoopReader.read(path, grey, true, budget);
            }
        }
        TiffStructure.Parsed tiff;
        try {
            tiff = TiffStructure.read(path);
        } catch (InputException e) {
            if (big) {
                throw e;
            }
            return TiffLoopReader.read(path, grey, true, budget);
        }
        if (OmeTiffReader.isOme(tiff)) {
            return OmeTiffReader.read(path, tiff, planes, grey);
        }
        return big ? OmeTiffReader.readPlain(path, tiff, planes, grey) : TiffLoopReader.read(path, grey, true, budget);
    }

    /**
     * Runs our own reader; when it fails and Bio-Formats can be loaded, Bio-Formats reads the file. When both
     * fail, our reader's error is reported (with Bio-Formats' in brackets when it differs).
     */
    private static CineLoop orBioFormats(Path path, ClassLoader loader, GreyConversion grey, PlaneSelection planes,
                                         java.util.function.Supplier<CineLoop> own) {
        try {
            return own.get();
        } catch (InputException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException
                 | UnsupportedOperationException | java.io.UncheckedIOException failure) {
            InputException e = failure instanceof InputException ie ? ie
                    : new InputException(path.toString(), "cannot read loop: " + failure, failure);
            if (!BioFormatsReader.available(loader)) {
                throw e;
            }
            try {
                return BioFormatsReader.read(path, loader, grey, planes);
            } catch (InputException bf) {
                throw e.getMessage().equals(bf.getMessage()) ? e : new InputException(e.source(),
                        e.getMessage().substring(Math.min(e.getMessage().length(), e.source().length() + 2))
                        + " (Bio-Formats: " + bf.getMessage().substring(Math.min(bf.getMessage().length(),
                        bf.source().length() + 2)) + ")", e);
            }
        }
    }

    /** Formats we do not read go to Bio-Formats when it is on the class path. */
    static CineLoop fallback(Path path, byte[] head, ClassLoader loader) {
        return fallback(path, head, loader, GreyConversion.LUMINANCE, PlaneSelection.NONE);
    }

    private static CineLoop fallback(Path path, byte[] head, ClassLoader loader, GreyConversion grey, PlaneSelection planes) {
        if (BioFormatsReader.available(loader)) {
            return BioFormatsReader.read(path, loader, grey, planes);
        }
        throw new InputException(path.toString(), "not a cine loop: unrecognised format (first bytes "
                + firstBytes(head) + "); inside Fiji, Bio-Formats may read it");
    }

    /** Messages may quote file contents: keep them to one printable line. */
    private static InputException oneLine(InputException e) {
        String msg = e.getMessage();
        if (msg.chars().allMatch(c -> c >= ' ' && c != 0x7F)) {
            return e;
        }
        String what = msg.substring(Math.min(msg.length(), e.source().length() + 2)).replaceAll("\\p{Cntrl}+", " ");
        return new InputException(e.source(), what, e);
    }

    private static void checkOptions(String source, LoadOptions options) {
        if (options == null) {
            return;
        }
        Double dt = options.frameIntervalS();
        if (dt != null && !(dt > 0 && Double.isFinite(dt))) {
            throw new InputException("--frame-interval", "must be a positive number of seconds, got " + dt);
        }
        Double px = options.pixelSizeMm();
        if (px != null && !(px > 0 && Double.isFinite(px))) {
            throw new InputException("--pixel-size", "must be a positive number of mm, got " + px);
        }
    }

    private static CineLoop applyOptions(CineLoop loop, LoadOptions options) {
        if (options == null) {
            return loop;
        }
        CineLoop out = loop;
        if (options.frameIntervalS() != null) {
            out = out.withTimes(CineLoop.regularTimes(out.frameCount(), options.frameIntervalS()), "option");
        }
        if (options.pixelSizeMm() != null) {
            Map<String, String> tags = new HashMap<>(out.metadata().tags());
            tags.put("pixelSizeSource", "option");
            out = withTags(out, tags, options.pixelSizeMm());
        }
        return out;
    }

    private static FrameSource framesOf(CineLoop loop) {
        return new FrameSource() {
            @Override
            public int frameCount() {
                return loop.frameCount();
            }

            @Override
            public float[] frame(int index) {
                return loop.frame(index);
            }

            @Override
            public void detailRegion(int[] region) {
                loop.detailRegion(region);
            }
        };
    }

    /** DICM at byte 128 wins over everything else: some files are TIFF and DICOM at once. */
    static boolean hasDicmMarker(byte[] h) {
        return h.length >= 132 && h[128] == 'D' && h[129] == 'I' && h[130] == 'C' && h[131] == 'M';
    }

    static boolean isTiff(byte[] h) {
        return h.length >= 4 && ((h[0] == 'I' && h[1] == 'I' && h[2] == 42 && h[3] == 0)
                || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && h[3] == 42));
    }

    static boolean isAvi(byte[] h) {
        return h.length >= 12 && h[0] == 'R' && h[1] == 'I' && h[2] == 'F' && h[3] == 'F'
                && h[8] == 'A' && h[9] == 'V' && h[10] == 'I' && h[11] == ' ';
    }

    private static String firstBytes(byte[] head) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, head.length); i++) {
            sb.append(i == 0 ? "" : " ").append(String.format("%02X", head[i] & 0xFF));
        }
        return sb.toString();
    }

    private static byte[] head(Path path) {
        String source = path.toString();
        if (!Files.exists(path)) {
            throw new InputException(source, "file not found");
        }
        if (!Files.isRegularFile(path)) {
            throw new InputException(source, "not a regular file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(132);
            if (head.length == 0) {
                throw new InputException(source, "empty file");
            }
            return head;
        } catch (IOException e) {
            throw new InputException(source, "cannot read file: " + e.getMessage(), e);
        }
    }

    /** @return the file in memory when it is smaller than both {@link #MAP_ABOVE_BYTES} and the budget, else mapped */
    static ByteReader fileBytes(Path path, long budget) {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new InputException(path.toString(), "cannot read file: " + e.getMessage(), e);
        }
        if (size > Math.min(MAP_ABOVE_BYTES, budget)) {
            return ByteReader.map(path);
        }
        return new ByteReader(readAll(path), path.toString(), false);
    }

    /** @return all bytes of a file, refusing files too large for one array */
    static byte[] readAll(Path path) {
        String source = path.toString();
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new InputException(source, "file too large (" + Files.size(path) + " bytes)");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InputException(source, "file not found", e);
        } catch (IOException e) {
            throw new InputException(source, "cannot read file: " + e.getMessage(), e);
        }
    }

    /**
     * Starts {@link #sha256(Path)} on its own daemon thread, so the hash is taken while the loop is opened
     * and analysed rather than before.
     *
     * @return gives the hash, waiting for it if need be; throws what {@link #sha256(Path)} would
     */
    public static java.util.function.Supplier<String> sha256Later(Path path) {
        var task = new java.util.concurrent.FutureTask<>(() -> sha256(path));
        Thread t = new Thread(task, "ceus-sha256");
        t.setDaemon(true);
        t.start();
        return () -> {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while hashing " + path, e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        };
    }

    /**
     * Streams the file through SHA-256.
     *
     * @return lower-case hex SHA-256 of the file's bytes
     * @throws InputException when the file cannot be read
     */
    public static String sha256(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchFileException e) {
            throw new InputException(path.toString(), "file not found", e);
        } catch (IOException e) {
            throw new InputException(path.toString(), "cannot read file: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
