package dev.llmeval.report;

import dev.llmeval.gate.Gate;
import dev.llmeval.gate.GateDecision;
import dev.llmeval.gate.MetricSummary;
import dev.llmeval.gate.Summaries;
import dev.llmeval.gate.Thresholds;
import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small hand-made runs shared by the report tests. */
final class SampleRuns {

    static final String XSS_RESPONSE =
            "Paris. <script>alert(1)</script><img src=x onerror=alert(1)> & 'quotes' \"too\"";

    static final List<String> METRICS =
            List.of("faithfulness", "answer_relevancy", "context_recall");

    private SampleRuns() {}

    static JudgeInfo offlineJudge() {
        return new JudgeInfo(
                "offline", "offline-v1",
                "offline-v1: MiniLM embeddings + lexical evidence; no LLM calls", null);
    }

    static RunContext context(JudgeInfo judge) {
        return context(judge, new Accounting(5, 1, 5, 0, 0, 560, 75, 0.000129, List.of(), 0, 0, 0, 0,
                Map.of("faithfulness", 0.0001)));
    }

    static RunContext context(JudgeInfo judge, Accounting accounting) {
        Map<String, String> prompts = new LinkedHashMap<>();
        prompts.put("faithfulness/statements", "a1b2");
        prompts.put("faithfulness/verdicts", "c3d4");
        return new RunContext(
                "0.1.0",
                Instant.parse("2026-11-27T21:00:00Z"),
                Instant.parse("2026-11-27T21:00:01.234Z"),
                judge,
                "all-minilm-l6-v2 (in-process)",
                new DatasetInfo("golden-sets/demo.jsonl", "ab12cd34", "jsonl", 3),
                METRICS,
                prompts,
                null,
                accounting,
                null,
                null);
    }

    static List<SampleReport> samples() {
        Map<String, Object> statements = new LinkedHashMap<>();
        statements.put("statements", List.of(
                Map.of("statement", "Paris is the capital of France.", "verdict", true,
                        "reason", "stated in context 1"),
                Map.of("statement", "It has 3 million people.", "verdict", false,
                        "reason", "not in any context")));
        Map<String, Object> questions =
                Map.of("generated_questions", List.of("What is the capital of France?"),
                        "noncommittal", List.of(false), "cosines", List.of(0.9));

        Map<String, MetricResult> q1 = scores(
                MetricResult.scored("faithfulness", 0.5, "1 of 2 statements supported",
                        statements, new JudgeUsage(2, 300, 40)),
                MetricResult.scored("answer_relevancy", 0.9, "close to the question",
                        questions, new JudgeUsage(1, 100, 20)),
                MetricResult.scored("context_recall", 1.0, "all reference statements found",
                        Map.of(), new JudgeUsage(1, 150, 15)));
        Map<String, MetricResult> q2 = scores(
                MetricResult.scored("faithfulness", 1.0, "all statements supported",
                        Map.of(), JudgeUsage.NONE),
                MetricResult.notApplicable("answer_relevancy", "no question generated",
                        Map.of(), JudgeUsage.NONE),
                MetricResult.scored("context_recall", 0.5, "1 of 2 reference statements found",
                        Map.of(), JudgeUsage.NONE));
        Map<String, MetricResult> q3 = scores(
                MetricResult.error("faithfulness", "judge reply unparseable",
                        new JudgeUsage(1, 10, 0)),
                MetricResult.scored("answer_relevancy", 0.7, "partly evasive", Map.of(),
                        JudgeUsage.NONE),
                MetricResult.skipped("context_recall", "missing field: reference"));

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("topic", "geography");
        metadata.put("note", null);
        return List.of(
                new SampleReport("q1", 1, "What is the capital of France?",
                        List.of("Paris is the capital of France.", "France is in Europe."),
                        "Paris is the capital. It has 3 million people.",
                        "Paris", metadata, q1),
                new SampleReport("q2", 2, "Capital of France?",
                        List.of("Paris is the capital <b>of</b> France."),
                        XSS_RESPONSE, "Paris, on the Seine", Map.of(), q2),
                new SampleReport("q3", 3, "Who wrote Hamlet?", null,
                        "Shakespeare", null, null, q3));
    }

    static RunReport report(JudgeInfo judge, Thresholds thresholds) {
        return report(context(judge), thresholds);
    }

    static RunReport report(RunContext context, Thresholds thresholds) {
        List<SampleReport> samples = samples();
        List<MetricSummary> summaries = new ArrayList<>();
        for (String id : METRICS) {
            summaries.add(Summaries.of(
                    id, samples.stream().map(s -> s.scores().get(id)).toList()));
        }
        GateDecision decision = Gate.decide(summaries, thresholds);
        return RunReport.assemble(context, samples, summaries, thresholds, decision);
    }

    /** faithfulness 0.75 >= 0.7 passes; context_recall 0.75 < 0.9 fails. */
    static RunReport failingReport() {
        return report(offlineJudge(),
                new Thresholds(Map.of("faithfulness", 0.7, "context_recall", 0.9)));
    }

    static JudgeInfo llmJudge() {
        return new JudgeInfo("openai", "gpt-4o-mini", "LLM-as-judge: openai gpt-4o-mini, structured JSON verdicts", null);
    }

    /** {@link #failingReport()} judged by an LLM, whose calls and tokens the report shows. */
    static RunReport failingLlmReport() {
        return report(llmJudge(), new Thresholds(Map.of("faithfulness", 0.7, "context_recall", 0.9)));
    }

    static RunReport passingReport() {
        return report(offlineJudge(), new Thresholds(Map.of("faithfulness", 0.7)));
    }

    /** A run of one metric {@code m} over {@code samples}, gated on {@code minimums}. */
    static RunReport oneMetric(Map<String, Double> minimums, Iterable<SampleReport> samples) {
        List<MetricResult> results = new ArrayList<>();
        samples.forEach(s -> results.add(s.scores().get("m")));
        List<MetricSummary> summaries = List.of(Summaries.of("m", results));
        Thresholds thresholds = new Thresholds(minimums);
        GateDecision decision = Gate.decide(summaries, thresholds);
        RunContext base = context(offlineJudge());
        RunContext context = new RunContext(base.toolVersion(), base.started(), base.finished(), base.judge(),
                base.embeddingsModel(), base.dataset(), List.of("m"), base.promptHashes(), null,
                base.accounting(), null, null);
        return RunReport.assemble(context, samples, summaries, thresholds, decision);
    }

    private static Map<String, MetricResult> scores(MetricResult... results) {
        Map<String, MetricResult> map = new LinkedHashMap<>();
        for (MetricResult r : results) {
            map.put(r.metricId(), r);
        }
        return map;
    }
}
