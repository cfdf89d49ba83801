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
 * Context recall without an LLM: the share of reference contexts that some retrieved chunk is
 * similar enough to ({@link ContextMatch}, the same test as {@link NonLlmContextPrecision}).
 */
final class NonLlmContextRecall extends ContextMatchMetric {

    static final String ID = "non_llm_context_recall";

    NonLlmContextRecall(ContextMatch match) {
        super(ID, match);
    }

    static NonLlmContextRecall from(MetricOptions options) {
        return new NonLlmContextRecall(ContextMatch.from(options));
    }

    @Override
    MetricResult score(List<String> retrieved, List<String> reference) {
        if (reference.isEmpty()) {
            return MetricResult.notApplicable(ID, "the sample has no reference contexts", Map.of(), JudgeUsage.NONE);
        }
        List<ContextMatch.Best> best = match().best(reference, retrieved);
        List<Boolean> verdicts = best.stream().map(ContextMatch.Best::matched).toList();
        double score = Scoring.share(verdicts).orElseThrow();
        long found = verdicts.stream().filter(Boolean::booleanValue).count();
        String reason = retrieved.isEmpty()
                ? "no context was retrieved, so " + (verdicts.size() == 1 ? "the only reference context is not found"
                        : "none of the " + verdicts.size() + " reference contexts is found")
                : String.format(Locale.ROOT, "%d of %s %s a retrieved chunk (%s similarity >= %s)", found,
                        Plural.of(verdicts.size(), "reference context"), found == 1 ? "matches" : "match",
                        match().measure().optionName(), match().threshold());
        List<Map<String, Object>> rows = IntStream.range(0, best.size())
                .mapToObj(k -> ContextMatch.row("reference_context", k, "rank", best.get(k))).toList();
        return MetricResult.scored(ID, score, reason, Map.of("reference_contexts", rows), JudgeUsage.NONE);
    }
}
