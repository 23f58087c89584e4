package org.ceusperfusion.io;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.ceusperfusion.InputException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Parses the OME-XML of an OME-TIFF (the first IFD's ImageDescription) with the JDK's XML parser, DTDs and
 * external entities disabled: every {@code Image > Pixels} with its sizes, {@code DimensionOrder},
 * {@code Type}, {@code PhysicalSizeX/Y} (+{@code Unit}, µm by default), {@code TimeIncrement} (+{@code Unit},
 * s by default), {@code Channel} names and samples per pixel, {@code TiffData} and {@code Plane}
 * ({@code TheC/TheZ/TheT}, {@code DeltaT} +{@code DeltaTUnit}, s by default). Elements are matched by local
 * name, so any OME schema version is read.
 */
final class OmeXml {
    private OmeXml() {
    }

    /**
     * One {@code TiffData} element: planes from {@code (FirstZ, FirstC, FirstT)} on, in dimension order, are in
     * IFDs from {@code ifd} on.
     *
     * @param ifd        first IFD, or {@code null} when absent
     * @param firstC     first channel
     * @param firstZ     first Z
     * @param firstT     first time point
     * @param planeCount planes covered, or {@code null} when absent
     * @param fileName   {@code UUID@FileName}, or {@code null} (this file)
     * @param uuid       the {@code UUID} element's text, or {@code null}
     */
    record TiffData(Integer ifd, int firstC, int firstZ, int firstT, Integer planeCount, String fileName, String uuid) {
        /**
         * @param ownName   this file's name
         * @param ownUuid   the document's {@code OME@UUID}, or {@code null}
         * @param oneName   whether every TiffData of the document names the same file (a renamed single file)
         * @return whether the planes are in this file
         */
        boolean inThisFile(String ownName, String ownUuid, boolean oneName) {
            return fileName == null || fileName.equals(ownName) || oneName
                    || (uuid != null && uuid.strip().equals(ownUuid));
        }
    }

    /**
     * The parsed document.
     *
     * @param images   its images in document order
     * @param uuid     {@code OME@UUID}, or {@code null}
     * @param oneName  whether at most one distinct {@code UUID@FileName} appears in it
     */
    record Document(List<Image> images, String uuid, boolean oneName) {
    }

    /**
     * One {@code Image}.
     *
     * @param layout          sizes, order, planes, times and pixel size
     * @param type            {@code Pixels@Type} (uint8, int16, float, ...)
     * @param samplesPerPixel samples of the first channel (3 for RGB)
     * @param tiffData        its TiffData elements, in order
     */
    record Image(SeriesLayout layout, String type, int samplesPerPixel, List<TiffData> tiffData) {
    }

    /** @return whether an ImageDescription looks like OME-XML */
    static boolean looksLikeOme(String description) {
        return description != null && description.contains("<OME") && description.contains("Pixels");
    }

    /**
     * @param source the file, for errors
     * @param xml    the OME-XML text
     * @return its images in document order
     * @throws InputException when the XML is malformed or an Image lacks Pixels sizes
     */
    static List<Image> parse(String source, String xml) {
        return parseDocument(source, xml).images();
    }

    /** As {@link #parse}, with the document's UUID and file names (to map TiffData of renamed files). */
    static Document parseDocument(String source, String xml) {
        org.w3c.dom.Document doc;
        try {
            doc = builder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new InputException(source, "corrupt OME-XML: " + e.getMessage(), e);
        }
        List<Image> out = new ArrayList<>();
        for (Element image : children(doc.getDocumentElement(), "Image")) {
            List<Element> pixels = children(image, "Pixels");
            if (pixels.isEmpty()) {
                throw new InputException(source, "corrupt OME-XML: an Image without Pixels");
            }
            out.add(image(source, attr(image, "Name"), pixels.get(0)));
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Image im : out) {
            for (TiffData td : im.tiffData()) {
                names.add(td.fileName() == null ? "" : td.fileName());
            }
        }
        return new Document(out, attr(doc.getDocumentElement(), "UUID"), names.size() <= 1);
    }

    private static Image image(String source, String name, Element p) {
        List<Element> channels = children(p, "Channel");
        int spp = channels.isEmpty() ? 1 : Math.max(1, intAttr(source, channels.get(0), "SamplesPerPixel", 1));
        int sizeC = intAttr(source, p, "SizeC", 1);
        int effectiveC = sizeC % spp == 0 ? sizeC / spp : sizeC;
        List<String> names = new ArrayList<>();
        for (Element c : channels) {
            names.add(attr(c, "Name"));
        }
        List<SeriesLayout.Plane> planes = new ArrayList<>();
        for (Element pl : children(p, "Plane")) {
            Double dt = number(attr(pl, "DeltaT"));
            Double unit = timeUnitS(attr(pl, "DeltaTUnit"));
            planes.add(new SeriesLayout.Plane(intAttr(source, pl, "TheC", 0), intAttr(source, pl, "TheZ", 0),
                    intAttr(source, pl, "TheT", 0), dt == null || unit == null ? null : dt * unit));
        }
        List<TiffData> tds = new ArrayList<>();
        for (Element td : children(p, "TiffData")) {
            List<Element> uuid = children(td, "UUID");
            tds.add(new TiffData(optionalInt(source, td, "IFD"), intAttr(source, td, "FirstC", 0),
                    intAttr(source, td, "FirstZ", 0), intAttr(source, td, "FirstT", 0),
                    optionalInt(source, td, "PlaneCount"), uuid.isEmpty() ? null : attr(uuid.get(0), "FileName"),
                    uuid.isEmpty() ? null : uuid.get(0).getTextContent()));
        }
        SeriesLayout layout = new SeriesLayout(name, intAttr(source, p, "SizeX", 0), intAttr(source, p, "SizeY", 0),
                effectiveC, intAttr(source, p, "SizeZ", 1), intAttr(source, p, "SizeT", 1),
                attr(p, "DimensionOrder"), names, planes,
                scaled(number(attr(p, "TimeIncrement")), timeUnitS(attr(p, "TimeIncrementUnit"))), null,
                scaled(number(attr(p, "PhysicalSizeX")), lengthUnitMm(attr(p, "PhysicalSizeXUnit"))),
                scaled(number(attr(p, "PhysicalSizeY")), lengthUnitMm(attr(p, "PhysicalSizeYUnit"))));
        return new Image(layout, attr(p, "Type"), spp, tds);
    }

    /** @return seconds per unit of an OME time unit ({@code null}/blank: s), or {@code null} when unknown */
    static Double timeUnitS(String unit) {
        String u = unit == null ? "s" : unit.trim();
        return switch (u) {
            case "", "s" -> 1.0;
            case "ms" -> 1e-3;
            case "µs", "\u03bcs", "us" -> 1e-6;
            case "ns" -> 1e-9;
            case "ps" -> 1e-12;
            case "cs" -> 1e-2;
            case "ds" -> 1e-1;
            case "min" -> 60.0;
            case "h" -> 3600.0;
            case "d" -> 86400.0;
            default -> null;
        };
    }

    /** @return mm per unit of an OME length unit ({@code null}/blank: µm), or {@code null} when unknown */
    static Double lengthUnitMm(String unit) {
        String u = unit == null ? "µm" : unit.trim();
        return switch (u) {
            case "", "µm", "\u03bcm", "um" -> 1e-3;
            case "nm" -> 1e-6;
            case "pm" -> 1e-9;
            case "Å" -> 1e-7;
            case "mm" -> 1.0;
            case "cm" -> 10.0;
            case "dm" -> 100.0;
            case "m" -> 1000.0;
            case "in" -> 25.4;
            default -> null;
        };
    }

    private static Double scaled(Double v, Double unit) {
        return v == null || unit == null ? null : v * unit;
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks secure processing", e);
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(local(e))) {
                out.add(e);
            }
        }
        return out;
    }

    private static String local(Element e) {
        String l = e.getLocalName();
        if (l != null) {
            return l;
        }
        String t = e.getTagName();
        return t.substring(t.indexOf(':') + 1);
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    private static Double number(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int intAttr(String source, Element e, String name, int def) {
        Integer v = optionalInt(source, e, name);
        return v == null ? def : v;
    }

    private static Integer optionalInt(String source, Element e, String name) {
        String v = attr(e, name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i >= 0) {
                return i;
            }
        } catch (NumberFormatException ex) {
            // reported below
        }
        throw new InputException(source, "corrupt OME-XML: " + local(e) + "@" + name + " = '" + v.trim()
                + "' is not a non-negative integer");
    }

    /** @return {@code type} in lower case, for messages */
    static String typeName(String type) {
        return type == null ? "unknown" : type.toLowerCase(Locale.ROOT);
    }
}
