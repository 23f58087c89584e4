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
 *   <li>OME-TIFF (classic TIFF or BigTIFF whose first IFD description is OME-XML) — this package's own
 *       reader ({@code TiffStructure}, {@code OmeXml}, {@code TiffPlaneDecoder}, {@code OmeTiffReader}):
 *       times are each plane's {@code DeltaT} by {@code TheT}, then {@code TimeIncrement}; pixel size from
 *       {@code PhysicalSizeX/Y}; channel, Z plane (or projection) and series chosen by
 *       {@link org.ceusperfusion.io.PlaneSelection} through {@code PlanePlanner} (shared with Bio-Formats).</li>
 *   <li>TIFF — ImageJ's TIFF decoder; times from slice labels {@code t=<number>[s|ms]}, then
 *       {@code finterval}, then {@code fps}. BigTIFF without OME-XML: one frame per IFD.</li>
 *   <li>AVI — ImageJ's AVI reader for MJPEG and uncompressed pixels, this package's chunk walker and
 *       {@code javax.imageio} for PNG-in-AVI ({@code MPNG}); known video codecs (MPEG-4 part 2, H.264 in
 *       AVI, ...) give an "unsupported AVI codec" error. Timing from this package's RIFF header parser
 *       ({@code dwScale/dwRate}, else {@code dwMicroSecPerFrame}).</li>
 *   <li>MP4 — JCodec; frames in display order, times from the presentation time stamps.</li>
 *   <li>anything else, and TIFF/OME-TIFF/MP4 files our readers fail on — Bio-Formats by reflection when the
 *       plugin's class loader or the context loader sees it ({@code BioFormatsReader}, a thin adapter that
 *       records the reader's metadata as {@code BioFormatsSeries}; choices, times and pixel size by
 *       {@code PlanePlanner}), else an "unrecognised format; inside Fiji, Bio-Formats may read it" error.</li>
 * </ul>
 * Colour becomes luminance {@code 0.299 R + 0.587 G + 0.114 B}. With a colour bar
 * ({@link org.ceusperfusion.io.LoadOptions#withColourBar}, CLI {@code --colour-bar x0,y0,x1,y1}, ImageJ
 * {@code colour_bar=[x0,y0,x1,y1]}: a line from the bar's low end to its high end in stored-frame pixels),
 * every reader measures colour pixels (RGB, YBR, colour LUT) by the position of their nearest colour on
 * the bar sampled in frame 1 ({@link org.ceusperfusion.io.ColourBarMapping}, 0..255) instead; a loop that
 * is not colour is an error. Loop tags: {@code greyConversion} ({@code luminance} or
 * {@code colour-bar x0,y0-x1,y1}, colour loops only), {@code frames} ({@code memory} or {@code streamed}),
 * {@code pixelSizeSource}. DICOM ultrasound regions (bounds, spatial format, data type, physical deltas
 * converted to mm) are kept in {@link org.ceusperfusion.cine.LoopMetadata#regions()} and printed by
 * {@code ceus info}. Loops whose decoded frames exceed a quarter of the heap are decoded frame by frame on
 * demand (DICOM, AVI; an uncompressed 8-bit TIFF stack, held as bytes, when those bytes do), from a
 * memory-mapped file when it is large. Every failure is an {@link org.ceusperfusion.InputException} naming
 * the file in one line and, for corrupt data, the byte offset.
 */
package org.ceusperfusion.io;
