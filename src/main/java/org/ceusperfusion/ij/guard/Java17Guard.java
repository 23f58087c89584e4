package org.ceusperfusion.ij.guard;

import ij.IJ;
import ij.plugin.PlugIn;

/**
 * The entry class of every CEUS Perfusion menu command in {@code plugins.config}:
 * {@code Plugins>CEUS Perfusion, "Workbench", org.ceusperfusion.ij.guard.Java17Guard("org.ceusperfusion.ij.WorkbenchPlugin")}.
 * Compiled for Java 8: on Java 17 or newer it runs the named plugin class; on an older Java it shows one
 * dialog saying which Java is needed and how to get it, instead of an {@code UnsupportedClassVersionError}.
 */
public class Java17Guard implements PlugIn {
    @Override
    public void run(String arg) {
        run(arg, System.getProperty("java.specification.version"));
    }

    /**
     * @param arg the plugins.config argument, {@code "class.Name"} or {@code "class.Name:argument"}
     * @param javaSpecificationVersion the Java to decide for ("1.8", "11", "17"...)
     */
    void run(String arg, String javaSpecificationVersion) {
        String problem = JavaVersionCheck.problem(javaSpecificationVersion);
        if (problem != null) {
            IJ.error("CEUS Perfusion", problem);
            return;
        }
        String[] target = JavaVersionCheck.target(arg);
        IJ.runPlugIn(target[0], target[1]);
    }
}
