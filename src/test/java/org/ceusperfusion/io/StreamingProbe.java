package org.ceusperfusion.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.tic.Linearizer;
import org.ceusperfusion.tic.TicExtractor;
import org.ceusperfusion.tic.TimeIntensityCurve;

/**
 * Run in a separate JVM with a small heap by {@link StreamingTest}: opens a loop and extracts the
 * whole-frame time-intensity curve in one pass, printing {@code frames}, the {@code frames} tag and
 * each frame's mean.
 */
public final class StreamingProbe {
    private StreamingProbe() {
    }

    public static void main(String[] args) {
        CineLoop loop = LoopReader.open(Path.of(args[0]), LoadOptions.NONE);
        boolean[] all = new boolean[loop.width() * loop.height()];
        Arrays.fill(all, true);
        RoiMask whole = new RoiMask("all", 0, 0, loop.width(), loop.height(), all);
        List<TimeIntensityCurve> tics = TicExtractor.extract(loop, List.of(whole), Linearizer.identity());
        System.out.println("frames=" + loop.frameCount() + " mode=" + loop.metadata().tags().get("frames"));
        System.out.println("maxHeapMiB=" + (Runtime.getRuntime().maxMemory() >> 20));
        StringBuilder sb = new StringBuilder("means=");
        for (int i = 0; i < loop.frameCount(); i++) {
            sb.append(i == 0 ? "" : ",").append(tics.get(0).meanIntensity()[i]);
        }
        System.out.println(sb);
    }
}
