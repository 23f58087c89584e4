package org.ceusperfusion.analysis;

/** The user stopped an analysis ({@link AnalysisProgress#cancelled()}); there is no result. */
public final class AnalysisCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An analysis stopped on request. */
    public AnalysisCancelledException() {
        super("analysis stopped on request");
    }
}
