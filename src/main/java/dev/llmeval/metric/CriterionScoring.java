package dev.llmeval.metric;

import java.util.List;

/** The score arithmetic of custom criteria, as pure functions; no model, no JSON. */
final class CriterionScoring {

    private CriterionScoring() {}

    /** The majority of an odd number of yes/no votes. */
    static boolean majority(List<Boolean> votes) {
        if (votes.isEmpty() || votes.size() % 2 == 0) {
            throw new IllegalArgumentException("a majority needs an odd number of votes, got " + votes.size());
        }
        long yes = votes.stream().filter(Boolean::booleanValue).count();
        return yes * 2 > votes.size();
    }

    /** A rubric score from 1 to 5 on [0, 1]: (s - 1) / 4, so 1 → 0, 3 → 0.5, 5 → 1. */
    static double rubric(int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("a rubric score is from 1 to 5, got " + score);
        }
        return (score - 1) / 4.0;
    }
}
