package org.ceusperfusion.io;

import java.util.List;

/**
 * One image series of a multi-dimensional file as its metadata describes it (OME-XML, or a Bio-Formats
 * reader): sizes, the order of its planes, the acquisition time of each plane and the pixel size. Pure data,
 * recorded from the file; {@link PlanePlanner} turns it into a loop plan.
 *
 * @param name           the series' name, or {@code null}
 * @param sizeX          width, pixels
 * @param sizeY          height, pixels
 * @param sizeC          channels as separate planes (an RGB channel of 3 samples counts as one)
 * @param sizeZ          Z planes
 * @param sizeT          time points
 * @param dimensionOrder plane order, {@code XY} followed by a permutation of {@code ZCT} (e.g. {@code XYZCT})
 * @param channelNames   channel names by channel (entries may be {@code null}); may be shorter than sizeC
 * @param planes         planes with their coordinates and times (may be empty or partial)
 * @param timeIncrementS time between time points, s, or {@code null}
 * @param frameRateHz    frame rate from the file's own metadata, frames/s, or {@code null}
 * @param pixelSizeXMm   pixel width, mm, or {@code null}
 * @param pixelSizeYMm   pixel height, mm, or {@code null}
 */
public record SeriesLayout(String name, int sizeX, int sizeY, int sizeC, int sizeZ, int sizeT, String dimensionOrder,
                           List<String> channelNames, List<Plane> planes, Double timeIncrementS, Double frameRateHz,
                           Double pixelSizeXMm, Double pixelSizeYMm) {

    /**
     * One plane's coordinates (0-based) and time.
     *
     * @param theC   channel
     * @param theZ   Z plane
     * @param theT   time point
     * @param deltaTS time since the start of the acquisition, s, or {@code null}
     */
    public record Plane(int theC, int theZ, int theT, Double deltaTS) {
    }

    public SeriesLayout {
        channelNames = channelNames == null ? List.of() : java.util.Collections.unmodifiableList(
                new java.util.ArrayList<>(channelNames));
        planes = planes == null ? List.of() : List.copyOf(planes);
    }

    /** @return planes in the file, {@code sizeC × sizeZ × sizeT} */
    public int planeCount() {
        return sizeC * sizeZ * sizeT;
    }

    /**
     * The position of plane (z, c, t) in the file's plane sequence, from the dimension order
     * ({@code XYZCT}: Z varies fastest, then C, then T).
     *
     * @return the 0-based plane index
     */
    public int index(int z, int c, int t) {
        String order = dimensionOrder == null || dimensionOrder.length() != 5 ? "XYZCT" : dimensionOrder;
        int index = 0;
        int stride = 1;
        for (int i = 2; i < 5; i++) {
            char d = order.charAt(i);
            int v = d == 'Z' ? z : d == 'C' ? c : t;
            index += v * stride;
            stride *= d == 'Z' ? sizeZ : d == 'C' ? sizeC : sizeT;
        }
        return index;
    }

    /** @return whether the dimension order is {@code XY} followed by a permutation of {@code ZCT} */
    public boolean validOrder() {
        String o = dimensionOrder;
        return o != null && o.length() == 5 && o.startsWith("XY") && o.indexOf('Z') > 1 && o.indexOf('C') > 1
                && o.indexOf('T') > 1;
    }

    /** @return the name of channel {@code c} (0-based), or {@code null} */
    public String channelName(int c) {
        return c < channelNames.size() ? channelNames.get(c) : null;
    }
}
