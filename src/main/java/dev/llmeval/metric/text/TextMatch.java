package dev.llmeval.metric.text;

import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.MetricResult;
import java.util.Map;

/**
 * {@code exact_match}: 1 when the response equals the reference, else 0; {@code string_presence}:
 * 1 when the reference occurs in the response, else 0. Both texts are NFC-normalised first; case
 * and whitespace count unless {@code ignore-case} / {@code ignore-whitespace} say otherwise.
 */
final class TextMatch extends AnswerReferenceMetric {

    static final String EXACT_ID = "exact_match";
    static final String PRESENCE_ID = "string_presence";

    private final boolean presence;
    private final Comparison comparison;

    private TextMatch(boolean presence, Comparison comparison) {
        super(presence ? PRESENCE_ID : EXACT_ID);
        this.presence = presence;
        this.comparison = comparison;
    }

    static TextMatch exact(MetricOptions options) {
        return new TextMatch(false, Comparison.from(options));
    }

    static TextMatch presence(MetricOptions options) {
        return new TextMatch(true, Comparison.from(options));
    }

    @Override
    MetricResult score(String response, String reference) {
        String a = comparison.normalise(response);
        String b = comparison.normalise(reference);
        boolean match = presence ? a.contains(b) : a.equals(b);
        String reason = presence
                ? (match ? "the reference occurs in the response" : "the reference does not occur in the response")
                : (match ? "the response equals the reference" : "the response differs from the reference");
        return MetricResult.scored(id(), match ? 1.0 : 0.0, reason + comparison.describe(), Map.of(), JudgeUsage.NONE);
    }
}
