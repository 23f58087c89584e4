import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.LongSupplier;
import org.ceusperfusion.fit.*;
import org.ceusperfusion.model.LognormalModel;

/**
 * CPU time of the map's per-pixel fit path (ShiftedShapes screen, coarse stage, fine LM: SharedShapeFitter with the
 * map's tolerances) in two builds, A and B, loaded side by side in one JVM and run alternately on the same 3000
 * seeded lognormal curves (1200 frames at 8 frames/s, onsets ±4 s, multiplicative speckle): on a loaded machine
 * both builds see the same load. Prints each build's CPU-s per pass, the B/A ratio per alternated pair, and
 * whether both builds gave the same bits (a hash of every curve's R²). Usage: see bench/fit-path-ab.sh.
 */
public class FitPathAB implements LongSupplier {
    final double[][] curves;
    final double[] t;
    final SharedShapeFitter f;
    final ShiftedShapes shapes;
    public FitPathAB() {
        LognormalModel m = new LognormalModel();
        int n = 1200;
        t = new double[n];
        for (int i = 0; i < n; i++) t[i] = i / 8.0;
        double[] ref = {0, 1, Math.log(8), 0.5, 10};
        Random r = new Random(42);
        curves = new double[3000][n];
        for (int c = 0; c < curves.length; c++) {
            double[] p = {20, 800 * (0.5 + r.nextDouble()), Math.log(8) + 0.3 * r.nextGaussian(), 0.5, 10 + 8 * (r.nextDouble() - 0.5)};
            for (int i = 0; i < n; i++) curves[c][i] = m.value(t[i], p) * (1 + 0.4 * r.nextGaussian());
        }
        LevenbergMarquardtFitter fitter = new LevenbergMarquardtFitter().withTolerances(1e-4, 1e-4).withCovariance(false);
        f = new SharedShapeFitter(m, t, fitter, 5.5);
        shapes = ShiftedShapes.of(m, t, ref, 400);
    }
    public long getAsLong() {
        long h = 0;
        for (double[] y : curves) h += Double.doubleToLongBits(f.fit(y, shapes).r2());
        return h;
    }
    public static void main(String[] a) throws Exception {
        LongSupplier[] s = new LongSupplier[2];
        for (int k = 0; k < 2; k++) {
            URLClassLoader l = new URLClassLoader(new URL[] {Path.of(a[2]).toUri().toURL(), Path.of(a[k]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            s[k] = (LongSupplier) l.loadClass("FitPathAB").getConstructor().newInstance();
        }
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        double[][] cpu = new double[2][Integer.parseInt(a[3])];
        long[] hash = new long[2];
        for (int rep = -6; rep < cpu[0].length; rep++) {
            for (int k0 = 0; k0 < 2; k0++) {
                int k = (rep & 1) == 0 ? k0 : 1 - k0;
                long c0 = bean.getCurrentThreadCpuTime();
                hash[k] = s[k].getAsLong();
                double dt = (bean.getCurrentThreadCpuTime() - c0) / 1e9;
                if (rep >= 0) cpu[k][rep] = dt;
            }
        }
        System.out.println("hash equal: " + (hash[0] == hash[1]));
        for (int k = 0; k < 2; k++) {
            double[] v = cpu[k].clone(); java.util.Arrays.sort(v);
            System.out.printf("%s: CPU-s per pass of 3000 curves min %.3f median %.3f max %.3f%n", k == 0 ? "A" : "B", v[0], v[v.length / 2], v[v.length - 1]);
        }
        double[] ratio = new double[cpu[0].length];
        for (int i = 0; i < ratio.length; i++) ratio[i] = cpu[1][i] / cpu[0][i];
        java.util.Arrays.sort(ratio);
        System.out.printf("B/A per alternated pair: min %.3f median %.3f max %.3f%n", ratio[0], ratio[ratio.length / 2], ratio[ratio.length - 1]);
    }
}
