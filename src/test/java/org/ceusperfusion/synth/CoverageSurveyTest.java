package org.ceusperfusion.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI coverage survey's scoring: which intervals contain the truth, single-exam and change. */
class CoverageSurveyTest {
    @TempDir
    Path dir;

    @Test
    void scoresSingleAndChangeIntervalsAgainstTheTruth() throws Exception {
        Files.writeString(dir.resolve("truth.csv"), "id,PE,AUC,TTP,mTT\np0b,100,1000,10,8\np0f,40,400,11,8\n");
        Path out = Files.createDirectories(dir.resolve("out"));
        // baseline: every interval contains its truth; follow-up: PE and TTP miss, AUC and mTT contain; PE half-widths
        // 5 and 7.5 % (the upper median of an even count is reported)
        Files.writeString(out.resolve("summary.csv"), "id,status,PE,PE_lo,PE_hi,AUC,AUC_lo,AUC_hi,TTP,TTP_lo,TTP_hi,"
                + "mTT,mTT_lo,mTT_hi\n"
                + "p0b,ok,101,95,105,1010,950,1050,10.1,9.8,10.4,8.1,7.5,8.5\n"
                + "p0f,ok,45,42,48,410,380,430,11.6,11.3,11.9,8.2,7.9,8.6\n"
                + "compare:p0,ok,,,,,,,,,,,,\n");
        Path cmp = Files.createDirectories(out.resolve("compare-p0"));
        // true changes: PE −60 %, AUC −60 %, TTP +1 s, mTT 0 %
        Files.writeString(cmp.resolve("comparison.json"), "{\"changes\": [{\"parameters\": {"
                + "\"PE\": {\"pct\": -55, \"ci95\": [-58, -52]},"
                + "\"AUC\": {\"pct\": -59, \"ci95\": [-64, -54]},"
                + "\"TTP\": {\"diffS\": 1.5, \"ci95\": [0.9, 2.1]},"
                + "\"mTT\": {\"pct\": 1, \"ci95\": [-4, 6]}}}]}");
        String s = CoverageSurvey.score(dir);
        assertTrue(s.contains("2 exams scored (0 failed), 1 comparisons"), s);
        assertTrue(s.contains("PE   single 0.500 (median half-width 7.50 %)  change 0.000 (median half-width 3.00 points)"), s);
        assertTrue(s.contains("AUC  single 1.000"), s);
        assertTrue(s.contains("TTP  single 0.500 (median half-width 0.30 s)  change 1.000 (median half-width 0.60 s)"), s);
        assertTrue(s.contains("mTT  single 1.000") && s.contains("change 1.000 (median half-width 5.00 points)"), s);
    }
}
