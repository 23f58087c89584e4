package org.ceusperfusion.maps;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.LevenbergMarquardtFitter;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.BolusModels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fits per second of one bolus curve: our Levenberg–Marquardt ({@link LevenbergMarquardtFitter}) against
 * Commons Math 3's {@link LevenbergMarquardtOptimizer} with the same analytic Jacobian
 * ({@link BolusModel#valueAndGradient}), the same start (the model's initial guess, computed once per
 * curve in the set-up) and the same box (CM3: a validator projecting onto the model's bounds), at 200
 * and 1000 samples. {@code oursWithGuess} includes the data-driven start, as a map pixel does.
 *
 * <p>Curves: 32 seeded lognormal boluses (area, μ, σ, onset drawn around a typical tumour bolus) on a
 * baseline with Gaussian noise of 5 % of the peak, sampled over 90 s; each invocation fits the next.
 * Run with {@code bench/fit-jmh.sh} (profile {@code bench}); other registered models with
 * {@code -p model=gamma,...}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FitBenchmark {
    private static final int CURVES = 32;

    @Param({"lognormal"})
    public String model;

    @Param({"200", "1000"})
    public int samples;

    private BolusModel m;
    private double[] t;
    private double[][] ys;
    private double[][] starts;
    private double[][] lo;
    private double[][] hi;
    private int next;
    private final LevenbergMarquardtFitter ours = new LevenbergMarquardtFitter();
    private org.ceusperfusion.fit.SharedShapeFitter shared;
    private org.ceusperfusion.fit.ReferenceShape shape;

    @Setup(Level.Trial)
    public void setUp() {
        m = BolusModels.fromLabel(model);
        t = new double[samples];
        for (int i = 0; i < samples; i++) {
            t[i] = 90.0 * i / (samples - 1);
        }
        SplittableRandom rng = new SplittableRandom(2024);
        BolusModel truthModel = BolusModels.fromLabel("lognormal");
        ys = new double[CURVES][];
        starts = new double[CURVES][];
        lo = new double[CURVES][];
        hi = new double[CURVES][];
        for (int c = 0; c < CURVES; c++) {
            double[] p = {30, 1500 * (0.7 + 0.6 * rng.nextDouble()), Math.log(10 + 8 * rng.nextDouble()),
                0.4 + 0.3 * rng.nextDouble(), 3 + 4 * rng.nextDouble()};
            double peak = truthModel.peakEnhancement(p);
            double[] y = new double[samples];
            for (int i = 0; i < samples; i++) {
                y[i] = truthModel.value(t[i], p) + 0.05 * peak * gaussian(rng);
            }
            ys[c] = y;
            starts[c] = m.initialGuess(t, y);
            lo[c] = m.lowerBounds(t, y);
            hi[c] = m.upperBounds(t, y);
        }
        // what a map pixel costs now: the curves share the mean curve's shape (fitted once)
        double[] mean = new double[samples];
        for (double[] y : ys) {
            for (int i = 0; i < samples; i++) {
                mean[i] += y[i] / CURVES;
            }
        }
        LevenbergMarquardtFitter mapFitter = ours.withTolerances(ParametricMapper.MAP_TOLERANCE,
                ParametricMapper.MAP_TOLERANCE).withCovariance(false);
        shape = m.linearInBaselineAndAmplitude()
                ? org.ceusperfusion.fit.ReferenceShape.of(m, t, mapFitter.fit(m, t, mean).params(), samples) : null;
        shared = m.linearInBaselineAndAmplitude()
                ? new org.ceusperfusion.fit.SharedShapeFitter(m, t, mapFitter, UnitFitter.SCREEN_SIGMAS) : null;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private int nextCurve() {
        next = (next + 1) % CURVES;
        return next;
    }

    /** Our fitter from the same start as CM3. */
    @Benchmark
    public FitResult ours() {
        int c = nextCurve();
        return ours.fit(m, t, ys[c], starts[c]);
    }

    /** Our fitter including its data-driven start (what a map pixel costs). */
    @Benchmark
    public FitResult oursWithGuess() {
        return ours.fit(m, t, ys[nextCurve()]);
    }

    /**
     * A map pixel's fit: linear O and A for the shared reference shape, then LM (fast mode, map
     * tolerance, no covariance) from there.
     */
    @Benchmark
    public FitResult oursFromSharedShape() {
        return shared == null ? ours.fit(m, t, ys[nextCurve()]) : shared.fit(ys[nextCurve()], shape);
    }

    /** Commons Math 3 LM, same analytic Jacobian, start and box. */
    @Benchmark
    public LeastSquaresOptimizer.Optimum commonsMath() {
        int c = nextCurve();
        double[] y = ys[c];
        double[] l = lo[c];
        double[] h = hi[c];
        int k = starts[c].length;
        MultivariateJacobianFunction f = point -> {
            double[] p = point.toArray();
            double[] v = new double[samples];
            double[][] j = new double[samples][k];
            for (int i = 0; i < samples; i++) {
                v[i] = m.valueAndGradient(t[i], p, j[i]);
            }
            return new Pair<RealVector, org.apache.commons.math3.linear.RealMatrix>(
                    new ArrayRealVector(v, false), new Array2DRowRealMatrix(j, false));
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(starts[c]).model(f).target(y)
                .parameterValidator(v -> {
                    double[] p = v.toArray();
                    for (int a = 0; a < p.length; a++) {
                        p[a] = Math.max(l[a], Math.min(h[a], p[a]));
                    }
                    return new ArrayRealVector(p, false);
                })
                .maxEvaluations(10000).maxIterations(1000).lazyEvaluation(false).build();
        return new LevenbergMarquardtOptimizer().optimize(problem);
    }
}
