package org.ceusperfusion.ij;

import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.process.ImageProcessor;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.swing.JTable;

/**
 * Drives the workbench as a user would, in a JVM with a display (run under {@code xvfb-run} by
 * {@link WorkbenchGuiTest}): opens the bundled loops, names the exams, sets the ROIs on the loop windows,
 * compares, exports, saves the session, reopens it in a new window and exports again. With
 * {@code -Dceus.screenshots=DIR} it also writes a screenshot of each step into {@code DIR}.
 *
 * <p>Usage: {@code WorkbenchGuiMain TEST_DATA_DIR OUT_DIR}; writes {@code OUT_DIR/export/comparison.json},
 * {@code OUT_DIR/session.ceus.json}, {@code OUT_DIR/reopened/comparison.json}, {@code OUT_DIR/status.txt}.
 */
public final class WorkbenchGuiMain {
    static final String BASELINE_TARGET = "tumour=oval:40,27,40,30";
    static final String DAY14_TARGET = "tumour=oval:38,25,44,34";
    static final String REFERENCE = "normal=oval:8,62,24,20";
    private static final long TIMEOUT_MS = 120_000;
    private static Path shots;

    private WorkbenchGuiMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        String s = System.getProperty("ceus.screenshots");
        shots = s == null || s.isBlank() ? null : Files.createDirectories(Path.of(s));
        StringBuilder status = new StringBuilder();
        try {
            run(data, out, status);
            Files.writeString(out.resolve("status.txt"), status.append("done\n").toString());
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Path data, Path out, StringBuilder status) throws Exception {
        WorkbenchController c = Edt.get(WorkbenchController::open);
        Edt.run(() -> c.frame().setBounds(0, 0, 1280, 900));
        Edt.run(() -> c.addLoops(List.of(data.resolve("baseline.dcm"), data.resolve("day14.tif"))));
        await(c, status);
        Edt.run(() -> {
            JTable t = c.frame().examTable();
            t.setValueAt("D14", 1, 0);
            t.setValueAt("14", 1, 1);
            t.setValueAt("20", 0, 7);
            t.setValueAt("22", 1, 7);
        });
        shot(c, "01-open-loops.png");

        Edt.run(() -> c.image(0).setRoi(roi(BASELINE_TARGET)));
        await(c, status);
        shot(c, "02-live-tic.png");
        Edt.run(() -> c.useRoi(0, true));
        setRoi(c, 0, REFERENCE, false, status);
        setRoi(c, 1, DAY14_TARGET, true, status);
        setRoi(c, 1, REFERENCE, false, status);
        loopsShot(c, "03-rois-on-loops.png");
        shot(c, "04-tics-and-parameters.png");

        Edt.run(c::compare);
        await(c, status);
        shot(c, "05-comparison.png");
        Edt.run(() -> c.exportTo(out.resolve("export")));
        await(c, status);
        Edt.run(() -> c.saveSession(out.resolve("session.ceus.json")));
        shot(c, "06-export.png");

        WorkbenchController reopened = Edt.get(WorkbenchController::open);
        Edt.run(() -> reopened.frame().setBounds(40, 40, 1280, 900));
        Edt.run(() -> reopened.openSession(out.resolve("session.ceus.json")));
        await(reopened, status);
        Edt.run(() -> reopened.exportTo(out.resolve("reopened")));
        await(reopened, status);
        shot(reopened, "07-session-reopened.png");
    }

    static void setRoi(WorkbenchController c, int exam, String spec, boolean target, StringBuilder status)
            throws Exception {
        Edt.run(() -> c.image(exam).setRoi(roi(spec)));
        await(c, status);
        Edt.run(() -> c.useRoi(exam, target));
        await(c, status);
    }

    /** @return the ImageJ ROI of an inline oval spec, named as the spec */
    static Roi roi(String spec) {
        String[] nameShape = spec.split("=");
        String[] v = nameShape[1].substring("oval:".length()).split(",");
        Roi r = new OvalRoi(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]),
                Integer.parseInt(v[3]));
        r.setName(nameShape[0]);
        return r;
    }

    static void await(WorkbenchController c, StringBuilder status) throws Exception {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        int idle = 0;
        while (idle < 3) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("the workbench stayed busy: " + Edt.get(c::status));
            }
            Thread.sleep(100);
            idle = Edt.get(c::busy) ? 0 : idle + 1;
        }
        String line = Edt.get(c::status);
        status.append(line).append('\n');
        if (line.startsWith("error") || line.contains(": cannot") || line.contains("failed")) {
            throw new IllegalStateException("the workbench reported: " + line);
        }
    }

    private static void shot(WorkbenchController c, String name) throws Exception {
        if (shots == null) {
            return;
        }
        BufferedImage img = Edt.get(() -> {
            var pane = c.frame().getContentPane();
            BufferedImage b = new BufferedImage(pane.getWidth(), pane.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = b.createGraphics();
            pane.paint(g);
            g.dispose();
            return b;
        });
        ImageIO.write(img, "png", shots.resolve(name).toFile());
    }

    /** The two loops at the bolus peak with their ROIs, enlarged, side by side. */
    private static void loopsShot(WorkbenchController c, String name) throws Exception {
        if (shots == null) {
            return;
        }
        BufferedImage a = Edt.get(() -> loopImage(c, 0));
        BufferedImage b = Edt.get(() -> loopImage(c, 1));
        int gap = 24;
        BufferedImage all = new BufferedImage(a.getWidth() + b.getWidth() + 3 * gap, a.getHeight() + 2 * gap + 28,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, all.getWidth(), all.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("baseline.dcm (frame at 12 s): tumour (yellow), normal (cyan)", gap, gap + 6);
        g.drawString("day14.tif (frame at 12 s)", 2 * gap + a.getWidth(), gap + 6);
        g.drawImage(a, gap, gap + 20, null);
        g.drawImage(b, 2 * gap + a.getWidth(), gap + 20, null);
        g.dispose();
        ImageIO.write(all, "png", shots.resolve(name).toFile());
    }

    private static BufferedImage loopImage(WorkbenchController c, int exam) {
        ImagePlus imp = c.image(exam);
        WorkbenchExam e = c.model().exam(exam);
        int frame = 48; // 12 s at 4 frames/s: near the bolus peak
        ImageProcessor ip = imp.getStack().getProcessor(frame + 1).duplicate().resize(imp.getWidth() * 5,
                imp.getHeight() * 5, false);
        ImagePlus view = new ImagePlus("view", ip);
        Overlay o = new Overlay();
        o.add(scaled(e.targetSpec(), Color.YELLOW));
        o.add(scaled(e.referenceSpec(), Color.CYAN));
        view.setOverlay(o);
        return view.flatten().getBufferedImage();
    }

    private static Roi scaled(String spec, Color color) {
        Roi r = WorkbenchRoiSpecs.toRoi(spec);
        var b = r.getBounds();
        Roi s = new OvalRoi(b.x * 5, b.y * 5, b.width * 5, b.height * 5);
        s.setStrokeColor(color);
        s.setStrokeWidth(3);
        return s;
    }

}
