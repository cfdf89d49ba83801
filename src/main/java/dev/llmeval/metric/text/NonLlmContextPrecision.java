package dev.llmeval.metric.text;

import dev.llmeval.Plural;
import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Scoring;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Context precision without an LLM: retrieved chunk k is relevant when it is similar enough to some
 * reference context ({@link ContextMatch}); the score is the rank-aware average precision of those
 * verdicts ({@link Scoring#averagePrecision}).
 */
final class NonLlmContextPrecision extends ContextMatchMetric {

    static final String ID = "non_llm_context_precision";

    NonLlmContextPrecision(ContextMatch match) {
        super(ID, match);
    }

    static NonLlmContextPrecision from(MetricOptions options) {
        return new NonLlmContextPrecision(ContextMatch.from(options));
    }

    @Override
    MetricResult score(List<String> retrieved, List<String> reference) {
        if (retrieved.isEmpty()) {
            return MetricResult.notApplicable(ID, "no context was retrieved", Map.of(), JudgeUsage.NONE);
        }
        if (reference.isEmpty()) {
            return MetricResult.notApplicable(ID, "the sample has no reference contexts", Map.of(), JudgeUsage.NONE);
        }
        List<ContextMatch.Best> best = match().best(retrieved, reference);
        List<Boolean> verdicts = best.stream().map(ContextMatch.Best::matched).toList();
        double score = Scoring.averagePrecision(verdicts).orElseThrow();
        List<Integer> ranks = IntStream.range(0, verdicts.size()).filter(verdicts::get).map(k -> k + 1).boxed().toList();
        String reason = String.format(Locale.ROOT, "%d of %s %s a reference context (%s similarity >= %s)%s",
                ranks.size(), Plural.of(verdicts.size(), "chunk"), ranks.size() == 1 ? "matches" : "match",
                match().measure().optionName(), match().threshold(),
                ranks.isEmpty() ? "" : " at ranks " + ranks);
        List<Map<String, Object>> rows = IntStream.range(0, best.size())
                .mapToObj(k -> ContextMatch.row("rank", k, "reference_context", best.get(k))).toList();
        return MetricResult.scored(ID, score, reason, Map.of("chunks", rows), JudgeUsage.NONE);
    }
}
