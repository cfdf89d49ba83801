package dev.llmeval.metric.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BLEU's arithmetic (Papineni et al. 2002), as pure functions over token lists: clipped n-gram
 * matches for n = 1..4, the brevity penalty and the geometric mean, with sacreBLEU's default "exp"
 * smoothing (Chen and Cherry 2014, method 3: the k-th order with no match counts as 1 / (2^k ·
 * n-grams)).
 */
final class BleuMath {

    static final int MAX_ORDER = 4;

    private BleuMath() {}

    /**
     * The sufficient statistics of one segment (or, summed, of a corpus).
     *
     * @param matches clipped n-gram matches, index n − 1
     * @param totals the hypothesis's n-grams, index n − 1
     * @param hypothesisLength the hypothesis's tokens
     * @param referenceLength the length of the reference closest in length (the shorter on a tie)
     */
    record Counts(int[] matches, int[] totals, int hypothesisLength, int referenceLength) {

        Counts {
            matches = matches.clone();
            totals = totals.clone();
        }

        Counts plus(Counts other) {
            int[] m = new int[MAX_ORDER];
            int[] t = new int[MAX_ORDER];
            for (int n = 0; n < MAX_ORDER; n++) {
                m[n] = matches[n] + other.matches[n];
                t[n] = totals[n] + other.totals[n];
            }
            return new Counts(m, t, hypothesisLength + other.hypothesisLength,
                    referenceLength + other.referenceLength);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Counts c && Arrays.equals(matches, c.matches) && Arrays.equals(totals, c.totals)
                    && hypothesisLength == c.hypothesisLength && referenceLength == c.referenceLength;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(matches) + Arrays.hashCode(totals)) + hypothesisLength * 17
                    + referenceLength;
        }

        @Override
        public String toString() {
            return "Counts[matches=" + Arrays.toString(matches) + ", totals=" + Arrays.toString(totals)
                    + ", hypothesisLength=" + hypothesisLength + ", referenceLength=" + referenceLength + "]";
        }
    }

    /**
     * The statistics of a hypothesis against one or more references: each hypothesis n-gram counts
     * at most as often as it occurs in the reference where it occurs most ("modified precision").
     */
    static Counts count(List<String> hypothesis, List<List<String>> references) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("no reference");
        }
        int[] matches = new int[MAX_ORDER];
        int[] totals = new int[MAX_ORDER];
        for (int n = 1; n <= MAX_ORDER; n++) {
            Map<List<String>, Integer> maxInReference = new HashMap<>();
            for (List<String> reference : references) {
                ngrams(reference, n).forEach((gram, c) -> maxInReference.merge(gram, c, Math::max));
            }
            for (Map.Entry<List<String>, Integer> e : ngrams(hypothesis, n).entrySet()) {
                totals[n - 1] += e.getValue();
                matches[n - 1] += Math.min(e.getValue(), maxInReference.getOrDefault(e.getKey(), 0));
            }
        }
        return new Counts(matches, totals, hypothesis.size(), closestLength(hypothesis.size(), references));
    }

    /**
     * BLEU in [0, 1]: BP · exp(Σ log pₙ / N), BP = exp(1 − r/c) when the hypothesis (c tokens) is
     * shorter than the reference (r), else 1. 0 when the hypothesis is empty or shares no token with
     * the reference.
     *
     * @param effectiveOrder if true, N is the highest order the hypothesis has n-grams of (a
     *     three-token answer is scored on orders 1–3, as sacreBLEU's sentence BLEU does); if false,
     *     N = 4 and a hypothesis shorter than four tokens scores 0 (sacreBLEU's corpus BLEU)
     */
    static double score(Counts counts, boolean effectiveOrder) {
        if (counts.hypothesisLength() == 0 || counts.matches()[0] == 0) {
            return 0.0;
        }
        double logSum = 0;
        int order = 0;
        int smoothing = 1;
        for (int n = 0; n < MAX_ORDER; n++) {
            if (counts.totals()[n] == 0) {
                if (effectiveOrder) {
                    break;
                }
                return 0.0;
            }
            double precision;
            if (counts.matches()[n] == 0) {
                smoothing *= 2;
                precision = 1.0 / ((double) smoothing * counts.totals()[n]);
            } else {
                precision = (double) counts.matches()[n] / counts.totals()[n];
            }
            logSum += Math.log(precision);
            order++;
        }
        return Math.min(1.0, brevityPenalty(counts) * Math.exp(logSum / order));
    }

    /** exp(1 − r/c) when c < r, else 1; 0 for an empty hypothesis. */
    static double brevityPenalty(Counts counts) {
        int c = counts.hypothesisLength();
        int r = counts.referenceLength();
        if (c == 0) {
            return 0.0;
        }
        return c < r ? Math.exp(1.0 - (double) r / c) : 1.0;
    }

    /** The n-gram precisions pₙ as plain ratios (matches ÷ n-grams, no smoothing); NaN-free: 0 when there are none. */
    static List<Double> precisions(Counts counts) {
        List<Double> out = new ArrayList<>();
        for (int n = 0; n < MAX_ORDER; n++) {
            out.add(counts.totals()[n] == 0 ? 0.0 : (double) counts.matches()[n] / counts.totals()[n]);
        }
        return out;
    }

    private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }

    private static int closestLength(int hypothesisLength, List<List<String>> references) {
        int best = references.get(0).size();
        for (List<String> reference : references) {
            int length = reference.size();
            int diff = Math.abs(length - hypothesisLength);
            int bestDiff = Math.abs(best - hypothesisLength);
            if (diff < bestDiff || (diff == bestDiff && length < best)) {
                best = length;
            }
        }
        return best;
    }
}
