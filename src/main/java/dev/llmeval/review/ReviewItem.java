package dev.llmeval.review;

import dev.llmeval.dataset.GoldenSample;
import java.util.Map;

/**
 * One golden-set candidate in the review queue, stored as {@code QUEUE_DIR/<id>.json}.
 *
 * @param id a stable hash of the source system and trace id; also the sample's id
 * @param source the system it was imported from ({@code otlp}, {@code langfuse}, {@code langsmith})
 * @param sampling why it was picked: reason, probability, hash, rate, stratum, note
 * @param redactor the redactor version that cleaned it
 * @param redactions placeholders written, by kind
 * @param sample the candidate with golden-set field names; {@code metadata.source} holds the
 *     system, convention, trace id, span ids and timestamp
 * @param scores judge scores from a run over the queue, by metric, or null
 * @param review the reviewer's verdict
 */
public record ReviewItem(String id, String source, Map<String, Object> sampling, String redactor,
        Map<String, Integer> redactions, GoldenSample sample, Map<String, Double> scores, Review review) {

    /** The first line of every item file, naming the format and its version. */
    public static final String FORMAT = "llmeval-review-item/1";

    public ReviewItem {
        sampling = sampling == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sampling));
        redactions = redactions == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(redactions));
        scores = scores == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
    }

    public ReviewItem withReview(Review r) {
        return new ReviewItem(id, source, sampling, redactor, redactions, sample, scores, r);
    }

    public ReviewItem withScores(Map<String, Double> s) {
        return new ReviewItem(id, source, sampling, redactor, redactions, sample, s, review);
    }
}
