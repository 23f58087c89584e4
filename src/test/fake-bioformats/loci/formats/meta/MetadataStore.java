package loci.formats.meta;

/** Fake: the store type the adapter passes to {@code setMetadataStore}. */
public interface MetadataStore {
}
