package dev.llmeval.metric;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The score arithmetic of the RAGAS metrics, as pure functions over verdicts and similarities.
 * They never see a model or JSON. An empty input has no score ({@link OptionalDouble#empty()}),
 * which the metrics report as NOT_APPLICABLE, never as NaN.
 */
public final class Scoring {

    private Scoring() {}

    /** Faithfulness and context recall: the share of true verdicts. */
    public static OptionalDouble share(List<Boolean> verdicts) {
        if (verdicts.isEmpty()) {
            return OptionalDouble.empty();
        }
        long yes = verdicts.stream().filter(Boolean::booleanValue).count();
        return OptionalDouble.of((double) yes / verdicts.size());
    }

    /**
     * Context precision: rank-aware average precision, Σₖ(P@k · vₖ) / Σₖ vₖ with P@k the share
     * of useful chunks among the first k. 0 when no chunk is useful; empty when there are none.
     */
    public static OptionalDouble averagePrecision(List<Boolean> usefulInRankOrder) {
        if (usefulInRankOrder.isEmpty()) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        int useful = 0;
        for (int k = 1; k <= usefulInRankOrder.size(); k++) {
            if (usefulInRankOrder.get(k - 1)) {
                useful++;
                sum += (double) useful / k;
            }
        }
        return OptionalDouble.of(useful == 0 ? 0.0 : sum / useful);
    }

    /**
     * Answer relevancy: the mean cosine similarity between the question and the generated
     * questions, each clipped at 0 (RAGAS lets it go negative), times 0 when every generated
     * question was flagged noncommittal. Empty when no question was generated.
     */
    public static OptionalDouble relevancy(List<Double> cosines, List<Boolean> noncommittal) {
        if (cosines.size() != noncommittal.size()) {
            throw new IllegalArgumentException(
                    cosines.size() + " similarities but " + noncommittal.size() + " flags");
        }
        if (cosines.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (noncommittal.stream().allMatch(Boolean::booleanValue)) {
            return OptionalDouble.of(0.0);
        }
        double mean = cosines.stream().mapToDouble(c -> Math.max(0.0, c)).average().orElse(0);
        return OptionalDouble.of(Math.min(1.0, mean));
    }

    /** Cosine similarity of two vectors of the same length; 0 when either is all zeros. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vector lengths differ: " + a.length + " vs " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        if (na == 0 || nb == 0) {
            return 0.0;
        }
        return dot / (Math.sqrt(na) * Math.sqrt(nb));
    }
}
