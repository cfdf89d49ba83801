package dev.llmeval.metric.text;

import dev.llmeval.Plural;
import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.RequiredFields;
import dev.llmeval.metric.SampleField;
import dev.llmeval.metric.Scoring;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Context precision and recall on context ids, compared exactly as strings, each list taken as a
 * set (a repeated id counts once). Precision = |retrieved ∩ reference| ÷ |retrieved|; recall =
 * |retrieved ∩ reference| ÷ |reference|. No options.
 */
final class IdContextOverlap implements Metric {

    static final String PRECISION_ID = "id_context_precision";
    static final String RECALL_ID = "id_context_recall";

    static final int LISTED = 5;

    private final boolean precision;

    IdContextOverlap(boolean precision) {
        this.precision = precision;
    }

    static IdContextOverlap from(boolean precision, MetricOptions options) {
        options.allowOnly(Set.of());
        return new IdContextOverlap(precision);
    }

    @Override
    public String id() {
        return precision ? PRECISION_ID : RECALL_ID;
    }

    @Override
    public Set<SampleField> requires() {
        return Set.of(SampleField.RETRIEVED_CONTEXT_IDS, SampleField.REFERENCE_CONTEXT_IDS);
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        Optional<MetricResult> skipped = RequiredFields.missing(this, sample);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        Set<String> retrieved = new LinkedHashSet<>(sample.retrievedContextIds());
        Set<String> reference = new LinkedHashSet<>(sample.referenceContextIds());
        Set<String> base = precision ? retrieved : reference;
        Set<String> other = precision ? reference : retrieved;
        if (base.isEmpty()) {
            return MetricResult.notApplicable(id(), precision ? "no context id was retrieved"
                    : "the sample has no reference context ids", Map.of(), JudgeUsage.NONE);
        }
        List<Boolean> found = base.stream().map(other::contains).toList();
        double score = Scoring.share(found).orElseThrow();
        List<String> missed = base.stream().filter(id -> !other.contains(id)).toList();
        long hits = base.size() - missed.size();
        String reason = precision
                ? hits + " of " + Plural.of(base.size(), "retrieved id") + (hits == 1 ? " is a reference id" : " are reference ids")
                        + (missed.isEmpty() ? "" : "; not relevant: " + listed(missed))
                : hits + " of " + Plural.of(base.size(), "reference id") + (hits == 1 ? " was" : " were") + " retrieved"
                        + (missed.isEmpty() ? "" : "; missed: " + listed(missed));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("matched", base.stream().filter(other::contains).toList());
        details.put(precision ? "not_relevant" : "missed", missed);
        return MetricResult.scored(id(), score, reason, details, JudgeUsage.NONE);
    }

    /** {@code a, b, c} or, past {@value #LISTED} ids, {@code a, b, c, d, e and 3 more}. */
    private static String listed(List<String> ids) {
        String shown = String.join(", ", ids.subList(0, Math.min(LISTED, ids.size())));
        return ids.size() > LISTED ? shown + " and " + (ids.size() - LISTED) + " more" : shown;
    }
}
