package dev.llmeval.metric.offline;

import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.SampleField;
import dev.llmeval.metric.Scoring;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Faithfulness without an LLM: the answer's sentences are the statements; each gets a verdict
 * from the {@link Evidence#STRICT} support test against all retrieved contexts; the score is
 * the share of supported statements.
 */
final class OfflineFaithfulness implements Metric {

    static final String ID = "faithfulness";

    private final Embedder embedder;

    OfflineFaithfulness(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<SampleField> requires() {
        return Set.of(SampleField.QUESTION, SampleField.ANSWER, SampleField.CONTEXTS);
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        List<String> statements = Sentences.split(sample.answer());
        if (statements.isEmpty()) {
            return MetricResult.notApplicable(ID, "the answer has no statements to check",
                    Map.of("statements", List.of()), JudgeUsage.NONE);
        }
        List<Support> supports = SampleText.strictSupport(embedder, statements, sample.contexts());
        List<Boolean> verdicts = supports.stream().map(Support::supported).toList();
        double score = Scoring.share(verdicts).orElseThrow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", OfflineMetrics.method());
        details.put("statements", supports.stream().map(Support::toDetails).toList());
        return MetricResult.scored(ID, score, reason(supports), details, JudgeUsage.NONE);
    }

    static String reason(List<Support> supports) {
        List<Support> failed = supports.stream().filter(s -> !s.supported()).toList();
        if (failed.isEmpty()) {
            return "all " + supports.size() + " statements supported by the contexts";
        }
        Support first = failed.get(0);
        return failed.size() + " of " + supports.size()
                + " statements not supported by the contexts: " + SampleText.quote(first.statement())
                + " (" + first.problem() + ")";
    }
}
