package org.ceusperfusion.io;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What a second thread buys on this machine: throughput of independent work on 2 threads against 1, measured
 * in alternating rounds in one run — the region JPEG decode of the benchmark export ({@link BaselineJpegLuma})
 * and a pure integer loop that touches no memory. Two virtual cores that are hyperthreads of one physical core
 * (or a hypervisor that shares them) give well under 2×; no batch can scale past this.
 *
 * <pre>java -cp target/classes:target/test-classes org.ceusperfusion.io.BenchCoreScaling FILE.dcm [frames]</pre>
 */
final class BenchCoreScaling {
    private BenchCoreScaling() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        ByteReader bytes = ByteReader.map(file);
        DicomParser.Parsed parsed = DicomParser.parse(bytes);
        PixelFormat format = PixelFormat.of(parsed.dataset(), file.toString());
        DicomPixelDecoder dec = new DicomPixelDecoder(parsed.dataset(), format, parsed.syntax());
        int w = format.columns();
        int h = format.rows();
        byte[][] frames = new byte[Math.min(n, format.frames())][];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = dec.compressed(i);
        }
        int[] region = {536, 200, 668, 350};
        Work decode = () -> {
            double s = 0;
            for (byte[] f : frames) {
                s += BaselineJpegLuma.decode(f, w, h, region)[w * 300 + 600];
            }
            return s;
        };
        Work alu = () -> {
            long x = 88172645463325252L;
            for (int i = 0; i < 150_000_000; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
            return x;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        double[] dec12 = new double[2];
        double[] alu12 = new double[2];
        for (int round = 0; round < 4; round++) {
            for (int threads = 1; threads <= 2; threads++) {
                double d = wall(pool, decode, threads);
                double a = wall(pool, alu, threads);
                if (round > 0) {
                    dec12[threads - 1] += d;
                    alu12[threads - 1] += a;
                }
            }
        }
        pool.shutdown();
        System.out.printf("second thread (independent work, same run, 3 rounds): region decode %.2fx, integer loop"
                + " %.2fx the throughput of one thread (2.00 = two full cores); %d cores reported%n",
                2 * dec12[0] / dec12[1], 2 * alu12[0] / alu12[1], Runtime.getRuntime().availableProcessors());
    }

    private interface Work {
        double run();
    }

    /** @return wall seconds for {@code threads} copies of {@code work} at once */
    private static double wall(ExecutorService pool, Work work, int threads) throws Exception {
        long t0 = System.nanoTime();
        Future<?>[] f = new Future<?>[threads];
        for (int i = 0; i < threads; i++) {
            f[i] = pool.submit(work::run);
        }
        for (Future<?> x : f) {
            x.get();
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
