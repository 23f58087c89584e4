package loci.formats;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Properties;
import loci.formats.meta.MetadataStore;

/** Fake reader: reports a recording (see README.md) and generates plane bytes. */
public class ImageReader {
    /** Plane indices read, in order, for tests. */
    public static final java.util.List<String> READS = new java.util.ArrayList<>();
    /** Whether the last reader was closed. */
    public static boolean closed;

    private FakeMetadata meta;
    private Properties p = new Properties();
    private int series;

    public ImageReader() {
        System.err.println("SLF4J: No SLF4J providers were found.");
        System.err.println("SLF4J: Defaulting to no-operation (NOP) logger implementation");
        System.err.println("SLF4J: See https://www.slf4j.org/codes.html#noProviders for further details.");
        System.err.println("fake reader: a line that is not SLF4J's");
    }

    public void setMetadataStore(MetadataStore store) {
        meta = (FakeMetadata) store;
    }

    public void setId(String id) throws IOException {
        closed = false;
        try (Reader r = Files.newBufferedReader(Path.of(id))) {
            p.load(r);
        }
        if ("true".equals(p.getProperty("fail"))) {
            throw new IOException("fake reader cannot read " + id);
        }
        meta.p = p;
    }

    private String get(String key, String def) {
        return p.getProperty(series + "." + key, def);
    }

    private int num(String key, int def) {
        return Integer.parseInt(get(key, String.valueOf(def)));
    }

    public int getSeriesCount() {
        return Integer.parseInt(p.getProperty("series", "1"));
    }

    public void setSeries(int s) {
        series = s;
    }

    public int getSizeX() {
        return num("sizeX", 4);
    }

    public int getSizeY() {
        return num("sizeY", 2);
    }

    public int getSizeZ() {
        return num("sizeZ", 1);
    }

    public int getSizeT() {
        return num("sizeT", 1);
    }

    public int getEffectiveSizeC() {
        return num("sizeC", 1);
    }

    public int getRGBChannelCount() {
        return num("rgb", 1);
    }

    public String getDimensionOrder() {
        return get("order", "XYZCT");
    }

    public int getPixelType() {
        return num("pixelType", 1);
    }

    public boolean isLittleEndian() {
        return Boolean.parseBoolean(get("little", "false"));
    }

    public boolean isInterleaved() {
        return Boolean.parseBoolean(get("interleaved", "false"));
    }

    public boolean isIndexed() {
        return get("lut", null) != null;
    }

    public boolean isFalseColor() {
        return Boolean.parseBoolean(get("falseColor", "false"));
    }

    public byte[][] get8BitLookupTable() {
        if (!"inverted".equals(get("lut", null))) {
            return null;
        }
        byte[][] lut = new byte[3][256];
        for (int i = 0; i < 256; i++) {
            lut[0][i] = lut[1][i] = lut[2][i] = (byte) (255 - i);
        }
        return lut;
    }

    public short[][] get16BitLookupTable() {
        return null;
    }

    public Hashtable<String, Object> getSeriesMetadata() {
        Hashtable<String, Object> h = new Hashtable<>();
        String fps = get("frameRate", null);
        if (fps != null) {
            h.put("Frame rate", fps);
        }
        return h;
    }

    public Hashtable<String, Object> getGlobalMetadata() {
        return new Hashtable<>();
    }

    public String getFormat() {
        return "Fake recording";
    }

    public byte[] openBytes(int no) {
        READS.add(series + ":" + no);
        int type = getPixelType();
        int size = type <= 1 ? 1 : type <= 3 ? 2 : 4;
        byte[] b = new byte[getSizeX() * getSizeY() * getRGBChannelCount() * size];
        for (int k = 0; k < b.length; k++) {
            b[k] = (byte) (series * 50 + no * 16 + k);
        }
        return b;
    }

    public void close() {
        closed = true;
    }
}
