package dev.llmeval.metric;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

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
     * F-beta over counts: (1+β²)·TP / ((1+β²)·TP + β²·FN + FP), which equals
     * (1+β²)·P·R / (β²·P + R) whenever precision and recall are defined and is 0 when TP is 0.
     * Empty when all three counts are 0 (nothing was judged).
     */
    public static OptionalDouble fBeta(int tp, int fp, int fn, double beta) {
        requireCounts(tp, fp, fn);
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be a finite number > 0, got " + beta);
        }
        if (tp + fp + fn == 0) {
            return OptionalDouble.empty();
        }
        double b2 = beta * beta;
        return OptionalDouble.of((1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp));
    }

    /** TP / (TP + FP); empty when both are 0. */
    public static OptionalDouble precision(int tp, int fp) {
        requireCounts(tp, fp, 0);
        return tp + fp == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) tp / (tp + fp));
    }

    /** TP / (TP + FN); empty when both are 0. */
    public static OptionalDouble recall(int tp, int fn) {
        requireCounts(tp, 0, fn);
        return tp + fn == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) tp / (tp + fn));
    }

    /**
     * Answer correctness: (w₀·factuality + w₁·similarity) / (w₀ + w₁). Both scores must be in
     * [0, 1]; the weights non-negative and not both 0.
     */
    public static double weighted(double factuality, double similarity, double factualityWeight,
            double similarityWeight) {
        if (!(factualityWeight >= 0) || !(similarityWeight >= 0) || factualityWeight + similarityWeight == 0
                || Double.isInfinite(factualityWeight + similarityWeight)) {
            throw new IllegalArgumentException("weights must be finite, non-negative and not both 0, got "
                    + factualityWeight + " and " + similarityWeight);
        }
        if (!(factuality >= 0 && factuality <= 1) || !(similarity >= 0 && similarity <= 1)) {
            throw new IllegalArgumentException("scores must be in [0, 1], got " + factuality + " and " + similarity);
        }
        return (factualityWeight * factuality + similarityWeight * similarity) / (factualityWeight + similarityWeight);
    }

    private static void requireCounts(int tp, int fp, int fn) {
        if (tp < 0 || fp < 0 || fn < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got TP " + tp + ", FP " + fp + ", FN " + fn);
        }
    }

    /**
     * Context relevance (RAGAS paper): the share of the context's sentences needed to answer the
     * question, clipped to [0, 1]. Empty when the context has no sentences.
     */
    public static OptionalDouble sentenceShare(int needed, int total) {
        if (total <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(0, Math.min(needed, total)) / (double) total);
    }

    /**
     * Noise sensitivity, lower is better: the share of the response's statements that are
     * incorrect (the reference does not support them) and that a retrieved chunk supports. A
     * chunk is relevant when it supports a statement of the reference. In {@code relevant} mode a
     * statement counts when a relevant chunk supports it; otherwise (irrelevant mode) when some
     * irrelevant chunk supports it and no relevant chunk does. Empty when there are no statements.
     *
     * @param incorrect per response statement, whether the reference fails to support it
     * @param supportingChunks per response statement, the chunks (any numbering) that support it
     * @param relevantChunks the chunks that support some reference statement
     */
    public static OptionalDouble noiseSensitivity(List<Boolean> incorrect, List<Set<Integer>> supportingChunks,
            Set<Integer> relevantChunks, boolean relevant) {
        if (incorrect.size() != supportingChunks.size()) {
            throw new IllegalArgumentException(
                    incorrect.size() + " correctness flags but " + supportingChunks.size() + " chunk sets");
        }
        if (incorrect.isEmpty()) {
            return OptionalDouble.empty();
        }
        int counted = 0;
        for (int i = 0; i < incorrect.size(); i++) {
            if (incorrect.get(i) && misledBy(supportingChunks.get(i), relevantChunks, relevant)) {
                counted++;
            }
        }
        return OptionalDouble.of((double) counted / incorrect.size());
    }

    /** Whether a statement supported by {@code chunks} counts in the given noise-sensitivity mode. */
    public static boolean misledBy(Set<Integer> chunks, Set<Integer> relevantChunks, boolean relevant) {
        boolean byRelevant = chunks.stream().anyMatch(relevantChunks::contains);
        boolean byIrrelevant = chunks.stream().anyMatch(c -> !relevantChunks.contains(c));
        return relevant ? byRelevant : byIrrelevant && !byRelevant;
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
