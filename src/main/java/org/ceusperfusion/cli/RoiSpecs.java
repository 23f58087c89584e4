package org.ceusperfusion.cli;

import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.ij.ImageJRoiFiles;
import org.ceusperfusion.roi.RoiMask;

/**
 * Resolves {@code --roi} values: an ImageJ {@code .roi} file, a RoiSet {@code .zip} (every ROI inside),
 * or an inline {@code oval:}/{@code rect:}/{@code polygon:} spec, each with an optional {@code NAME=} prefix.
 */
final class RoiSpecs {
    private RoiSpecs() {
    }

    /** Resolves one spec (see {@link ImageJRoiFiles#fromSpec}). */
    static List<RoiMask> resolve(String spec, String defaultName) {
        return ImageJRoiFiles.fromSpec(spec, defaultName);
    }

    /** Resolves every target spec; unnamed inline targets are called {@code target}, {@code target2}, ... */
    static List<RoiMask> targets(List<String> specs) {
        List<RoiMask> out = new ArrayList<>();
        for (String s : specs) {
            out.addAll(resolve(s, out.isEmpty() ? "target" : "target" + (out.size() + 1)));
        }
        if (out.isEmpty()) {
            throw new InputException("--roi", "no ROI found");
        }
        return out;
    }

    /** Resolves the reference spec (a single ROI), or returns {@code null}. */
    static RoiMask reference(String spec) {
        if (spec == null) {
            return null;
        }
        List<RoiMask> r = resolve(spec, "reference");
        if (r.size() != 1) {
            throw new InputException("--reference-roi " + spec, "names " + r.size() + " ROIs; give exactly one");
        }
        return r.get(0);
    }
}
