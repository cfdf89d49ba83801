package dev.llmeval.gate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/** Compares one metric's per-sample scores with a baseline's. Pure: no I/O. */
public final class Comparisons {

    /** The default number of bootstrap resamples. */
    public static final int DEFAULT_RESAMPLES = 2000;

    /** The default seed, so that the same two runs always give the same interval. */
    public static final long DEFAULT_SEED = 42L;

    /** How many of the most regressed samples a comparison lists. */
    public static final int WORST = 5;

    private Comparisons() {}

    /** {@link #compare(String, Map, Map, long, int)} with the default seed and resamples. */
    public static Comparison compare(
            String metricId, Map<String, Double> baseline, Map<String, Double> current) {
        return compare(metricId, baseline, current, DEFAULT_SEED, DEFAULT_RESAMPLES);
    }

    /**
     * Compares {@code current} with {@code baseline}, both sample id to score of SCORED samples.
     *
     * <p>Samples are paired by id; only samples scored in both runs are compared, and those
     * scored in one run only are listed. The delta is {@code mean(current) - mean(baseline)}
     * over the PAIRED samples, which equals the mean of the paired differences; it is not the
     * difference of the two reports' overall means when some samples are unpaired.
     *
     * <p>The 95% confidence interval of the delta is a paired percentile bootstrap: the paired
     * differences (in sample-id order) are resampled with replacement {@code resamples} times
     * using {@code new SplittableRandom(seed)}, and the 2.5th and 97.5th percentiles (nearest
     * rank) of the resampled means are taken. The same inputs and seed always give the same
     * interval. With very few paired samples the interval is unreliable (one sample gives a
     * zero-width interval).
     *
     * @throws IllegalArgumentException when {@code resamples < 1}
     */
    public static Comparison compare(
            String metricId,
            Map<String, Double> baseline,
            Map<String, Double> current,
            long seed,
            int resamples) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be positive, got " + resamples);
        }
        List<SampleDelta> pairs = new ArrayList<>();
        List<String> onlyInBaseline = new ArrayList<>();
        for (String id : new TreeSet<>(baseline.keySet())) {
            Double now = current.get(id);
            if (now == null) {
                onlyInBaseline.add(id);
            } else {
                pairs.add(new SampleDelta(id, baseline.get(id), now));
            }
        }
        List<String> onlyInCurrent = new ArrayList<>(new TreeSet<>(current.keySet()));
        onlyInCurrent.removeIf(baseline::containsKey);
        int n = pairs.size();
        if (n == 0) {
            return new Comparison(metricId, null, null, null, Double.NaN, Double.NaN, 0,
                    onlyInBaseline, onlyInCurrent, List.of());
        }
        double baselineSum = 0.0;
        double currentSum = 0.0;
        double[] diffs = new double[n];
        for (int i = 0; i < n; i++) {
            SampleDelta p = pairs.get(i);
            baselineSum += p.baseline();
            currentSum += p.current();
            diffs[i] = p.delta();
        }
        double baselineMean = baselineSum / n;
        double currentMean = currentSum / n;
        double[] interval = bootstrap(diffs, seed, resamples);
        Direction direction = Direction.of(metricId);
        List<SampleDelta> worst = pairs.stream()
                .filter(p -> direction.worsening(p.baseline(), p.current()) > 0.0)
                .sorted(Comparator.comparingDouble((SampleDelta p) -> -direction.worsening(p.baseline(), p.current()))
                        .thenComparing(SampleDelta::id))
                .limit(WORST)
                .toList();
        return new Comparison(metricId, baselineMean, currentMean, currentMean - baselineMean,
                interval[0], interval[1], n, onlyInBaseline, onlyInCurrent, worst);
    }

    /** The 2.5th and 97.5th percentiles (nearest rank) of the means of resampled differences. */
    static double[] bootstrap(double[] diffs, long seed, int resamples) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = diffs.length;
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                sum += diffs[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        return new double[] {means[rank(0.025, resamples)], means[rank(0.975, resamples)]};
    }

    /** The 0-based index of the {@code p} quantile of {@code count} sorted values, nearest rank. */
    private static int rank(double p, int count) {
        int index = (int) Math.ceil(p * count) - 1;
        return Math.max(0, Math.min(count - 1, index));
    }
}
