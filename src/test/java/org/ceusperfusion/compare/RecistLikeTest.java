package org.ceusperfusion.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecistLikeTest {
    /** Parses "62,44;64,46": exams separated by ';', lesions by ','. */
    private static List<double[]> parse(String s) {
        return Arrays.stream(s.split(";"))
                .map(e -> Arrays.stream(e.split(",")).mapToDouble(Double::parseDouble).toArray()).toList();
    }

    private static SizeResponse assess(String s) {
        return RecistLike.assess(parse(s), 1.5, 7L);
    }

    @Test
    void partialResponseIsConfident() {
        SizeResponse r = assess("80;52"); // -35 %; true sum must exceed 56 mm to miss PR: 2.2 SD away
        assertEquals(SizeCategory.PR, r.category());
        assertEquals(-35.0, r.pctFromBaseline(), 1e-12);
        assertFalse(r.indeterminate());
        assertTrue(r.probability(SizeCategory.PR) > 0.95, "P(PR) " + r.probability(SizeCategory.PR));
        assertEquals("RECIST-like (ultrasound)", r.criteria());
    }

    @Test
    void twentyPercentAndTenMillimetresIsProgression() {
        SizeResponse r = assess("50;60");
        assertEquals(SizeCategory.PD, r.category());
        assertEquals(20.0, r.pctFromNadir(), 1e-12);
        assertEquals(10.0, r.mmFromNadir(), 1e-12);
        // exactly on the 20 % threshold: about half the true changes fall below it
        assertEquals(0.5, r.probability(SizeCategory.PD), 0.03);
    }

    @Test
    void progressionExactlyOnBothThresholdsIsNotConfident() {
        SizeResponse r = assess("25;30"); // +20 %, +5 mm
        assertEquals(SizeCategory.PD, r.category());
        assertTrue(r.indeterminate());
        assertTrue(r.probability(SizeCategory.PD) < 0.9, "P(PD) " + r.probability(SizeCategory.PD));
        assertTrue(r.probability(SizeCategory.SD) > 0.3, "P(SD) " + r.probability(SizeCategory.SD));
    }

    @Test
    void smallChangeOfTwoLesionsIsStable() {
        SizeResponse r = assess("62,44;64,46"); // 106 -> 110 mm, +3.8 %
        assertEquals(SizeCategory.SD, r.category());
        assertEquals(100 * (110.0 / 106 - 1), r.pctFromBaseline(), 1e-12);
        assertFalse(r.indeterminate());
        assertTrue(r.probability(SizeCategory.SD) > 0.99);
    }

    @Test
    void vanishedLesionsAreCompleteResponse() {
        SizeResponse r = assess("20,10;0,0");
        assertEquals(SizeCategory.CR, r.category());
        assertEquals(1.0, r.probability(SizeCategory.CR));
    }

    @Test
    void progressionIsMeasuredFromTheSmallestSum() {
        // -25 % from baseline (not PR) but +25 % and +15 mm above the nadir of 60 mm
        SizeResponse r = assess("100;60;75");
        assertEquals(SizeCategory.PD, r.category());
        assertEquals(-25.0, r.pctFromBaseline(), 1e-12);
        assertEquals(25.0, r.pctFromNadir(), 1e-12);
    }

    @Test
    void probabilitiesSumToOneAndAreReproducible() {
        SizeResponse a = assess("25;30");
        SizeResponse b = assess("25;30");
        assertEquals(a.probability(), b.probability());
        double sum = a.probability().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1.0, sum, 1e-12);
    }
}
