/**
 * Loaders of cine loops with correct frame timing. Boundary code; no ImageJ GUI.
 *
 * <p>Entry point: {@link org.ceusperfusion.io.LoopReader#open(java.nio.file.Path, LoadOptions)}, which
 * picks the reader by magic bytes:
 * <ul>
 *   <li>DICOM — this package's own parser ({@code DicomParser}, {@code DicomPixelDecoder},
 *       {@code PhotometricConverter}): implicit/explicit VR little endian, explicit VR big endian,
 *       native pixels, RLE Lossless, JPEG Baseline; MONOCHROME1/2, RGB, YBR_FULL, YBR_FULL_422,
 *       PALETTE COLOR (normal and segmented). Frames are time frames. Times: Frame Time Vector &gt;
 *       Frame Time &gt; Cine Rate &gt; Recommended Display Frame Rate &gt; none (1 s, timing source
 *       {@code none}). Pixel size: ultrasound region physical deltas &gt; Pixel Spacing &gt; Imager
 *       Pixel Spacing.</li>
 *   <li>TIFF — ImageJ's TIFF decoder; times from slice labels {@code t=<number>[s|ms]}, then
 *       {@code finterval}, then {@code fps}.</li>
 *   <li>AVI — ImageJ's AVI reader for pixels (MJPEG, uncompressed), this package's RIFF header parser
 *       for timing ({@code dwScale/dwRate}, else {@code dwMicroSecPerFrame}).</li>
 * </ul>
 * Colour always becomes luminance {@code 0.299 R + 0.587 G + 0.114 B}. Every failure is an
 * {@link org.ceusperfusion.InputException} naming the file and, for corrupt data, the byte offset.
 */
package org.ceusperfusion.io;
