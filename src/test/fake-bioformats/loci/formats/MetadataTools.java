package loci.formats;

/** Fake: creates the metadata store. */
public final class MetadataTools {
    private MetadataTools() {
    }

    public static FakeMetadata createOMEXMLMetadata() {
        return new FakeMetadata();
    }
}
