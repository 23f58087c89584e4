package org.ceusperfusion.maps;

import java.util.Arrays;

/**
 * The curves to fit, in row-major order: each unit is a pixel (per-pixel and sliding-window maps) or
 * a {@code bin × bin} block, with the mapped pixels it stands for. Stored compactly: unit {@code u}
 * covers {@code pixels[start[u] .. start[u+1])}; {@code homeRow[u]} is its first image row.
 * Package-private.
 */
final class MapUnits {
    final int[] pixels;
    final int[] start;
    final int[] homeRow;

    private MapUnits(int[] pixels, int[] start, int[] homeRow) {
        this.pixels = pixels;
        this.start = start;
        this.homeRow = homeRow;
    }

    /** @return number of units */
    int count() {
        return homeRow.length;
    }

    /** One unit per mapped pixel. */
    static MapUnits perPixel(boolean[] mapped, int width) {
        int n = 0;
        for (boolean m : mapped) {
            n += m ? 1 : 0;
        }
        int[] px = new int[n];
        int[] st = new int[n + 1];
        int[] row = new int[n];
        int k = 0;
        for (int i = 0; i < mapped.length; i++) {
            if (mapped[i]) {
                px[k] = i;
                row[k] = i / width;
                st[++k] = k;
            }
        }
        return new MapUnits(px, st, row);
    }

    /** One unit per {@code bin × bin} block holding at least one mapped pixel (edge blocks may be smaller). */
    static MapUnits binned(boolean[] mapped, int width, int height, int bin) {
        int[] px = new int[mapped.length];
        int bw = (width + bin - 1) / bin;
        int bh = (height + bin - 1) / bin;
        int[] st = new int[bw * bh + 1];
        int[] row = new int[bw * bh];
        int units = 0;
        int k = 0;
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                int before = k;
                for (int y = by * bin; y < Math.min(height, (by + 1) * bin); y++) {
                    for (int x = bx * bin; x < Math.min(width, (bx + 1) * bin); x++) {
                        if (mapped[y * width + x]) {
                            px[k++] = y * width + x;
                        }
                    }
                }
                if (k > before) {
                    row[units] = by * bin;
                    st[++units] = k;
                }
            }
        }
        return new MapUnits(Arrays.copyOf(px, k), Arrays.copyOf(st, units + 1), Arrays.copyOf(row, units));
    }

    /** @return the first unit whose home row is at least {@code y} ({@link #count()} when none) */
    int firstUnitAtOrAfterRow(int y) {
        int lo = 0;
        int hi = homeRow.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (homeRow[mid] < y) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
