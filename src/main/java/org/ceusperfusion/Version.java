package org.ceusperfusion;

/** The software's name and version, as written into every result file. */
public final class Version {
    /** The name written into results. */
    public static final String NAME = "CEUS Perfusion";

    private Version() {
    }

    /** @return the version from the jar manifest, or {@code dev} when running from classes */
    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
