package org.ceusperfusion.io;

import java.nio.file.Path;
import org.ceusperfusion.cine.CineLoop;

/** Locations of the shared real test files (read in place) and small helpers. */
final class RealData {
    private RealData() {
    }

    static Path dir() {
        return Path.of(System.getProperty("ceus.sharedDir", "../shared")).resolve("real-data");
    }

    static Path dicom(String name) {
        return dir().resolve("dicom-us").resolve(name);
    }

    static Path echo(String variant) {
        return dicom("derived").resolve("US-PAL-8-10x-echo_" + variant + ".dcm");
    }

    static Path video(String name) {
        return dir().resolve("echo-video").resolve(name);
    }

    static double mean(float[] f) {
        double s = 0;
        for (float v : f) {
            s += v;
        }
        return s / f.length;
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /** Reference of the echo cine (real-data/README.md): 10 frames, 600 wide, 430 high, frame-1 luminance 15.14. */
    static final double ECHO_FRAME1_MEAN = 15.14;

    static double frame1Mean(CineLoop loop) {
        return mean(loop.frame(0));
    }
}
