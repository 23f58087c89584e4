package org.ceusperfusion.analysis;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.ceusperfusion.InputException;

/**
 * A named scanner preset from the presets file the lab keeps (no values are built in: the file is the
 * lab's). The file is a Java properties file, one key per setting, prefixed by the preset's name:
 * <pre>
 * # ~/.ceus/presets.properties
 * epiq7-liver.dynamic-range = 46
 * epiq7-liver.repeatability-cv = 0.15
 * sequoia.linear = true
 * sequoia.model = auto
 * </pre>
 * Keys: {@code dynamic-range} (dB), {@code linear} (true/false), {@code model}, {@code repeatability-cv}
 * (test–retest CV as a fraction, used by {@code compare}). Location: {@code --presets FILE}, else the
 * environment variable {@code CEUS_PRESETS}, else {@code ~/.ceus/presets.properties}.
 *
 * @param name            the preset's name
 * @param dynamicRangeDb  dynamic range, dB, or {@code null}
 * @param linear          the exports are linear
 * @param model           model label, or {@code null}
 * @param repeatabilityCv test–retest CV (fraction), or {@code null}
 * @param source          the file read
 */
public record ScannerPreset(String name, Double dynamicRangeDb, boolean linear, String model, Double repeatabilityCv,
                            Path source) {

    /** Environment variable naming the presets file. */
    public static final String ENV = "CEUS_PRESETS";

    /** @return the presets file used when none is given */
    public static Path defaultFile() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".ceus", "presets.properties");
    }

    /**
     * @param file the presets file, or {@code null} for {@link #defaultFile()}
     * @param name the preset's name (case-insensitive)
     * @return the preset
     * @throws InputException when the file cannot be read, the preset is missing or a value is bad
     */
    public static ScannerPreset load(Path file, String name) {
        Path f = file != null ? file : defaultFile();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | RuntimeException e) {
            throw new InputException(f.toString(), "cannot read the presets file for --preset " + name
                    + " (give one with --presets FILE or " + ENV + ")");
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        TreeSet<String> names = new TreeSet<>();
        Properties mine = new Properties();
        for (String k : p.stringPropertyNames()) {
            int dot = k.lastIndexOf('.');
            if (dot <= 0) {
                throw new InputException(f.toString(), "key '" + k + "' is not NAME.setting");
            }
            String preset = k.substring(0, dot).trim().toLowerCase(Locale.ROOT);
            names.add(preset);
            if (preset.equals(key)) {
                mine.setProperty(k.substring(dot + 1).trim().toLowerCase(Locale.ROOT), p.getProperty(k).trim());
            }
        }
        if (mine.isEmpty()) {
            throw new InputException(f.toString(), "no preset named '" + name + "' (presets: " + names + ")");
        }
        for (String k : mine.stringPropertyNames()) {
            if (!java.util.Set.of("dynamic-range", "linear", "model", "repeatability-cv").contains(k)) {
                throw new InputException(f.toString(), "preset '" + name + "': unknown setting '" + k
                        + "' (expected dynamic-range, linear, model, repeatability-cv)");
            }
        }
        return new ScannerPreset(name, number(f, name, mine, "dynamic-range"),
                Boolean.parseBoolean(mine.getProperty("linear", "false")), mine.getProperty("model"),
                number(f, name, mine, "repeatability-cv"), f);
    }

    private static Double number(Path f, String name, Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InputException(f.toString(), "preset '" + name + "': " + key + " must be a positive number, got '"
                    + v + "'");
        }
    }
}
