package org.ceusperfusion.io;

import static org.ceusperfusion.io.DicomDictionary.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.synth.SyntheticLoop;
import org.ceusperfusion.synth.SyntheticLoopGenerator;
import org.ceusperfusion.synth.SyntheticLoopSpec;

/**
 * Writes a contrast loop shown in a "hot" colour map, as some scanners export it: the grey contrast
 * values of a synthetic loop coloured through {@link #hot(int)} in the top-left panel, and the colour
 * bar drawn to the right of it as a vertical strip, low end at the bottom. Native RGB DICOM (lossless),
 * Frame Time from the spec's regular timing.
 */
final class ColourCodedLoop {
    /** Bar samples: every other grey level. */
    static final int BAR_SAMPLES = 128;
    /** Column of the bar's centre line. */
    static final int BAR_X = 104;
    /** Row of the bar's low end (its high end is {@code BAR_LOW_Y - BAR_SAMPLES + 1}). */
    static final int BAR_LOW_Y = 129;

    /**
     * @param file   the written file
     * @param loop   the original grey loop (frames 0..255) and truth
     * @param width  stored frame width
     * @param height stored frame height
     */
    record Written(Path file, SyntheticLoop loop, int width, int height) {
        /** @return {@code x0,y0,x1,y1} of the bar's centre line, low end first */
        String barOption() {
            return BAR_X + "," + BAR_LOW_Y + "," + BAR_X + "," + (BAR_LOW_Y - BAR_SAMPLES + 1);
        }
    }

    private ColourCodedLoop() {
    }

    /**
     * The "hot" map: black → red → yellow → white, 256 distinct colours.
     *
     * @param g grey level 0..255
     * @return packed {@code 0xRRGGBB}
     */
    static int hot(int g) {
        int r = Math.min(255, 3 * g);
        int gr = Math.max(0, Math.min(255, 3 * g - 255));
        int b = Math.max(0, Math.min(255, 3 * g - 510));
        return (r << 16) | (gr << 8) | b;
    }

    /** @return the stored RGB frame: colour-coded contrast panel at (0, 0), bar strip at {@link #BAR_X} */
    static int[] frame(float[] grey, int w, int h, int width, int height) {
        int[] rgb = new int[width * height];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                rgb[y * width + x] = hot(Math.round(grey[y * w + x]));
            }
        }
        for (int i = 0; i < BAR_SAMPLES; i++) {
            int level = (int) Math.round(255.0 * i / (BAR_SAMPLES - 1));
            for (int x = BAR_X - 3; x <= BAR_X + 3; x++) {
                rgb[(BAR_LOW_Y - i) * width + x] = hot(level);
            }
        }
        return rgb;
    }

    /** Generates {@code spec} and writes it colour-coded as native RGB DICOM. */
    static Written write(SyntheticLoopSpec spec, Path file) {
        SyntheticLoop s = SyntheticLoopGenerator.generate(spec);
        CineLoop loop = s.loop();
        int width = Math.max(loop.width(), BAR_X + 8);
        int height = Math.max(loop.height(), BAR_LOW_Y + 1);
        byte[] pixels = new byte[loop.frameCount() * width * height * 3];
        int at = 0;
        for (int k = 0; k < loop.frameCount(); k++) {
            for (int c : frame(loop.frame(k), loop.width(), loop.height(), width, height)) {
                pixels[at++] = (byte) (c >> 16);
                pixels[at++] = (byte) (c >> 8);
                pixels[at++] = (byte) c;
            }
        }
        DicomBuilder b = new DicomBuilder(TransferSyntax.EXPLICIT_LE).str(MODALITY, "CS", "US")
                .us(SAMPLES_PER_PIXEL, 3).str(PHOTOMETRIC, "CS", "RGB").us(PLANAR_CONFIGURATION, 0)
                .str(NUMBER_OF_FRAMES, "IS", Integer.toString(loop.frameCount())).us(ROWS, height).us(COLUMNS, width)
                .us(BITS_ALLOCATED, 8).us(BITS_STORED, 8).us(HIGH_BIT, 7).us(PIXEL_REPRESENTATION, 0)
                .str(FRAME_TIME, "DS", String.format(Locale.ROOT, "%.1f", 1000 * spec.timing().intervalS()))
                .raw(PIXEL_DATA, "OB", pixels);
        try {
            Files.write(file, b.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Written(file, s, width, height);
    }
}
