package org.ceusperfusion;

/** The software's name and version, as written into every result file. */
public final class Version {
    /** The name written into results. */
    public static final String NAME = "CEUS Perfusion";

    private Version() {
    }

    /** @return the version from the jar manifest, or {@code dev} when running from classes */
    public static String get() {
        Package p = Version.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }
}
