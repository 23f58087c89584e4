package org.ceusperfusion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisWriterTest {
    private final LoopAnalysis a = Fixtures.analysis("/data/loop.dcm", 100, 0.1, 0.025);

    @Test
    void writesTheThreeFilesAndNothingElse(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("new/out");
        AnalysisWriter.writeAll(a, out);
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("analysis.json", "tic.csv", "tic.png"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(AnalysisJson.toText(a), Files.readString(out.resolve("analysis.json")));
        BufferedImage img = ImageIO.read(out.resolve("tic.png").toFile());
        assertEquals(AnalysisWriter.PNG_WIDTH, img.getWidth());
        assertEquals(AnalysisWriter.PNG_HEIGHT, img.getHeight());
    }

    @Test
    void thePlotIsDrawnBesideAndAWarmUpChangesNoByte(@TempDir Path tmp) throws IOException {
        AnalysisWriter.writeAll(a, tmp.resolve("first"));
        assertTrue(AnalysisWriter.warmUp(), "the warm-up chart was drawn");
        AnalysisWriter.writeAll(a, tmp.resolve("second"));
        for (String f : List.of("analysis.json", "tic.csv", "tic.png")) {
            byte[] one = Files.readAllBytes(tmp.resolve("first").resolve(f));
            assertTrue(one.length > 100, f + " has content");
            assertTrue(java.util.Arrays.equals(one, Files.readAllBytes(tmp.resolve("second").resolve(f))), f + " unchanged");
        }
        // the plot drawn beside the other files is the plot drawn alone
        ByteArrayOutputStream alone = new ByteArrayOutputStream();
        ChartExport.writePng(TicChart.of(a), AnalysisWriter.PNG_WIDTH, AnalysisWriter.PNG_HEIGHT, alone);
        assertTrue(java.util.Arrays.equals(alone.toByteArray(), Files.readAllBytes(tmp.resolve("first").resolve("tic.png"))));
    }

    @Test
    void chartPdfIsAVectorPdf() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ChartExport.writePdf(TicChart.of(a), 600, 400, bytes);
        String pdf = new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1);
        assertTrue(pdf.startsWith("%PDF"));
        assertTrue(pdf.contains("%%EOF"));
        assertTrue(bytes.size() > 1024, "size " + bytes.size());
    }
}
