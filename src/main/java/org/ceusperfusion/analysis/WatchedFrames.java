package org.ceusperfusion.analysis;

import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;

/** The frames of a loop, with an {@link AnalysisProgress} asked before and told after every read. */
final class WatchedFrames implements FrameSource {
    private final CineLoop loop;
    private final AnalysisProgress progress;

    private WatchedFrames(CineLoop loop, AnalysisProgress progress) {
        this.loop = loop;
        this.progress = progress;
    }

    /**
     * @param loop     the loop
     * @param progress what to ask and tell; {@link AnalysisProgress#NONE} returns {@code loop} itself
     * @return the same loop (times, pixel size, metadata) whose frame reads go through {@code progress}
     */
    static CineLoop of(CineLoop loop, AnalysisProgress progress) {
        if (progress == null || progress == AnalysisProgress.NONE) {
            return loop;
        }
        return new CineLoop(loop.width(), loop.height(), loop.timesS(), loop.pixelSizeMm(), loop.metadata(),
                new WatchedFrames(loop, progress));
    }

    @Override
    public int frameCount() {
        return loop.frameCount();
    }

    @Override
    public float[] frame(int index) {
        progress.check();
        float[] f = loop.frame(index);
        progress.frameRead(index, loop.frameCount());
        return f;
    }

    @Override
    public void detailRegion(int[] region) {
        loop.detailRegion(region);
    }
}
