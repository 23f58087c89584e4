package org.ceusperfusion.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.ResultsTable;
import ij.process.ImageProcessor;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.ceusperfusion.io.LoadOptions;

/**
 * {@code Analyze TIC...} run by a macro in real ImageJ while the user presses Esc in the middle of the frame
 * pass: the loop's stack presses Esc ({@code IJ.setKeyDown(VK_ESCAPE)}, as ImageJ's key handler does) when
 * the analysis reads frame {@value #ESC_AT_FRAME}. Then the same macro again without Esc. Prints per run
 * {@code framesRead<i>=}, {@code files<i>=} (files in the save_to folder), {@code rows<i>=} (rows of the
 * results table) and finally the Log as {@code log=}. Needs a display.
 *
 * <p>Arguments: {@code <loop> <work folder>}.
 */
public final class EscapeAnalysisMain {
    /** The 1-based frame whose read presses Esc. */
    static final int ESC_AT_FRAME = 40;

    private EscapeAnalysisMain() {
    }

    /** The loop's frames; reading frame {@link #ESC_AT_FRAME} presses Esc while armed. */
    static final class EscapeStack extends ImageStack {
        boolean armed;
        int framesRead;

        EscapeStack(ImageStack frames) {
            super(frames.getWidth(), frames.getHeight());
            for (int i = 1; i <= frames.getSize(); i++) {
                addSlice(frames.getSliceLabel(i), frames.getProcessor(i));
            }
        }

        @Override
        public ImageProcessor getProcessor(int n) {
            framesRead++;
            if (armed && n == ESC_AT_FRAME) {
                IJ.setKeyDown(KeyEvent.VK_ESCAPE);
            }
            return super.getProcessor(n);
        }
    }

    public static void main(String[] args) {
        try {
            run(Path.of(args[0]), Path.of(args[1]));
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Path loop, Path work) throws Exception {
        new ij.ImageJ(ij.ImageJ.NO_SHOW);
        ij.Menus.getCommands().put(AnalyzeTicPlugin.COMMAND, AnalyzeTicPlugin.class.getName());
        ImagePlus imp = OpenCineLoopPlugin.open(loop, LoadOptions.NONE);
        int c = imp.getNChannels();
        int z = imp.getNSlices();
        int t = imp.getNFrames();
        EscapeStack stack = new EscapeStack(imp.getStack());
        imp.setStack(stack, c, z, t);
        imp.show();
        IJ.wait(500);
        for (int i = 0; i < 2; i++) {
            stack.armed = i == 0;
            stack.framesRead = 0;
            Path out = work.resolve("out" + i);
            ij.WindowManager.setCurrentWindow(imp.getWindow());
            IJ.runMacro("makeOval(40, 27, 40, 30);\nrun(\"Analyze TIC...\", \"dynamic_range=40 model=lognormal save_to=["
                    + out.toString().replace('\\', '/') + "]\");\n");
            System.out.println("framesRead" + i + "=" + stack.framesRead);
            System.out.println("files" + i + "=" + count(out));
            ResultsTable rt = ResultsTable.getResultsTable(AnalysisTables.TITLE);
            System.out.println("rows" + i + "=" + (rt == null ? 0 : rt.size()));
            System.out.println("escape" + i + "=" + IJ.escapePressed());
        }
        System.out.println("log=" + IJ.getLog().replace('\n', '|'));
    }

    private static long count(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
