package loci.formats;

import java.util.Properties;
import loci.formats.meta.MetadataStore;
import ome.units.UNITS;
import ome.units.quantity.Length;
import ome.units.quantity.Time;
import ome.xml.model.primitives.NonNegativeInteger;

/**
 * Fake OME metadata, filled from the recording by {@link ImageReader#setId}. Like real readers that write no
 * Plane elements, {@code getPlaneDeltaT} and friends throw IndexOutOfBoundsException when there are none.
 */
public final class FakeMetadata implements MetadataStore {
    Properties p = new Properties();

    private String get(int s, String key) {
        return p.getProperty(s + "." + key);
    }

    private String[] plane(int s, int i) {
        String all = get(s, "planes");
        if (all == null || all.isBlank()) {
            throw new IndexOutOfBoundsException("no Plane elements");
        }
        return all.split(";")[i].split(",");
    }

    public String getImageName(int s) {
        return get(s, "name");
    }

    public int getPlaneCount(int s) {
        String all = get(s, "planes");
        return all == null || all.isBlank() ? 0 : all.split(";").length;
    }

    public NonNegativeInteger getPlaneTheC(int s, int i) {
        return new NonNegativeInteger(Integer.valueOf(plane(s, i)[0]));
    }

    public NonNegativeInteger getPlaneTheZ(int s, int i) {
        return new NonNegativeInteger(Integer.valueOf(plane(s, i)[1]));
    }

    public NonNegativeInteger getPlaneTheT(int s, int i) {
        return new NonNegativeInteger(Integer.valueOf(plane(s, i)[2]));
    }

    public Time getPlaneDeltaT(int s, int i) {
        String[] v = plane(s, i);
        if (v.length < 4 || v[3].isEmpty()) {
            return null;
        }
        return new Time(Double.valueOf(v[3]), v.length > 4 && v[4].equals("ms") ? UNITS.MILLISECOND : UNITS.SECOND);
    }

    public Time getPixelsTimeIncrement(int s) {
        String v = get(s, "timeIncrementMs");
        return v == null ? null : new Time(Double.valueOf(v), UNITS.MILLISECOND);
    }

    public Length getPixelsPhysicalSizeX(int s) {
        String v = get(s, "physicalSizeUm");
        return v == null ? null : new Length(Double.valueOf(v), "pixel".equals(get(s, "physicalUnit")) ? UNITS.PIXEL : UNITS.MICROMETER);
    }

    public Length getPixelsPhysicalSizeY(int s) {
        String v = get(s, "physicalSizeYUm");
        return v == null ? getPixelsPhysicalSizeX(s) : new Length(Double.valueOf(v), UNITS.MICROMETER);
    }

    public int getChannelCount(int s) {
        String v = get(s, "channelNames");
        return v == null ? 0 : v.split(",").length;
    }

    public String getChannelName(int s, int c) {
        return get(s, "channelNames").split(",")[c];
    }
}
