package org.ceusperfusion.params;

/** {@link ModelCiCoverageCase} for the ldrw model. */
class LdrwCiCoverageTest extends ModelCiCoverageCase {

    @Override
    String label() {
        return "ldrw";
    }
}
