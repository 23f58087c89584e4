package org.ceusperfusion.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import ij.ImagePlus;
import ij.io.Opener;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.ceusperfusion.analysis.InputInfo;
import org.ceusperfusion.fit.FitStatus;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.report.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of a map: calibrated TIFFs re-read by ImageJ, the PNG overlays and map.json. */
class MapWriterTest {
    @TempDir
    static Path dir;
    private static ParametricMaps maps;
    private static List<String> files;

    @BeforeAll
    static void write() throws Exception {
        MapSettings s = MapSettings.defaults().withThreads(2).withBin(2)
                .withParams(List.of(PerfusionParameter.PE, PerfusionParameter.TTP));
        maps = new ParametricMapper(s).map(MapFixtures.LOOP.loop(), null, null);
        files = MapWriter.writeAll(maps, InputInfo.of(MapFixtures.LOOP.loop(), null), null, dir);
    }

    @Test
    void writesEveryFileAndNoTemporaryOne() throws Exception {
        assertEquals(List.of("PE.tif", "TTP.tif", "R2.tif", "status.tif", "map-PE.png", "map-TTP.png", "map.json"), files);
        try (var s = Files.list(dir)) {
            assertEquals(files.size(), s.count());
        }
    }

    @Test
    void tiffsAreCalibrated32BitImagesWithTheMapValues() {
        ImagePlus imp = new Opener().openImage(dir.resolve("PE.tif").toString());
        assertNotNull(imp);
        assertEquals(ImagePlus.GRAY32, imp.getType());
        assertEquals(MapFixtures.W, imp.getWidth());
        assertEquals(MapFixtures.H, imp.getHeight());
        assertEquals(MapFixtures.spec().pixelSizeMm(), imp.getCalibration().pixelWidth, 1e-9);
        assertEquals(MapFixtures.spec().pixelSizeMm(), imp.getCalibration().pixelHeight, 1e-9);
        assertEquals("mm", imp.getCalibration().getUnit());
        float[] px = (float[]) imp.getProcessor().getPixels();
        float[] pe = maps.values(PerfusionParameter.PE);
        for (int i = 0; i < px.length; i++) {
            assertEquals(pe[i], px[i], 0.0, "pixel " + i);
        }
        ImagePlus status = new Opener().openImage(dir.resolve("status.tif").toString());
        assertEquals(maps.status()[100], status.getProcessor().getf(100), 0.0);
    }

    @Test
    void pngOverlayHasTheFrameAndAColourBar() throws Exception {
        BufferedImage img = ImageIO.read(dir.resolve("map-PE.png").toFile());
        assertNotNull(img);
        assertTrue(img.getWidth() >= 480 + 100, "width " + img.getWidth());
        assertTrue(img.getHeight() >= MapFixtures.H * 8, "height " + img.getHeight());
    }

    @Test
    void mapJsonHoldsSettingsCountsTimingAndSummaries() throws Exception {
        JsonObject o = Json.parse(Files.readString(dir.resolve("map.json")));
        assertEquals(MapJson.SCHEMA, o.get("schema").getAsString());
        assertEquals(MapFixtures.FRAMES, o.getAsJsonObject("input").get("frames").getAsInt());
        JsonObject s = o.getAsJsonObject("settings");
        assertEquals(2, s.get("bin").getAsInt());
        assertEquals("lognormal", s.get("model").getAsString());
        assertEquals(40.0, s.get("dynamicRangeDb").getAsDouble());
        assertEquals(5, s.get("frameBin").getAsInt());
        assertEquals("PE", o.getAsJsonArray("params").get(0).getAsString());
        assertEquals("s", o.getAsJsonObject("units").get("TTP").getAsString());
        int[] c = maps.statusCounts();
        assertEquals(MapFixtures.W * MapFixtures.H, o.get("pixelsMapped").getAsInt());
        assertEquals(c[FitStatus.NO_BOLUS.ordinal()], o.get("pixelsNoBolus").getAsInt());
        assertEquals(o.get("pixelsMapped").getAsInt() - c[FitStatus.NO_BOLUS.ordinal()], o.get("pixelsFitted").getAsInt());
        assertEquals(maps.pixelsFailed(), o.get("pixelsFailed").getAsInt());
        assertEquals(32 * 24, o.get("curves").getAsInt());
        assertEquals(maps.fits(), o.get("fits").getAsInt());
        double seconds = o.get("seconds").getAsDouble();
        assertTrue(seconds > 0);
        assertEquals(maps.fits() / seconds, o.get("fitsPerSecond").getAsDouble(), 1e-6 * maps.fits() / seconds);
        assertEquals(2, o.get("threads").getAsInt());
        JsonObject ttp = o.getAsJsonObject("summary").getAsJsonObject("TTP");
        assertEquals(maps.median(maps.values(PerfusionParameter.TTP), null), ttp.get("median").getAsDouble(), 1e-9);
        assertEquals(7, o.getAsJsonArray("files").size());
    }
}
