package org.ceusperfusion.fit;

/** How {@link LevenbergMarquardtFitter} weights the samples of a curve; {@link #label()} is the stable name in outputs. */
public enum FitWeighting {
    /** Ordinary least squares: every sample counts the same (the default). */
    NONE("none"),
    /**
     * Iteratively reweighted least squares with weights {@code 1/v(e)} from the variance shape
     * {@code v(e) = a + b·e²} of the residuals of the previous fit, e the fitted enhancement
     * ({@link FitWeights#fittedVariance}): bubble speckle is multiplicative, so the frames near the peak are
     * the noisiest and count less.
     */
    FITTED_VARIANCE("fitted-variance");

    private final String label;

    FitWeighting(String label) {
        this.label = label;
    }

    /** @return the stable name written to outputs ({@code analysis.json}'s {@code fit.weighting}) */
    public String label() {
        return label;
    }
}
