package org.ceusperfusion.params;

/** {@link ModelCiCoverageCase} for the lognormal model. */
class LognormalCiCoverageTest extends ModelCiCoverageCase {

    @Override
    String label() {
        return "lognormal";
    }
}
