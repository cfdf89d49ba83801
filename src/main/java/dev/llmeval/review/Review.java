package dev.llmeval.review;

import java.util.List;

/**
 * A reviewer's verdict on an item.
 *
 * @param status pending, accepted, rejected, needs_fix or duplicate
 * @param reviewer who reviewed it, or null
 * @param notes the reviewer's notes, or null
 * @param reference the corrected reference answer, written to the golden set's {@code reference}
 * @param relevantContextIds the ids of the contexts that hold the answer, written to {@code reference_context_ids}
 */
public record Review(Status status, String reviewer, String notes, String reference, List<String> relevantContextIds) {

    public static final Review PENDING = new Review(Status.PENDING, null, null, null, null);

    public Review {
        relevantContextIds = relevantContextIds == null ? null : List.copyOf(relevantContextIds);
    }

    public Review withStatus(Status s) {
        return new Review(s, reviewer, notes, reference, relevantContextIds);
    }
}
