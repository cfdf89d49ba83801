package dev.llmeval.metric.offline;

import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.SampleField;
import dev.llmeval.metric.Scoring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Context precision (against the reference) and context utilization (against the response)
 * without an LLM: chunk k is useful when it passes the {@link Evidence#LENIENT} support test
 * for at least one sentence of the target text; the score is the rank-aware average precision.
 */
final class OfflineContextPrecision implements Metric {

    static final String PRECISION_ID = "context_precision";
    static final String UTILIZATION_ID = "context_utilization";

    private final Embedder embedder;
    private final boolean againstReference;

    OfflineContextPrecision(Embedder embedder, boolean againstReference) {
        this.embedder = embedder;
        this.againstReference = againstReference;
    }

    @Override
    public String id() {
        return againstReference ? PRECISION_ID : UTILIZATION_ID;
    }

    @Override
    public Set<SampleField> requires() {
        return againstReference
                ? Set.of(SampleField.QUESTION, SampleField.CONTEXTS, SampleField.REFERENCE)
                : Set.of(SampleField.QUESTION, SampleField.CONTEXTS, SampleField.ANSWER);
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        String target = againstReference ? sample.reference() : sample.answer();
        String targetName = againstReference ? "reference" : "response";
        List<String> chunks = sample.contexts();
        List<String> sentences = Sentences.split(target);
        if (chunks.isEmpty() || sentences.isEmpty()) {
            return MetricResult.notApplicable(id(),
                    chunks.isEmpty() ? "no retrieved contexts" : "the " + targetName + " is empty",
                    Map.of("chunks", List.of()), JudgeUsage.NONE);
        }
        SampleText.Embedded text = SampleText.embed(embedder, sentences, chunks);
        List<Boolean> useful = new ArrayList<>();
        List<Map<String, Object>> chunkDetails = new ArrayList<>();
        for (int k = 0; k < chunks.size(); k++) {
            Evidence evidence = new Evidence(text.passagesOf(k));
            Support best = null;
            for (int i = 0; i < sentences.size(); i++) {
                Support s = evidence.check(sentences.get(i), text.statementVectors().get(i),
                        Evidence.LENIENT);
                if (best == null || rank(s) > rank(best)) {
                    best = s;
                }
            }
            useful.add(best.supported());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("rank", k + 1);
            d.put("verdict", best.supported() ? 1 : 0);
            d.put("bestSupported", best.toDetails());
            chunkDetails.add(d);
        }
        double score = Scoring.averagePrecision(useful).orElseThrow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", OfflineMetrics.method());
        details.put("chunks", chunkDetails);
        long n = useful.stream().filter(Boolean::booleanValue).count();
        List<Integer> ranks = new ArrayList<>();
        for (int k = 0; k < useful.size(); k++) {
            if (useful.get(k)) {
                ranks.add(k + 1);
            }
        }
        String reason = n == 0
                ? "none of the " + chunks.size() + " chunks supports the " + targetName
                : n + " of " + chunks.size() + (chunks.size() == 1 ? " chunk supports the " : " chunks support the ") + targetName
                        + " (useful at ranks " + ranks + ")";
        return MetricResult.scored(id(), score, reason, details, JudgeUsage.NONE);
    }

    /** Supported first, then by the strength of the evidence. */
    private static double rank(Support s) {
        return (s.supported() ? 10 : 0) + s.coverage() + s.similarity();
    }
}
