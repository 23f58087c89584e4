/**
 * Loaders of cine loops with correct frame timing. Boundary code; no ImageJ GUI.
 *
 * <p>Entry point: {@link org.ceusperfusion.io.LoopReader#open(java.nio.file.Path, LoadOptions)}, which
 * picks the reader by magic bytes:
 * <ul>
 *   <li>DICOM — this package's own parser ({@code DicomParser}, {@code DicomPixelDecoder},
 *       {@code PhotometricConverter}): implicit/explicit VR little endian, explicit VR big endian,
 *       native pixels, RLE Lossless, JPEG Baseline/Extended (JDK decoder), JPEG Lossless .57/.70
 *       (TwelveMonkeys {@code imageio-jpeg}, instantiated directly); MONOCHROME1/2, RGB, YBR_FULL,
 *       YBR_FULL_422, PALETTE COLOR (normal and segmented). Frames are time frames. Times: Frame Time
 *       Vector &gt; Frame Time &gt; Cine Rate &gt; Recommended Display Frame Rate &gt; none (1 s, timing
 *       source {@code none}). Pixel size: ultrasound region physical deltas &gt; Pixel Spacing &gt; Imager
 *       Pixel Spacing. JPEG 2000 stays an "unsupported transfer syntax" error (no GPL-compatible pure-Java
 *       decoder on Maven Central).</li>
 *   <li>TIFF — ImageJ's TIFF decoder; times from slice labels {@code t=<number>[s|ms]}, then
 *       {@code finterval}, then {@code fps}.</li>
 *   <li>AVI — ImageJ's AVI reader for MJPEG and uncompressed pixels, this package's chunk walker and
 *       {@code javax.imageio} for PNG-in-AVI ({@code MPNG}); known video codecs (MPEG-4 part 2, H.264 in
 *       AVI, ...) give an "unsupported AVI codec" error. Timing from this package's RIFF header parser
 *       ({@code dwScale/dwRate}, else {@code dwMicroSecPerFrame}).</li>
 *   <li>MP4 — JCodec; frames in display order, times from the presentation time stamps.</li>
 *   <li>anything else — Bio-Formats by reflection when it is on the class path (Fiji), else an
 *       "unrecognised format; inside Fiji, Bio-Formats may read it" error.</li>
 * </ul>
 * Colour becomes luminance {@code 0.299 R + 0.587 G + 0.114 B}; {@link org.ceusperfusion.io.ColourBarMapping}
 * maps colour-coded pixels to their position on the scanner's colour bar instead. Loops whose decoded
 * frames exceed a quarter of the heap are decoded frame by frame on demand (DICOM, AVI), from a
 * memory-mapped file when it is large. Every failure is an {@link org.ceusperfusion.InputException}
 * naming the file in one line and, for corrupt data, the byte offset.
 */
package org.ceusperfusion.io;
