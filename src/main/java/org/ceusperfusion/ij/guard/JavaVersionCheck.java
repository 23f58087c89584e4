package org.ceusperfusion.ij.guard;

/**
 * Decides whether the running Java can load CEUS Perfusion (Java 17 class files) and, when it cannot,
 * words the message ImageJ shows. Pure logic, no ImageJ calls. Compiled for Java 8 (class-file major
 * version 52), like everything in this package, so an ImageJ or Fiji running Java 8-16 can load it.
 */
public final class JavaVersionCheck {
    /** The Java feature release the plugin classes are compiled for. */
    public static final int REQUIRED = 17;

    private JavaVersionCheck() {
    }

    /**
     * @param specificationVersion the value of {@code java.specification.version}: "1.8" for Java 8,
     *        "17", "21"...
     * @return the Java feature release (8, 11, 17, 21...), or 0 when the text cannot be read
     */
    public static int feature(String specificationVersion) {
        if (specificationVersion == null) {
            return 0;
        }
        String s = specificationVersion.trim();
        if (s.startsWith("1.")) {
            s = s.substring(2);
        }
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 4) {
            return 0;
        }
        return Integer.parseInt(s.substring(0, end));
    }

    /**
     * @param specificationVersion {@code java.specification.version} of the running JVM
     * @return {@code null} when the plugin can run, else the one message to show the user
     */
    public static String problem(String specificationVersion) {
        int running = feature(specificationVersion);
        if (running >= REQUIRED) {
            return null;
        }
        String which = running > 0 ? "Java " + running : "Java " + specificationVersion;
        return "CEUS Perfusion needs Java " + REQUIRED + " or newer (this ImageJ runs " + which + ").\n \n"
                + "Install Fiji-Latest (it bundles Java 21) from https://fiji.sc and add CEUS Perfusion to it,\n"
                + "or use an ImageJ 1.54 download that bundles Java 17 or newer from https://imagej.net/ij/.";
    }

    /**
     * Splits the argument of a {@code plugins.config} guard entry, {@code "class.Name"} or
     * {@code "class.Name:argument"}, into the plugin class and the argument passed on to it.
     *
     * @param guardArgument the text between the quotes in {@code Java17Guard("...")}
     * @return {class name, argument} (the argument is "" when absent)
     */
    public static String[] target(String guardArgument) {
        String a = guardArgument == null ? "" : guardArgument.trim();
        int colon = a.indexOf(':');
        return colon < 0 ? new String[] {a, ""} : new String[] {a.substring(0, colon), a.substring(colon + 1)};
    }
}
