package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 in plain ImageJ 1.54p (a subprocess, {@link ImageJProcess}): a DICOM opened by ImageJ's own
 * reader gives the numbers of {@code Open Cine Loop...}; a stack without time information is refused with
 * one line; results are appended with image, ROI, model and mm² columns; every ROI of the ROI Manager can be
 * measured at once; same-named files get distinct titles; the menu entries sit where users look for them.
 */
@Tag("integration")
class ImageJAsUsersMeetItE2ETest {
    static final Path BASELINE = ImageJOpenedLoopTest.BASELINE.toAbsolutePath();

    @TempDir
    static Path tmp;
    static ImageJProcess imagej;

    @BeforeAll
    static void install() throws IOException {
        imagej = ImageJProcess.install(tmp.resolve("imagej"));
    }

    static String p(Path path) {
        return ImageJMacroE2ETest.macroPath(path);
    }

    static final String ROWS = "t = \"CEUS Perfusion\";\n"
            + "for (i = 0; i < Table.size(t); i++) print(\"row\" + i + \"=\" + Table.getString(\"Image\", i, t) + \";\""
            + " + Table.getString(\"ROI\", i, t) + \";\" + Table.getString(\"Model\", i, t) + \";\""
            + " + d2s(Table.get(\"AUC\", i, t), 9) + \";\" + d2s(Table.get(\"TTP\", i, t), 9) + \";\""
            + " + d2s(Table.get(\"Area_mm2\", i, t), 4));\n";

    static String[] row(String output, int i) {
        return ImageJMacroE2ETest.value(output, "row" + i).split(";");
    }

    @Test
    void dicomOpenedByImageJsOwnReaderGivesTheNumbersOfOpenCineLoop() throws Exception {
        ImageJProcess.Run run = imagej.runMacro("open(\"" + p(BASELINE) + "\");\n"
                + "print(\"before=\" + Stack.getFrameInterval());\n"
                + "makeOval(40, 27, 40, 30);\n"
                + "run(\"Analyze TIC...\", \"dynamic_range=40 model=lognormal\");\n"
                + "print(\"after=\" + d2s(Stack.getFrameInterval(), 6));\n"
                + "getPixelSize(unit, pw, ph); print(\"pixel=\" + pw + \" \" + unit);\n"
                + "run(\"Open Cine Loop...\", \"open=[" + p(BASELINE) + "]\");\n"
                + "makeOval(40, 27, 40, 30);\n"
                + "run(\"Analyze TIC...\", \"dynamic_range=40 model=lognormal\");\n" + ROWS);
        String out = run.output();
        assertEquals("0", ImageJMacroE2ETest.value(out, "before"), "ImageJ's DICOM reader sets no interval:\n" + out);
        assertEquals("0.333333", ImageJMacroE2ETest.value(out, "after"), out);
        assertEquals("0.5 mm", ImageJMacroE2ETest.value(out, "pixel"), out);
        String[] byImageJ = row(out, 0);
        String[] ours = row(out, 1);
        assertEquals("baseline.dcm", byImageJ[0], out);
        assertTrue(ours[0].startsWith("baseline.dcm (") && ours[0].endsWith(")"), "distinct title: " + ours[0]);
        for (int k = 1; k < 6; k++) {
            assertEquals(ours[k], byImageJ[k], "column " + k + " differs:\n" + out);
        }
        assertEquals(2900, Double.parseDouble(byImageJ[3]), 0.05 * 2911, "AUC near the truth 2911, not 8699");
        assertEquals(12.1, Double.parseDouble(byImageJ[4]), 0.7, "TTP near the truth 12.17 s, not 36.2 s");
        assertEquals("235.0000", byImageJ[5], "940 px of 0.25 mm2");
    }

    @Test
    void stackWithoutTimesIsRefusedInAMacroAndAcceptedWithAFrameInterval() throws Exception {
        String make = "newImage(\"untimed\", \"8-bit ramp\", 64, 48, 6);\nmakeRectangle(10, 10, 20, 20);\n";
        ImageJProcess.Run refused = imagej.runMacro(make + "run(\"Analyze TIC...\", \"dynamic_range=40\");\n"
                + "print(\"still-running\");\n");
        assertTrue(refused.output().contains("error: untimed: no frame times"), refused.output());
        assertFalse(refused.output().contains("still-running"), refused.output());
        assertFalse(refused.output().contains("Exception"), refused.output());

        ImageJProcess.Run given = imagej.runMacro(make
                + "run(\"Analyze TIC...\", \"dynamic_range=40 frame_interval=0.5 save_to=[" + p(tmp.resolve("given")) + "]\");\n"
                + "print(\"finished\");\n");
        assertTrue(given.output().contains("finished"), given.output());
        String json = Files.readString(tmp.resolve("given/analysis.json"));
        assertTrue(json.matches("(?s).*\"durationS\"\\s*:\\s*2\\.5\\b.*"), "6 frames 0.5 s apart:\n" + json);
    }

    @Test
    void everyRoiOfTheRoiManagerInOneRunAppendedToTheTable() throws Exception {
        ImageJProcess.Run run = imagej.runMacro("run(\"Open Cine Loop...\", \"open=[" + p(BASELINE) + "]\");\n"
                + "roiManager(\"reset\");\n"
                + "makeOval(40, 27, 40, 30); Roi.setName(\"tumour\"); roiManager(\"add\");\n"
                + "makeOval(8, 62, 24, 20); Roi.setName(\"normal\"); roiManager(\"add\");\n"
                + "run(\"Select None\");\n"
                + "run(\"Analyze TIC...\", \"dynamic_range=40 model=gamma target=roi_manager\");\n"
                + "makeOval(40, 27, 40, 30);\n"
                + "run(\"Analyze TIC...\", \"dynamic_range=40 model=lognormal\");\n" + ROWS);
        String out = run.output();
        assertEquals("tumour", row(out, 0)[1], out);
        assertEquals("gamma", row(out, 0)[2], out);
        assertEquals("normal", row(out, 1)[1], out);
        assertEquals("roi", row(out, 2)[1], "a third row appended by the second run:\n" + out);
        assertEquals("lognormal", row(out, 2)[2], out);
    }

    @Test
    void demoLoopsAreGeneratedAndOpenWithTheirTimes() throws Exception {
        Path demo = tmp.resolve("demo loops");
        ImageJProcess.Run run = imagej.runMacro("run(\"CEUS Demo Loops\", \"save_to=[" + p(demo) + "] no_display\");\n"
                + "run(\"CEUS Cine Loop...\", \"open=[" + p(demo.resolve("baseline.dcm")) + "]\");\n"
                + "print(\"opened=\" + getTitle() + \";\" + nSlices + \";\" + d2s(Stack.getFrameInterval(), 6));\n"
                + "run(\"About CEUS Perfusion\");\n");
        assertEquals("baseline.dcm;180;0.333333", ImageJMacroE2ETest.value(run.output(), "opened"), run.output());
        for (String f : List.of("baseline.dcm", "day14.tif", "demo.csv", "baseline.truth.json")) {
            assertTrue(Files.exists(demo.resolve(f)), f + "\n" + run.output());
        }
        assertTrue(run.output().contains("Documentation: Plugins > CEUS Perfusion > CEUS Documentation (shipped with"
                + " the plugin, works"), "About names the documentation:\n" + run.output());
        assertFalse(run.output().contains("example.org"), run.output());
    }

    @Test
    void documentationIsShippedInTheJarAndWrittenAsHtmlOffline() throws Exception {
        ImageJProcess.Run run = imagej.runMacro("run(\"CEUS Perfusion Documentation\");\n");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("open in a browser\\): (file:\\S+)")
                .matcher(run.output());
        assertTrue(m.find(), run.output());
        Path start = Path.of(java.net.URI.create(m.group(1)));
        String html = Files.readString(start);
        assertTrue(html.contains("<h1 id=\"ceus-perfusion-in-imagej-and-fiji\">"), html.substring(0, 300));
        assertTrue(html.contains("<a href=\"workbench.html\">"), "links between pages point to the HTML pages");
        for (String page : UserGuide.PAGES) {
            assertTrue(Files.size(start.getParent().getParent().resolve(MarkdownHtml.target(page))) > 1000, page);
        }
        assertFalse(html.contains("example.org"));
    }

    @Test
    void menuEntriesSitWhereUsersLookForThem() throws Exception {
        String menus = menus();
        for (String entry : List.of("File>Import>CEUS Cine Loop...", "File>Open Samples>CEUS Demo Loops",
                "Help>About Plugins>About CEUS Perfusion", "Plugins>CEUS Perfusion>Analyze TIC...",
                "Plugins>CEUS Perfusion>CEUS Documentation", "Plugins>CEUS Perfusion>Examples>Analyze Example",
                "Plugins>CEUS Perfusion>Examples>Batch Example", "Help>CEUS Perfusion Documentation")) {
            assertTrue(menus.contains("menu:" + entry + "\n"), entry + " missing from the menus:\n" + menus);
        }
        assertFalse(menus.contains("menu:Plugins>CEUS Perfusion>About CEUS Perfusion\n"), "About moved to Help");
    }

    private String menus() throws Exception {
        return menus(imagej.dir(), tmp.resolve("menus.txt"));
    }

    /** @return every menu item of ImageJ started on the ImageJ folder {@code ijDir}, one {@code menu:} line each */
    static String menus(Path ijDir, Path log) throws Exception {
        List<String> cmd = new ArrayList<>();
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            cmd.addAll(List.of("/usr/bin/xvfb-run", "-a"));
        }
        String classes = Path.of(MenuListMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        cmd.addAll(List.of(ImageJProcess.javaExe(), "-Duser.home=" + ijDir.resolve("home"), "-cp",
                ImageJProcess.ijJar() + File.pathSeparator + classes, MenuListMain.class.getName(),
                ijDir.resolve("plugins") + File.separator));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!proc.waitFor(ImageJProcess.TIMEOUT_S, TimeUnit.SECONDS)) {
            proc.descendants().forEach(ProcessHandle::destroyForcibly);
            proc.destroyForcibly();
            fail("ImageJ menus not listed in time:\n" + Files.readString(log));
        }
        return Files.readString(log);
    }
}
