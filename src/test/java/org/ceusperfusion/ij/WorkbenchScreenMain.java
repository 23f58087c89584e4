package org.ceusperfusion.ij;

import ij.WindowManager;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.swing.JButton;

/**
 * Opens the workbench on whatever screen the display has (the test gives Xvfb 1366×768) with the bundled
 * loops and writes, one {@code key=value} per line into {@code <out>/screen.txt}: the usable screen, the
 * window's bounds, the Cancel button's bounds on screen, whether the window is in ImageJ's Window menu, where
 * the loop windows are, and the bounds of a second window after the first was moved, resized and closed.
 * With {@code -Dceus.screenshots=DIR} it also saves the whole screen as {@code workbench-1366x768.png}.
 */
public final class WorkbenchScreenMain {
    private WorkbenchScreenMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        StringBuilder r = new StringBuilder();
        try {
            run(data, out, r);
            Files.writeString(out.resolve("screen.txt"), r.toString());
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Path data, Path out, StringBuilder r) throws Exception {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        r.append("screen=").append(str(screen)).append('\n');
        WorkbenchController c = Edt.get(WorkbenchController::open);
        Edt.run(() -> c.addLoops(List.of(data.resolve("baseline.dcm"), data.resolve("day14.tif"))));
        for (int i = 0; i < 600 && (Edt.get(c::busy) || Edt.get(() -> c.model().exams().size()) < 2); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        r.append("frame=").append(str(Edt.get(() -> c.frame().getBounds()))).append('\n');
        r.append("cancel=").append(str(Edt.get(() -> onScreen(c.frame().cancelButton())))).append('\n');
        r.append("windowMenu=").append(Edt.get(() -> List.of(WindowManager.getNonImageWindows()).contains(c.frame())))
                .append('\n');
        for (int i = 0; i < 2; i++) {
            int k = i;
            r.append("loop").append(i).append('=').append(str(Edt.get(() -> c.image(k).getWindow().getBounds()))).append('\n');
        }
        String shots = System.getProperty("ceus.screenshots");
        if (shots != null && !shots.isBlank()) {
            BufferedImage img = new Robot().createScreenCapture(new Rectangle(0, 0, screen.x + screen.width,
                    screen.y + screen.height));
            ImageIO.write(img, "png", Files.createDirectories(Path.of(shots)).resolve("workbench-1366x768.png").toFile());
        }
        Rectangle moved = new Rectangle(screen.x + 30, screen.y + 20, 1000, 600);
        // Under a bare X server the move is asynchronous: the frame may report its old place for a while
        // (seen in CI as x = y = 0 with the new size). Ask again until it reports where it was put.
        for (int i = 0; i < 25 && !moved.equals(Edt.get(() -> c.frame().getBounds())); i++) {
            Edt.run(() -> c.frame().setBounds(moved));
            Thread.sleep(200);
        }
        r.append("movedTo=").append(str(Edt.get(() -> c.frame().getBounds()))).append('\n');
        Edt.run(() -> c.frame().dispatchEvent(new java.awt.event.WindowEvent(c.frame(),
                java.awt.event.WindowEvent.WINDOW_CLOSING)));
        Edt.run(() -> c.frame().dispose());
        WorkbenchController again = Edt.get(WorkbenchController::open);
        r.append("saved=").append(WorkbenchPlacement.saved()).append('\n');
        r.append("reopened=").append(str(Edt.get(() -> again.frame().getBounds()))).append('\n');
        r.append("expectedReopened=").append(str(moved)).append('\n');
    }

    private static Rectangle onScreen(JButton b) {
        Point p = b.getLocationOnScreen();
        return new Rectangle(p.x, p.y, b.getWidth(), b.getHeight());
    }

    private static String str(Rectangle b) {
        return b.x + "," + b.y + "," + b.width + "," + b.height;
    }
}
