package org.ceusperfusion.params;

/** {@link ModelCiCoverageCase} for the gamma model. */
class GammaCiCoverageTest extends ModelCiCoverageCase {

    @Override
    String label() {
        return "gamma";
    }
}
