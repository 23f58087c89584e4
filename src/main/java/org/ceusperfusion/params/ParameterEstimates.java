package org.ceusperfusion.params;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Perfusion parameter values with their 95 % confidence intervals.
 *
 * @param values point estimates (NaN when not computable)
 * @param ci95   {@code [lo, hi]} per parameter (NaN bounds when not computable)
 * @param intervals what the intervals are and cover ({@link IntervalInfo#NONE} when unknown)
 */
public record ParameterEstimates(Map<PerfusionParameter, Double> values, Map<PerfusionParameter, double[]> ci95,
                                 IntervalInfo intervals, Map<PerfusionParameter, Double> dofs) {

    public ParameterEstimates {
        values = Collections.unmodifiableMap(new EnumMap<>(values));
        ci95 = Collections.unmodifiableMap(new EnumMap<>(ci95));
        intervals = intervals == null ? IntervalInfo.NONE : intervals;
        dofs = dofs == null || dofs.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(dofs));
    }

    /** Estimates whose intervals all use the degrees of freedom of {@code intervals}. */
    public ParameterEstimates(Map<PerfusionParameter, Double> values, Map<PerfusionParameter, double[]> ci95,
                              IntervalInfo intervals) {
        this(values, ci95, intervals, Map.of());
    }

    /** Estimates without interval information ({@link IntervalInfo#NONE}). */
    public ParameterEstimates(Map<PerfusionParameter, Double> values, Map<PerfusionParameter, double[]> ci95) {
        this(values, ci95, IntervalInfo.NONE);
    }

    /** @return the standard error of {@code p} implied by its interval and its degrees of freedom, NaN when unknown */
    public double standardError(PerfusionParameter p) {
        double[] c = ci(p);
        Double nu = dofs.get(p);
        if (nu == null) {
            return intervals.standardError((c[1] - c[0]) / 2);
        }
        return (c[1] - c[0]) / 2 / new org.apache.commons.math3.distribution.TDistribution(nu)
                .inverseCumulativeProbability(0.975);
    }

    /** @return the degrees of freedom of {@code p}'s interval: its own, else {@link IntervalInfo#dof()} */
    public double dof(PerfusionParameter p) {
        Double nu = dofs.get(p);
        return nu == null ? intervals.dof() : nu;
    }

    /** @return a copy with other interval information */
    public ParameterEstimates withIntervals(IntervalInfo info) {
        return new ParameterEstimates(values, ci95, info, dofs);
    }

    /** @return the value of {@code p}, or NaN when absent */
    public double value(PerfusionParameter p) {
        Double v = values.get(p);
        return v == null ? Double.NaN : v;
    }

    /** @return {@code [lo, hi]} of {@code p}, or {@code [NaN, NaN]} when absent */
    public double[] ci(PerfusionParameter p) {
        double[] c = ci95.get(p);
        return c == null ? new double[] {Double.NaN, Double.NaN} : c.clone();
    }

    /** Estimates with every parameter NaN (for a failed fit). */
    public static ParameterEstimates empty() {
        Map<PerfusionParameter, Double> v = new EnumMap<>(PerfusionParameter.class);
        Map<PerfusionParameter, double[]> c = new EnumMap<>(PerfusionParameter.class);
        for (PerfusionParameter p : PerfusionParameter.values()) {
            v.put(p, Double.NaN);
            c.put(p, new double[] {Double.NaN, Double.NaN});
        }
        return new ParameterEstimates(v, c);
    }
}
