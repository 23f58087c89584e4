package org.ceusperfusion.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.ceusperfusion.analysis.InputInfo;
import org.ceusperfusion.fit.FitStatus;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.roi.RoiMask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "No bolus" and "could not fit" apart: in the overlay, in map.json per ROI; and stopping a map. */
class MapStatusTest {
    private static ParametricMaps maps;

    @BeforeAll
    static void map() {
        maps = new ParametricMapper(MapSettings.defaults().withThreads(2)).map(MapFixtures.LOOP.loop(), null, null);
    }

    @Test
    void statusesMapFitStatuses() {
        assertEquals(MapStatus.FITTED, MapStatus.of(FitStatus.OK.ordinal()));
        assertEquals(MapStatus.FITTED, MapStatus.of(FitStatus.NOT_CONVERGED.ordinal()));
        assertEquals(MapStatus.NO_BOLUS, MapStatus.of(FitStatus.NO_BOLUS.ordinal()));
        assertEquals(MapStatus.COULD_NOT_FIT, MapStatus.of(FitStatus.FAILED.ordinal()));
        assertEquals(MapStatus.COULD_NOT_FIT, MapStatus.of(FitStatus.TOO_FEW_POINTS.ordinal()));
        assertEquals(null, MapStatus.of(Float.NaN));
    }

    @Test
    void overlayDrawsNoBolusAndCouldNotFitInTheirOwnColours() {
        float[] status = maps.status().clone();
        int failed = -1;
        int noBolus = -1;
        for (int i = 0; i < status.length && (failed < 0 || noBolus < 0); i++) {
            if (status[i] == FitStatus.NO_BOLUS.ordinal() && noBolus < 0) {
                noBolus = i;
            } else if (status[i] == FitStatus.OK.ordinal() && failed < 0) {
                failed = i;
            }
        }
        status[failed] = FitStatus.FAILED.ordinal();
        ParametricMaps m = new ParametricMaps(maps.width(), maps.height(), maps.pixelSizeMm(), maps.settings(),
                maps.modelName(), maps.values(), null, null, maps.r2(), status, maps.meanFrame(), maps.mapped(),
                maps.pixelsMapped(), maps.curves(), maps.fits(), maps.frameBin(), maps.samples(), maps.seconds(),
                maps.riseS());
        for (PerfusionParameter p : List.of(PerfusionParameter.PE, PerfusionParameter.TTP)) {
            BufferedImage img = MapOverlay.render(m, m.values(p), p.label(), p.unit(), new double[] {0, 1});
            int scale = img.getWidth() > 0 ? Math.max(1, Math.min(8, (480 + m.width() - 1) / m.width())) : 1;
            int nb = img.getRGB((noBolus % m.width()) * scale, 28 + (noBolus / m.width()) * scale) & 0xffffff;
            int cf = img.getRGB((failed % m.width()) * scale, 28 + (failed / m.width()) * scale) & 0xffffff;
            // 75 % black or magenta over the grey frame: red and blue of magenta stay far above black's
            assertTrue((cf >> 16 & 0xff) > 150 && (cf & 0xff) > 150 && (cf >> 8 & 0xff) < 100, Integer.toHexString(cf));
            assertTrue((nb >> 16 & 0xff) < 70 && (nb & 0xff) < 70, Integer.toHexString(nb));
        }
    }

    @Test
    void mapJsonCountsStatusesOverallAndPerRoi() {
        int w = maps.width();
        boolean[] coreMask = MapFixtures.core();
        boolean[] inside = new boolean[w * maps.height()];
        System.arraycopy(coreMask, 0, inside, 0, inside.length);
        RoiMask core = new RoiMask("core", 0, 0, w, maps.height(), inside);
        RoiMask all = new RoiMask("all", 0, 0, w, maps.height(), filled(w * maps.height()));
        JsonObject o = MapJson.toJson(maps, InputInfo.of(MapFixtures.LOOP.loop(), null), "core+all", List.of(), List.of(core, all));
        JsonObject st = o.getAsJsonObject("statuses");
        assertEquals(maps.pixelsMapped(), st.get("fitted").getAsInt() + st.get("noBolus").getAsInt()
                + st.get("couldNotFit").getAsInt());
        assertEquals(o.get("pixelsNoBolus").getAsInt(), st.get("noBolus").getAsInt());
        JsonArray rois = o.getAsJsonArray("rois");
        JsonObject c = rois.get(0).getAsJsonObject();
        assertEquals("core", c.get("name").getAsString());
        int corePixels = c.get("pixels").getAsInt();
        // the necrotic core reads as no bolus (the generator's truth: no enhancement)
        assertTrue(c.get("noBolus").getAsInt() >= 0.95 * corePixels, c.toString());
        assertEquals(st, without(rois.get(1).getAsJsonObject()));
    }

    @Test
    void aCancellingProgressStopsTheMap() {
        AtomicInteger reports = new AtomicInteger();
        MapProgress stop = new MapProgress() {
            @Override
            public void progress(int done, int total) {
                reports.incrementAndGet();
            }

            @Override
            public boolean cancelled() {
                return reports.get() >= 2;
            }
        };
        assertThrows(MapCancelledException.class, () -> new ParametricMapper(MapSettings.defaults().withThreads(2))
                .map(MapFixtures.LOOP.loop(), null, stop));
        assertTrue(reports.get() < 20, reports.get() + " reports");
    }

    @Test
    void automaticTemporalBinningFollowsTheFastestRise() {
        MapSettings d = MapSettings.defaults();
        assertEquals(4, d.frameBinFor(720, 0.125, 3.0));     // 3 s rise: 0.5 s samples
        assertEquals(12, d.frameBinFor(720, 0.125, 12.0));   // slow: capped at 1.5 s
        assertEquals(4, d.frameBinFor(720, 0.125, Double.NaN));
        assertEquals(1, d.withFrameBin(1).frameBinFor(720, 0.125, 12.0));
    }

    private static boolean[] filled(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }

    private static JsonObject without(JsonObject roi) {
        JsonObject o = new JsonObject();
        for (String k : List.of("fitted", "noBolus", "couldNotFit")) {
            o.add(k, roi.get(k));
        }
        return o;
    }
}
