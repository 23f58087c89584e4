package org.ceusperfusion.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ceusperfusion.cli.CeusCli;
import org.ceusperfusion.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceus analyze --motion-correction --exclude-frames}: the motion and quality sections and tic.csv columns. */
class MotionCliTest {
    @TempDir
    Path tmp;

    @Test
    void writesShiftsSimilarityAndRejectedFrames() throws Exception {
        SideBySideLoop spec = new SideBySideLoop(2, 6, 6, 150, 12, 13, -1, true, 31);
        Path file = tmp.resolve("loop.dcm");
        SideBySideDicom.write(spec.generate(), file);
        Path out = tmp.resolve("out");
        StringWriter err = new StringWriter();
        int code = CeusCli.execute(new String[] {"analyze", file.toString(), "--roi", spec.roiSpec(),
            "--motion-correction", "--exclude-frames", "140-150", "--out", out.toString(), "--quiet"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());

        JsonObject a = Json.parse(Files.readString(out.resolve("analysis.json")));
        JsonObject m = a.getAsJsonObject("motion");
        assertEquals("bmode-panel", m.get("method").getAsString());
        JsonArray shifts = m.getAsJsonArray("shiftsPx");
        assertEquals(150, shifts.size());
        double t = 1.0 / 6 * 10; // frame 11
        assertEquals(spec.dy(t), shifts.get(10).getAsJsonArray().get(1).getAsDouble(), 0.5);
        List<String> reasons = new java.util.ArrayList<>();
        m.getAsJsonArray("rejectedFrames").forEach(e -> reasons.add(e.getAsJsonObject().get("frame").getAsInt()
                + ":" + e.getAsJsonObject().get("reason").getAsString()));
        // 12-13 s at 6 fps = frames 73-78 out of plane; 140-150 excluded by the user
        assertEquals(6 + 11, reasons.size(), reasons.toString());
        assertTrue(reasons.contains("73:out-of-plane") && reasons.contains("78:out-of-plane"), reasons.toString());
        assertTrue(reasons.contains("140:excluded") && reasons.contains("150:excluded"), reasons.toString());
        JsonObject q = a.getAsJsonArray("rois").get(0).getAsJsonObject().getAsJsonObject("quality");
        assertEquals("OK", q.get("status").getAsString(), q.toString());

        List<String> csv = Files.readAllLines(out.resolve("tic.csv"));
        assertTrue(csv.get(0).endsWith("dx_px,dy_px,similarity,used,reason"), csv.get(0));
        assertTrue(csv.get(73).endsWith(",0,out-of-plane") && csv.get(72).endsWith(",1,"), csv.get(73));
    }

    @Test
    void badExclusionIsAOneLineInputError() throws Exception {
        SideBySideLoop spec = new SideBySideLoop(0, 0, 6, 20, Double.NaN, Double.NaN, -1, true, 32);
        Path file = tmp.resolve("short.dcm");
        SideBySideDicom.write(spec.generate(), file);
        StringWriter err = new StringWriter();
        int code = CeusCli.execute(new String[] {"analyze", file.toString(), "--roi", spec.roiSpec(),
            "--exclude-frames", "15-30", "--out", tmp.resolve("o").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, code);
        assertTrue(err.toString().startsWith("error: --exclude-frames") && err.toString().contains("20 frames"),
                err.toString());
        assertTrue(!Files.exists(tmp.resolve("o").resolve("analysis.json")));
    }
}
