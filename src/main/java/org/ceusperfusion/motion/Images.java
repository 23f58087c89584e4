package org.ceusperfusion.motion;

/** Small image operations on row-major float arrays. Package-private. */
final class Images {
    private Images() {
    }

    /** @return the pixels of {@code window} from an image {@code width} wide */
    static float[] crop(float[] img, int width, PixelWindow window) {
        float[] out = new float[window.width() * window.height()];
        for (int j = 0; j < window.height(); j++) {
            System.arraycopy(img, (window.y() + j) * width + window.x(), out, j * window.width(), window.width());
        }
        return out;
    }

    /** @return the image reduced 2× by 2×2 means ({@code w/2 × h/2}, odd edges dropped) */
    static float[] half(float[] img, int w, int h) {
        int hw = w / 2;
        int hh = h / 2;
        float[] out = new float[hw * hh];
        for (int j = 0; j < hh; j++) {
            int r0 = 2 * j * w;
            int r1 = r0 + w;
            for (int i = 0; i < hw; i++) {
                out[j * hw + i] = 0.25f * (img[r0 + 2 * i] + img[r0 + 2 * i + 1] + img[r1 + 2 * i] + img[r1 + 2 * i + 1]);
            }
        }
        return out;
    }

    /** @return a separable Gaussian smoothing (σ in pixels, kernel ±3σ, edges clamped) */
    static float[] gaussian(float[] img, int w, int h, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double s = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
            s += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= s;
        }
        float[] tmp = new float[img.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0;
                for (int i = -r; i <= r; i++) {
                    v += k[i + r] * img[y * w + Math.max(0, Math.min(w - 1, x + i))];
                }
                tmp[y * w + x] = (float) v;
            }
        }
        float[] out = new float[img.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0;
                for (int i = -r; i <= r; i++) {
                    v += k[i + r] * tmp[Math.max(0, Math.min(h - 1, y + i)) * w + x];
                }
                out[y * w + x] = (float) v;
            }
        }
        return out;
    }
}
