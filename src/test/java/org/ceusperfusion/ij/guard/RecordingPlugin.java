package org.ceusperfusion.ij.guard;

import ij.plugin.PlugIn;

/** A plugin that only remembers the argument it was run with (for {@link Java17GuardTest}). */
public class RecordingPlugin implements PlugIn {
    static volatile String lastArg;

    @Override
    public void run(String arg) {
        lastArg = arg;
    }
}
