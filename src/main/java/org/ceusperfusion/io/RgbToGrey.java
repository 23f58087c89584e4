package org.ceusperfusion.io;

/** How packed {@code 0xRRGGBB} colour pixels (8 bits per component) of one frame become grey values. */
interface RgbToGrey {
    /** Rec. 601 luma {@code 0.299 R + 0.587 G + 0.114 B}, 0..255. */
    RgbToGrey LUMINANCE = rgb -> {
        float[] g = new float[rgb.length];
        for (int i = 0; i < g.length; i++) {
            int c = rgb[i];
            g[i] = PhotometricConverter.luminance((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF);
        }
        return g;
    };

    /**
     * @param rgb packed pixels of one frame, row-major
     * @return one grey value per pixel
     */
    float[] grey(int[] rgb);

    /** @return position on the colour bar, 0..255; safe for frames decoded on several threads */
    static RgbToGrey colourBar(ColourBarMapping bar) {
        return rgb -> {
            synchronized (bar) {
                return bar.map(rgb);
            }
        };
    }
}
