package org.ceusperfusion.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ceusperfusion.cine.CineLoop;

/**
 * Writes OME-TIFF test loops (uncompressed, classic TIFF or BigTIFF, little endian) following the OME-XML
 * 2016-06 schema structure {@code OME > Image > Pixels > Channel, TiffData, Plane}: one plane per IFD, the
 * OME-XML in the first IFD's ImageDescription, each plane's {@code DeltaT} from the loop's frame times,
 * {@code PhysicalSizeX/Y} from its pixel size (in µm). Channels and Z planes are separate loops of the same
 * size and frame count; the times and pixel size are those of {@code planes[0][0]}.
 *
 * <pre>{@code
 * OmeTiffWriter.write(Path.of("loop.ome.tif"), new CineLoop[][] {{decoy}, {contrast}},
 *         OmeTiffWriter.Layout.DEFAULT.withChannelNames(List.of("B-mode", "contrast")));
 * }</pre>
 */
public final class OmeTiffWriter {
    private static final int DESCRIPTION = 270;

    /**
     * How the file is laid out.
     *
     * @param bigTiff         BigTIFF instead of classic TIFF
     * @param dimensionOrder  plane order in the file, e.g. {@code XYZCT}, {@code XYCZT}, {@code XYTCZ}
     * @param deltaTUnit      unit of DeltaT: {@code s}, {@code ms} or {@code min}; {@code null}: no Plane elements
     * @param timeIncrementS  Pixels@TimeIncrement in s, or {@code null}
     * @param bits            8 (uint8) or 16 (uint16: value × 257)
     * @param channelNames    names of the channels (may be empty)
     * @param reversePlanes   write the Plane elements in reverse order (times must be matched by TheT)
     * @param perPlaneTiffData one TiffData per plane (IFD, FirstC/Z/T, PlaneCount 1) instead of one for all
     * @param overview        write a one-plane "overview" Image before the loop (a second series)
     */
    public record Layout(boolean bigTiff, String dimensionOrder, String deltaTUnit, Double timeIncrementS, int bits,
                         List<String> channelNames, boolean reversePlanes, boolean perPlaneTiffData, boolean overview) {
        /** Classic TIFF, XYZCT, DeltaT in s, uint8, one TiffData, no overview. */
        public static final Layout DEFAULT = new Layout(false, "XYZCT", "s", null, 8, List.of(), false, false, false);

        public Layout {
            channelNames = List.copyOf(channelNames);
        }

        /** @return a copy as BigTIFF (or not) */
        public Layout withBigTiff(boolean v) {
            return new Layout(v, dimensionOrder, deltaTUnit, timeIncrementS, bits, channelNames, reversePlanes, perPlaneTiffData, overview);
        }

        /** @return a copy with another dimension order */
        public Layout withDimensionOrder(String v) {
            return new Layout(bigTiff, v, deltaTUnit, timeIncrementS, bits, channelNames, reversePlanes, perPlaneTiffData, overview);
        }

        /** @return a copy with DeltaT in another unit, or no Plane elements ({@code null}) */
        public Layout withDeltaTUnit(String v) {
            return new Layout(bigTiff, dimensionOrder, v, timeIncrementS, bits, channelNames, reversePlanes, perPlaneTiffData, overview);
        }

        /** @return a copy with a TimeIncrement (s) */
        public Layout withTimeIncrementS(Double v) {
            return new Layout(bigTiff, dimensionOrder, deltaTUnit, v, bits, channelNames, reversePlanes, perPlaneTiffData, overview);
        }

        /** @return a copy with 8 or 16 bits per sample */
        public Layout withBits(int v) {
            return new Layout(bigTiff, dimensionOrder, deltaTUnit, timeIncrementS, v, channelNames, reversePlanes, perPlaneTiffData, overview);
        }

        /** @return a copy with channel names */
        public Layout withChannelNames(List<String> v) {
            return new Layout(bigTiff, dimensionOrder, deltaTUnit, timeIncrementS, bits, v, reversePlanes, perPlaneTiffData, overview);
        }

        /** @return a copy writing Plane elements in reverse order and one TiffData per plane (or not) */
        public Layout withShuffledMetadata(boolean v) {
            return new Layout(bigTiff, dimensionOrder, deltaTUnit, timeIncrementS, bits, channelNames, v, v, overview);
        }

        /** @return a copy with (or without) an overview series first */
        public Layout withOverview(boolean v) {
            return new Layout(bigTiff, dimensionOrder, deltaTUnit, timeIncrementS, bits, channelNames, reversePlanes, perPlaneTiffData, v);
        }
    }

    private OmeTiffWriter() {
    }

    /**
     * @param path   the file to write (written under a temporary name, then renamed)
     * @param planes {@code planes[c][z]}: the loop of channel c at Z plane z; all the same size and length
     * @param layout how to lay the file out
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException when the loops differ in size or frame count, or the layout is invalid
     */
    public static void write(Path path, CineLoop[][] planes, Layout layout) throws IOException {
        CineLoop first = planes[0][0];
        int sizeC = planes.length;
        int sizeZ = planes[0].length;
        int sizeT = first.frameCount();
        for (CineLoop[] zs : planes) {
            for (CineLoop l : zs) {
                if (zs.length != sizeZ || l.width() != first.width() || l.height() != first.height() || l.frameCount() != sizeT) {
                    throw new IllegalArgumentException("every channel and Z plane needs the same size and frame count");
                }
            }
        }
        String order = layout.dimensionOrder();
        if (order.length() != 5 || !order.startsWith("XY") || order.indexOf('Z') < 2 || order.indexOf('C') < 2 || order.indexOf('T') < 2) {
            throw new IllegalArgumentException("bad dimension order " + order);
        }
        List<float[]> data = new ArrayList<>();
        if (layout.overview()) {
            data.add(first.frame(0));
        }
        int n = sizeC * sizeZ * sizeT;
        for (int i = 0; i < n; i++) {
            int[] zct = zct(order, i, sizeZ, sizeC, sizeT);
            data.add(planes[zct[1]][zct[0]].frame(zct[2]));
        }
        String xml = omeXml(path.getFileName().toString(), first, sizeC, sizeZ, layout);
        AtomicFile.write(path, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(tiff(first.width(), first.height(), data, xml, layout));
            }
        });
    }

    /** @return {z, c, t} of plane {@code index} in {@code order} */
    static int[] zct(String order, int index, int sizeZ, int sizeC, int sizeT) {
        int[] out = new int[3];
        int rest = index;
        for (int i = 2; i < 5; i++) {
            char d = order.charAt(i);
            int size = d == 'Z' ? sizeZ : d == 'C' ? sizeC : sizeT;
            out[d == 'Z' ? 0 : d == 'C' ? 1 : 2] = rest % size;
            rest /= size;
        }
        return out;
    }

    private static String omeXml(String fileName, CineLoop loop, int sizeC, int sizeZ, Layout layout) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\" ")
                .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
                .append("xsi:schemaLocation=\"http://www.openmicroscopy.org/Schemas/OME/2016-06 ")
                .append("http://www.openmicroscopy.org/Schemas/OME/2016-06/ome.xsd\" Creator=\"CEUS Perfusion synth\">");
        int image = 0;
        if (layout.overview()) {
            pixelsStart(x, image, "overview", loop, 1, 1, 1, "XYZCT", layout, false);
            x.append("<Channel ID=\"Channel:0:0\" SamplesPerPixel=\"1\"><LightPath/></Channel>");
            x.append("<TiffData IFD=\"0\" PlaneCount=\"1\"/></Pixels></Image>");
            image++;
        }
        int sizeT = loop.frameCount();
        pixelsStart(x, image, "loop", loop, sizeC, sizeZ, sizeT, layout.dimensionOrder(), layout, true);
        for (int c = 0; c < sizeC; c++) {
            x.append("<Channel ID=\"Channel:").append(image).append(':').append(c).append('"');
            if (c < layout.channelNames().size()) {
                x.append(" Name=\"").append(escape(layout.channelNames().get(c))).append('"');
            }
            x.append(" SamplesPerPixel=\"1\"><LightPath/></Channel>");
        }
        int firstIfd = layout.overview() ? 1 : 0;
        int n = sizeC * sizeZ * sizeT;
        if (layout.perPlaneTiffData()) {
            for (int i = 0; i < n; i++) {
                int[] zct = zct(layout.dimensionOrder(), i, sizeZ, sizeC, sizeT);
                x.append("<TiffData IFD=\"").append(firstIfd + i).append("\" FirstC=\"").append(zct[1])
                        .append("\" FirstZ=\"").append(zct[0]).append("\" FirstT=\"").append(zct[2])
                        .append("\" PlaneCount=\"1\"><UUID FileName=\"").append(escape(fileName))
                        .append("\">urn:uuid:00000000-0000-0000-0000-000000000000</UUID></TiffData>");
            }
        } else {
            x.append("<TiffData IFD=\"").append(firstIfd).append("\" PlaneCount=\"").append(n).append("\"/>");
        }
        if (layout.deltaTUnit() != null) {
            planes(x, loop, sizeC, sizeZ, layout);
        }
        return x.append("</Pixels></Image></OME>").toString();
    }

    private static void pixelsStart(StringBuilder x, int image, String name, CineLoop loop, int c, int z, int t,
                                    String order, Layout layout, boolean withTime) {
        x.append("<Image ID=\"Image:").append(image).append("\" Name=\"").append(name).append("\">")
                .append("<Pixels ID=\"Pixels:").append(image).append("\" DimensionOrder=\"").append(order)
                .append("\" Type=\"").append(layout.bits() == 16 ? "uint16" : "uint8").append("\" SizeX=\"")
                .append(loop.width()).append("\" SizeY=\"").append(loop.height()).append("\" SizeZ=\"").append(z)
                .append("\" SizeC=\"").append(c).append("\" SizeT=\"").append(t).append("\" BigEndian=\"false\"");
        if (loop.pixelSizeMm() != null) {
            String um = num(loop.pixelSizeMm() * 1000);
            x.append(" PhysicalSizeX=\"").append(um).append("\" PhysicalSizeXUnit=\"µm\" PhysicalSizeY=\"").append(um)
                    .append("\" PhysicalSizeYUnit=\"µm\"");
        }
        if (withTime && layout.timeIncrementS() != null) {
            x.append(" TimeIncrement=\"").append(num(layout.timeIncrementS())).append("\" TimeIncrementUnit=\"s\"");
        }
        x.append('>');
    }

    private static void planes(StringBuilder x, CineLoop loop, int sizeC, int sizeZ, Layout layout) {
        double scale = switch (layout.deltaTUnit()) {
            case "ms" -> 1000;
            case "min" -> 1 / 60.0;
            default -> 1;
        };
        List<String> out = new ArrayList<>();
        for (int t = 0; t < loop.frameCount(); t++) {
            for (int c = 0; c < sizeC; c++) {
                for (int z = 0; z < sizeZ; z++) {
                    out.add("<Plane TheC=\"" + c + "\" TheZ=\"" + z + "\" TheT=\"" + t + "\" DeltaT=\""
                            + num(loop.timeS(t) * scale) + "\" DeltaTUnit=\"" + layout.deltaTUnit() + "\"/>");
                }
            }
        }
        if (layout.reversePlanes()) {
            java.util.Collections.reverse(out);
        }
        out.forEach(x::append);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%d", (long) v) : Double.toString(v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Header, every plane's pixels, then the IFDs (the first with the description), little endian. */
    private static byte[] tiff(int w, int h, List<float[]> planes, String xml, Layout layout) {
        boolean big = layout.bigTiff();
        int bytesPerSample = layout.bits() == 16 ? 2 : 1;
        long planeBytes = (long) w * h * bytesPerSample;
        byte[] desc = (xml + "\0").getBytes(StandardCharsets.UTF_8);
        int entries = 11;
        int entrySize = big ? 20 : 12;
        int ifdSize = (big ? 8 : 2) + entries * entrySize + (big ? 8 : 4);
        long header = big ? 16 : 8;
        long dataEnd = header + planes.size() * planeBytes;
        long descAt = dataEnd;
        long ifdStart = descAt + desc.length + (desc.length & 1);
        long total = ifdStart + (long) planes.size() * ifdSize;
        if (!big && total > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("too large for a classic TIFF: use BigTIFF");
        }
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(total)).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I');
        if (big) {
            b.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(ifdStart);
        } else {
            b.putShort((short) 42).putInt((int) ifdStart);
        }
        for (float[] p : planes) {
            for (float v : p) {
                int q = Math.max(0, Math.min(255, Math.round(v)));
                if (bytesPerSample == 2) {
                    b.putShort((short) (q * 257));
                } else {
                    b.put((byte) q);
                }
            }
        }
        b.put(desc);
        b.position(Math.toIntExact(ifdStart));
        for (int i = 0; i < planes.size(); i++) {
            long next = i + 1 < planes.size() ? ifdStart + (long) (i + 1) * ifdSize : 0;
            long[][] tags = {
                {256, 4, 1, w}, {257, 4, 1, h}, {258, 3, 1, layout.bits()}, {259, 3, 1, 1}, {262, 3, 1, 1},
                {DESCRIPTION, 2, i == 0 ? desc.length : 1, i == 0 ? descAt : 0}, {273, big ? 16 : 4, 1, header + i * planeBytes},
                {277, 3, 1, 1}, {278, 4, 1, h}, {279, big ? 16 : 4, 1, planeBytes}, {339, 3, 1, 1}};
            ifd(b, tags, next, big);
        }
        return b.array();
    }

    private static void ifd(ByteBuffer b, long[][] tags, long next, boolean big) {
        if (big) {
            b.putLong(tags.length);
        } else {
            b.putShort((short) tags.length);
        }
        for (long[] t : tags) {
            b.putShort((short) t[0]).putShort((short) t[1]);
            if (big) {
                b.putLong(t[2]);
            } else {
                b.putInt((int) t[2]);
            }
            int at = b.position();
            switch ((int) t[1]) {
                case 3 -> b.putShort((short) t[3]);
                case 16 -> b.putLong(t[3]);
                default -> b.putInt((int) t[3]);
            }
            b.position(at + (big ? 8 : 4));
        }
        if (big) {
            b.putLong(next);
        } else {
            b.putInt((int) next);
        }
    }
}
