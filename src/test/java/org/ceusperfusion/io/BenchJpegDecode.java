package org.ceusperfusion.io;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * Decode time per frame on one thread: the JDK's native luma read ({@link JpegLuma}) against
 * {@link BaselineJpegLuma} on the whole frame and with a detail region, measured in alternating rounds in
 * the same run (a loaded machine shifts both alike; read the ratios).
 *
 * <pre>java -cp target/classes:target/test-classes org.ceusperfusion.io.BenchJpegDecode FILE.dcm [x0,y0,x1,y1] [frames]</pre>
 */
final class BenchJpegDecode {
    private BenchJpegDecode() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int[] region = args.length > 1 ? java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {536, 200, 668, 350};
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        ByteReader bytes = ByteReader.map(file);
        DicomParser.Parsed parsed = DicomParser.parse(bytes);
        PixelFormat format = PixelFormat.of(parsed.dataset(), file.toString());
        DicomPixelDecoder dec = new DicomPixelDecoder(parsed.dataset(), format, parsed.syntax());
        int w = format.columns();
        int h = format.rows();
        n = Math.min(n, format.frames());
        byte[][] frames = new byte[n][];
        for (int i = 0; i < n; i++) {
            frames[i] = dec.compressed(i);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[3];
        double sink = 0;
        for (int round = 0; round < 4; round++) {
            for (int way = 0; way < 3; way++) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    float[] y = switch (way) {
                        case 0 -> JpegLuma.decode(frames[i], w, h, "bench", i);
                        case 1 -> BaselineJpegLuma.decode(frames[i], w, h, null);
                        default -> BaselineJpegLuma.decode(frames[i], w, h, region);
                    };
                    sink += y[(i * 7919) % y.length];
                }
                if (round > 0) {
                    cpu[way] += (mx.getCurrentThreadCpuTime() - t0) / 1e6;
                }
            }
        }
        int counted = 3 * n;
        System.out.printf("%dx%d, %d frames x 3 rounds, one thread, CPU ms per frame: JDK luma %.2f, own full %.2f,"
                + " own region %.2f; ratio JDK/own full %.2f, JDK/own region %.2f (sink %.0f)%n", w, h, n,
                cpu[0] / counted, cpu[1] / counted, cpu[2] / counted, cpu[0] / cpu[1], cpu[0] / cpu[2], sink);
    }
}
