package org.ceusperfusion.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.plugin.PlugIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceusperfusion.InputException;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.synth.DemoLoops;
import org.ceusperfusion.synth.LoopFiles;
import org.ceusperfusion.synth.LoopFormat;

/**
 * {@code File > Open Samples > CEUS Demo Loops}: the demo pair (baseline DICOM and day-14 TIFF of one
 * tumour, with their {@code *.truth.json} and the manifest {@value #MANIFEST}) generated on demand by the
 * synthetic loop generator — no download — and opened with true frame times and pixel size.
 *
 * <p>The files go to {@code save_to} (default: {@code <ImageJ temp>/ceus-demo-loops}) and are reused when
 * already there. Macro: {@code run("CEUS Demo Loops", "save_to=[/tmp/demo] no_display");} writes the files
 * without opening them.
 */
public class DemoLoopsPlugin implements PlugIn {
    /** The menu command. */
    public static final String COMMAND = "CEUS Demo Loops";
    /** The batch manifest written beside the loops (same content as {@code test-data/demo.csv}). */
    public static final String MANIFEST = "demo.csv";
    static final String MANIFEST_TEXT = """
            id,patient,label,day,loop,roi,reference_roi,volume_ml,necrosis_pct,diameters_mm
            1,demo,baseline,0,baseline.dcm,"tumour=oval:40,27,40,30","normal=oval:8,62,24,20",295,2.09,"84,80"
            2,demo,D14,14,day14.tif,"tumour=oval:38,25,44,34","normal=oval:8,62,24,20",341,53.07,"88,84"
            """;

    @Override
    public void run(String arg) {
        MacroOptions macro = MacroOptions.current();
        String dir = macro == null ? null : macro.string("save_to", null);
        boolean display = macro == null || !macro.flag("no_display");
        PluginErrors.run(COMMAND, () -> {
            Path folder = dir == null || dir.isBlank() ? Path.of(IJ.getDirectory("temp"), "ceus-demo-loops") : Path.of(dir);
            IJ.showStatus("CEUS Perfusion: generating the demo loops...");
            write(folder);
            IJ.showStatus("");
            if (display) {
                for (String f : new String[] {DemoLoops.BASELINE_FILE, DemoLoops.DAY14_FILE}) {
                    ImagePlus imp = OpenCineLoopPlugin.open(folder.resolve(f), LoadOptions.NONE);
                    imp.show();
                }
            }
        });
    }

    /**
     * Writes the demo loops, their truth files and {@value #MANIFEST} into {@code folder} unless present.
     *
     * @return the folder
     * @throws InputException when the folder cannot be written
     */
    public static Path write(Path folder) {
        try {
            Files.createDirectories(folder);
            Path baseline = folder.resolve(DemoLoops.BASELINE_FILE);
            if (!Files.isRegularFile(baseline)) {
                LoopFiles.writeLoop(DemoLoops.baseline(), LoopFormat.DICOM, baseline);
            }
            IJ.showProgress(0.5);
            Path day14 = folder.resolve(DemoLoops.DAY14_FILE);
            if (!Files.isRegularFile(day14)) {
                LoopFiles.writeLoop(DemoLoops.day14(), LoopFormat.TIFF, day14);
            }
            IJ.showProgress(1.0);
            Path manifest = folder.resolve(MANIFEST);
            if (!Files.isRegularFile(manifest)) {
                Files.writeString(manifest, MANIFEST_TEXT, StandardCharsets.UTF_8);
            }
            return folder;
        } catch (IOException e) {
            throw new InputException(folder.toString(), "cannot write the demo loops: " + e.getMessage(), e);
        }
    }
}
