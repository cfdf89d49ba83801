package dev.llmeval.metric.offline;

import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Scoring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sentences of one sample's texts, embedded together in one call. */
final class SampleText {

    private SampleText() {}

    /** Embedded statements plus the sentences of each chunk, tagged with the chunk's rank. */
    record Embedded(List<String> statements, List<float[]> statementVectors, List<Passage> passages) {

        List<Passage> passagesOf(int chunk) {
            return passages.stream().filter(p -> p.source() == chunk).toList();
        }
    }

    static Embedded embed(Embedder embedder, List<String> statements, List<String> chunks) {
        List<String> texts = new ArrayList<>(statements);
        List<Integer> sources = new ArrayList<>();
        for (int c = 0; c < chunks.size(); c++) {
            for (String s : Sentences.split(chunks.get(c))) {
                texts.add(s);
                sources.add(c);
            }
        }
        List<float[]> vectors = embedder.embed(texts);
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            int at = statements.size() + i;
            passages.add(new Passage(texts.get(at), vectors.get(at), sources.get(i)));
        }
        return new Embedded(List.copyOf(statements), vectors.subList(0, statements.size()), passages);
    }

    /**
     * The support verdict of each statement against all the chunks, at the {@link
     * Evidence#STRICT} bar: the shared step of faithfulness (answer sentences) and context recall
     * (reference sentences).
     */
    static List<Support> strictSupport(Embedder embedder, List<String> statements, List<String> chunks) {
        Embedded text = embed(embedder, statements, chunks);
        Evidence evidence = new Evidence(text.passages());
        List<Support> supports = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            supports.add(evidence.check(statements.get(i), text.statementVectors().get(i), Evidence.STRICT));
        }
        return supports;
    }

    /**
     * The share of {@code sentences} (not empty) the chunks support at the strict bar, scored as
     * {@code metricId}, with the method and each verdict in the details. The reason reads "all N
     * {@code what} {@code supported} the contexts" or "k of N {@code what} not {@code supported}
     * the contexts: 'first failure' (its problem)".
     */
    static MetricResult strictShare(String metricId, Embedder embedder, List<String> sentences, List<String> chunks,
            String what, String supported) {
        List<Support> supports = strictSupport(embedder, sentences, chunks);
        double score = Scoring.share(supports.stream().map(Support::supported).toList()).orElseThrow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", OfflineMetrics.method());
        details.put("statements", supports.stream().map(Support::toDetails).toList());
        List<Support> failed = supports.stream().filter(x -> !x.supported()).toList();
        String reason = failed.isEmpty()
                ? (supports.size() == 1 ? "the only " + what.substring(0, what.length() - 1) : "all " + supports.size() + " " + what) + " " + supported + " the contexts"
                : failed.size() + " of " + supports.size() + " " + what + " not " + supported + " the contexts: "
                        + quote(failed.get(0).statement()) + " (" + failed.get(0).problem() + ")";
        return MetricResult.scored(metricId, score, reason, details, JudgeUsage.NONE);
    }

    static String quote(String s) {
        String t = s.length() > 80 ? s.substring(0, 77) + "..." : s;
        return "'" + t + "'";
    }
}
