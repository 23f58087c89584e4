package org.ceusperfusion.ij;

import ij.ImagePlus;
import ij.WindowManager;
import java.nio.file.Path;

/**
 * Distinct titles for loops with the same file name (scanners export {@code IM_0001.dcm} in every
 * folder), so that commands referring to images by title ({@code Compare Exams...}) can tell them apart.
 */
final class ImageTitles {
    private ImageTitles() {
    }

    /**
     * @param file the loop's file
     * @return its file name, or {@code name (folder)} when an open image already has that title, or
     *         ImageJ's unique variant of that when even this is taken
     */
    static String distinct(Path file) {
        String name = file.getFileName().toString();
        if (count(name) == 0) {
            return name;
        }
        Path parent = file.toAbsolutePath().getParent();
        String withFolder = parent == null || parent.getFileName() == null ? name
                : name + " (" + parent.getFileName() + ")";
        return count(withFolder) == 0 ? withFolder : WindowManager.makeUniqueName(withFolder);
    }

    /** @return how many open images (including batch-mode images) are titled {@code title} */
    static int count(String title) {
        int[] ids = WindowManager.getIDList();
        int n = 0;
        for (int i = 0; ids != null && i < ids.length; i++) {
            ImagePlus imp = WindowManager.getImage(ids[i]);
            if (imp != null && title.equals(imp.getTitle())) {
                n++;
            }
        }
        return n;
    }
}
