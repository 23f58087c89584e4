package org.ceusperfusion.ij;

import ij.VirtualStack;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import org.ceusperfusion.cine.CineLoop;

/**
 * An ImageJ virtual stack over a {@link CineLoop} whose frames are decoded on demand (a loop larger than
 * the memory budget, e.g. a 300 MB JPEG export of 1200 frames of 800×600): ImageJ holds only the frame
 * shown, and the loop's own reader caches and decodes ahead. Frames are 8-bit when the loop's grey scale is
 * 0..255 with integer values (checked on the first and last frames), else 32-bit with the loop's values.
 * Read-only: editing a frame does not change the loop.
 */
final class CineVirtualStack extends VirtualStack {
    private final CineLoop loop;
    private final boolean eightBit;

    /**
     * @param loop     the loop
     * @param eightBit frames as 8-bit (the loop's values must be integers 0..255)
     */
    CineVirtualStack(CineLoop loop, boolean eightBit) {
        super(loop.width(), loop.height(), null, null);
        this.loop = loop;
        this.eightBit = eightBit;
    }

    @Override
    public ImageProcessor getProcessor(int n) {
        float[] f = loop.frame(n - 1);
        if (!eightBit) {
            FloatProcessor fp = new FloatProcessor(loop.width(), loop.height(), f.clone());
            fp.setMinAndMax(0, loop.metadata().maxGrey());
            return fp;
        }
        byte[] b = new byte[f.length];
        for (int i = 0; i < f.length; i++) {
            b[i] = (byte) Math.round(f[i]);
        }
        return new ByteProcessor(loop.width(), loop.height(), b);
    }

    @Override
    public int getSize() {
        return loop.frameCount();
    }

    @Override
    public String getSliceLabel(int n) {
        return ImageTimes.label(loop.timeS(n - 1));
    }

    @Override
    public int getBitDepth() {
        return eightBit ? 8 : 32;
    }

    @Override
    public void deleteSlice(int n) {
        throw new UnsupportedOperationException("the frames of a cine loop read from its file cannot be deleted");
    }
}
