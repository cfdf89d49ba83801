package dev.llmeval.metric.text;

import java.util.List;

/**
 * ROUGE-L's arithmetic (Lin 2004, section 3.1), as pure functions: the longest common subsequence
 * of two token lists, and precision, recall and F-measure from it.
 */
final class Lcs {

    private Lcs() {}

    /** Precision = LCS ÷ candidate tokens, recall = LCS ÷ reference tokens, F = 2PR / (P + R) (β = 1). */
    record Score(int lcs, int candidateLength, int referenceLength, double precision, double recall,
            double fmeasure) {}

    /** The length of the longest common subsequence, by dynamic programming over two rows. */
    static int length(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            String token = a.get(i - 1);
            for (int j = 1; j <= b.size(); j++) {
                current[j] = token.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    /** ROUGE-L of a candidate against a non-empty reference; all 0 when the candidate is empty. */
    static Score score(List<String> candidate, List<String> reference) {
        if (reference.isEmpty()) {
            throw new IllegalArgumentException("empty reference");
        }
        int lcs = length(candidate, reference);
        double precision = candidate.isEmpty() ? 0.0 : (double) lcs / candidate.size();
        double recall = (double) lcs / reference.size();
        double f = lcs == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        return new Score(lcs, candidate.size(), reference.size(), precision, recall, f);
    }
}
