package org.ceusperfusion.params;

/** {@link ModelCiCoverageCase} for the fpt model. */
class FptCiCoverageTest extends ModelCiCoverageCase {

    @Override
    String label() {
        return "fpt";
    }
}
