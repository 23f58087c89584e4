package org.ceusperfusion.compare;

/**
 * The response of the last exam against baseline.
 *
 * @param size      RECIST-like size response, or {@code null} without diameters of baseline and last exam
 * @param perfusion perfusion response, or {@code null} when the rule's parameter is not computable
 * @param summary   one sentence a clinician reads
 */
public record Response(SizeResponse size, PerfusionResponse perfusion, String summary) {
}
