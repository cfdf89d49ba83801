package dev.llmeval.metric.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads a RAGAS-style JSONL file grouped by question and computes pairwise accuracy. */
final class Pairs {

    private final Map<String, Map<String, EvaluatedSample>> byQuestion = new LinkedHashMap<>();

    private Pairs() {}

    static Pairs load(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Pairs pairs = new Pairs();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            List<String> contexts = new ArrayList<>();
            n.path("retrieved_contexts").forEach(c -> contexts.add(c.asText()));
            EvaluatedSample sample = new EvaluatedSample(n.get("id").asText(),
                    n.get("user_input").asText(), n.get("response").asText(), contexts,
                    n.hasNonNull("reference") ? n.get("reference").asText() : null);
            pairs.byQuestion.computeIfAbsent(n.get("question_id").asText(), k -> new LinkedHashMap<>())
                    .put(n.has("label") ? n.get("label").asText() : n.get("context_label").asText(), sample);
        }
        return pairs;
    }

    int questions() {
        return byQuestion.size();
    }

    /** Share of questions where {@code better} scores strictly higher; ties and N/A are wrong. */
    double accuracy(Metric metric, String better, String worse) {
        int right = 0;
        for (Map<String, EvaluatedSample> q : byQuestion.values()) {
            if (value(metric.score(q.get(better))) > value(metric.score(q.get(worse)))) {
                right++;
            }
        }
        return (double) right / byQuestion.size();
    }

    /** The same comparison for the answer length alone. */
    double lengthAccuracy(String better, String worse) {
        long right = byQuestion.values().stream()
                .filter(q -> q.get(better).answer().length() > q.get(worse).answer().length())
                .count();
        return (double) right / byQuestion.size();
    }

    /** Accuracy restricted to the questions where length alone gets it wrong. */
    double accuracyWhereLengthFails(Metric metric, String better, String worse) {
        int n = 0;
        int right = 0;
        for (Map<String, EvaluatedSample> q : byQuestion.values()) {
            if (q.get(better).answer().length() > q.get(worse).answer().length()) {
                continue;
            }
            n++;
            if (value(metric.score(q.get(better))) > value(metric.score(q.get(worse)))) {
                right++;
            }
        }
        return n == 0 ? Double.NaN : (double) right / n;
    }

    int countWhereLengthFails(String better, String worse) {
        return (int) byQuestion.values().stream()
                .filter(q -> q.get(better).answer().length() <= q.get(worse).answer().length())
                .count();
    }

    List<EvaluatedSample> samples(String label) {
        return byQuestion.values().stream().map(q -> q.get(label)).toList();
    }

    private static double value(MetricResult r) {
        return r.score() == null ? -1 : r.score();
    }

    static void report(String name, String text) throws IOException {
        System.out.println(text);
        Path dir = Path.of("target", "accuracy");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".txt"), text + System.lineSeparator());
    }
}
