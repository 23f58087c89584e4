package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.io.Opener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.params.PerfusionParameter;
import org.junit.jupiter.api.Test;

/**
 * Loops opened by ImageJ's own readers ({@code File > Open}, drag and drop) get their true frame times
 * and pixel size, so {@code Analyze TIC...} gives the numbers of {@code Open Cine Loop...}; an image with
 * no time information anywhere is refused, never analysed at 1 s per frame.
 */
class ImageJOpenedLoopTest {
    static final Path BASELINE = Path.of(System.getProperty("ceus.projectDir", ".")).resolve("test-data/baseline.dcm");

    static OvalRoi tumour() {
        OvalRoi oval = new OvalRoi(40, 27, 40, 30);
        oval.setName("tumour");
        return oval;
    }

    @Test
    void dicomOpenedByImageJsReaderGivesTheNumbersOfOpenCineLoop() {
        ImagePlus byImageJ = new Opener().openImage(BASELINE.toString());
        assertNotNull(byImageJ, "ImageJ's DICOM reader");
        assertEquals(0, byImageJ.getCalibration().frameInterval, "ImageJ's reader sets no frame interval");
        AnalysisSettings s = AnalysisSettings.logCompressed(40);
        LoopAnalysis ij = AnalyzeTicPlugin.analyze(byImageJ, tumour(), s);
        LoopAnalysis ours = AnalyzeTicPlugin.analyze(OpenCineLoopPlugin.open(BASELINE, LoadOptions.NONE), tumour(), s);

        assertEquals(180, ij.input().frames());
        assertEquals(1.0 / 3, byImageJ.getCalibration().frameInterval, 1e-6, "written back onto the image");
        assertEquals(0.5, byImageJ.getCalibration().pixelWidth, 1e-12, "Physical Delta X 0.05 cm");
        assertEquals("mm", byImageJ.getCalibration().getUnit());
        RoiAnalysis a = ij.target();
        RoiAnalysis b = ours.target();
        assertEquals(b.areaMm2(), a.areaMm2());
        assertEquals(235.0, a.areaMm2(), 1e-9, "940 px of 0.25 mm2 (truth file)");
        for (PerfusionParameter p : PerfusionParameter.values()) {
            assertEquals(b.parameters().value(p), a.parameters().value(p), 0, p.label());
        }
        // Truth of the generator (test-data/baseline.truth.json): AUC 2911, TTP 12.17 s; the issue saw 8699 and 36.2 s.
        assertEquals(2911, a.parameters().value(PerfusionParameter.AUC), 0.05 * 2911);
        assertEquals(12.17, a.parameters().value(PerfusionParameter.TTP), 0.7);
    }

    @Test
    void headerTextAloneGivesTimesWhenTheFileIsGone() {
        ImagePlus byImageJ = new Opener().openImage(BASELINE.toString());
        ImagePlus copy = new ImagePlus("made by a macro", byImageJ.getStack());
        copy.setProperty("Info", byImageJ.getInfoProperty());
        assertTrue(CineLoopImages.hasFrameTimes(copy));
        double[] t = CineLoopImages.toCineLoop(copy).timesS();
        assertEquals(180, t.length);
        assertEquals(179 * 0.3333333, t[179], 1e-6);
        assertEquals(0.5, copy.getCalibration().pixelWidth, 1e-12);
    }

    @Test
    void stackWithoutTimeInformationIsRefused() {
        ImagePlus byImageJ = new Opener().openImage(BASELINE.toString());
        ImagePlus bare = new ImagePlus("bare", byImageJ.getStack());
        assertTrue(!CineLoopImages.hasFrameTimes(bare));
        InputException e = assertThrows(InputException.class,
                () -> AnalyzeTicPlugin.analyze(bare, tumour(), AnalysisSettings.logCompressed(40)));
        assertEquals("bare: " + ImageTimes.MISSING, e.getMessage());
        LoopAnalysis given = AnalyzeTicPlugin.analyze(bare, List.of(tumour()), null, AnalysisSettings.logCompressed(40),
                1.0 / 3);
        assertEquals(59.6667, given.input().durationS(), 1e-3);
    }

    @Test
    void dicomHeaderTextPriorityAndUnits() {
        String ftv = "0018,1063  Frame Time: 100\n0018,1065  Frame Time Vector: 0\\76\\76\\80\n"
                + "0018,6024  Physical Units X Direction: 3\n0018,602C  Physical Delta X: 0.02\n";
        DicomInfoHeader.Header h = DicomInfoHeader.parse(ftv, 4);
        assertArrayEquals(new double[] {0, .076, .152, .232}, h.timesS(), 1e-12);
        assertTrue(h.timingSource().endsWith("FrameTimeVector"), h.timingSource());
        assertEquals(0.2, h.pixelSizeMm(), 1e-12);

        DicomInfoHeader.Header ft = DicomInfoHeader.parse(ftv, 7);
        assertArrayEquals(new double[] {0, .1, .2, .3, .4, .5, .6}, ft.timesS(), 1e-12, "vector of another length");

        DicomInfoHeader.Header cine = DicomInfoHeader.parse("0018,0040  Cine Rate: 25\n"
                + "0028,0030  Pixel Spacing: 0.3\\0.3\n0018,6024  Physical Units X Direction: 4\n", 3);
        assertArrayEquals(new double[] {0, .04, .08}, cine.timesS(), 1e-12);
        assertEquals(0.3, cine.pixelSizeMm(), 1e-12, "not cm: Pixel Spacing");

        DicomInfoHeader.Header none = DicomInfoHeader.parse("0010,0010  Patient's Name: X\n", 3);
        assertNull(none.timesS());
        assertNull(none.pixelSizeMm());
        assertNull(DicomInfoHeader.parse("Title: a TIFF\n", 3));
    }

    @Test
    void framesAreNeverGuessedForAnImageWithTimesAlready() {
        ImagePlus imp = OpenCineLoopPlugin.open(BASELINE, LoadOptions.NONE);
        List<String> w = new ArrayList<>();
        assertEquals(0.3333333, CineLoopImages.toCineLoop(imp, w).frameIntervalS(), 1e-6);
        assertTrue(w.isEmpty(), w.toString());
    }
}
