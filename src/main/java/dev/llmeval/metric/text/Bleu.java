package dev.llmeval.metric.text;

import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.MetricResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * BLEU of the whole response against the reference: one segment per text, {@link Tokens} tokens,
 * up to 4-grams over the orders the response is long enough for, exp smoothing (as sacreBLEU's
 * sentence BLEU). No options.
 */
final class Bleu extends AnswerReferenceMetric {

    static final String ID = "bleu";

    Bleu() {
        super(ID);
    }

    static Bleu from(MetricOptions options) {
        options.allowOnly(Set.of());
        return new Bleu();
    }

    @Override
    MetricResult score(String response, String reference) {
        List<String> referenceTokens = Tokens.of(reference);
        if (referenceTokens.isEmpty()) {
            return MetricResult.notApplicable(ID, "the reference has no tokens", Map.of(), JudgeUsage.NONE);
        }
        List<String> responseTokens = Tokens.of(response);
        BleuMath.Counts counts = BleuMath.count(responseTokens, List.of(referenceTokens));
        double score = BleuMath.score(counts, true);
        double penalty = BleuMath.brevityPenalty(counts);
        List<Double> precisions = BleuMath.precisions(counts);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("precisions", precisions);
        details.put("brevity_penalty", penalty);
        details.put("response_tokens", counts.hypothesisLength());
        details.put("reference_tokens", counts.referenceLength());
        String reason = responseTokens.isEmpty() ? "the response has no tokens"
                : String.format(Locale.ROOT, "n-gram precisions %s, brevity penalty %.2f (%d response tokens, %d reference tokens)",
                        precisions.stream().map(p -> String.format(Locale.ROOT, "%.2f", p)).collect(Collectors.joining("/")),
                        penalty, counts.hypothesisLength(), counts.referenceLength());
        return MetricResult.scored(ID, score, reason, details, JudgeUsage.NONE);
    }
}
