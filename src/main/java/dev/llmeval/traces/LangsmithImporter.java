package dev.llmeval.traces;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmeval.dataset.GoldenSample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * LangSmith runs as JSON (an array, {@code {"runs": [...]}}, one run per line, or run trees with
 * {@code child_runs}): runs are grouped by {@code trace_id} (else by their root, following {@code
 * parent_run_id}); the question and the answer are the root run's {@code inputs} and {@code
 * outputs} (else the last {@code llm} run's), the contexts the {@code documents[*].page_content}
 * of a {@code run_type=retriever} run's outputs.
 */
final class LangsmithImporter implements TraceSource {

    private final TraceFields fields;

    LangsmithImporter(TraceFields fields) {
        this.fields = fields;
    }

    @Override
    public void read(Path input, Consumer<Trace> each) {
        List<JsonNode> runs = new ArrayList<>();
        for (Path file : TraceFiles.files(input)) {
            TraceFiles.records(file, run -> flatten(run, runs));
        }
        Map<String, JsonNode> byId = new HashMap<>();
        runs.forEach(r -> byId.put(Records.text(r, "id"), r));
        Map<String, List<JsonNode>> byTrace = new LinkedHashMap<>();
        for (JsonNode run : runs) {
            byTrace.computeIfAbsent(traceId(run, byId), k -> new ArrayList<>()).add(run);
        }
        byTrace.forEach((id, group) -> each.accept(trace(id, group)));
    }

    private static void flatten(JsonNode run, List<JsonNode> out) {
        if (!run.isObject()) {
            return;
        }
        out.add(run);
        for (JsonNode child : run.path("child_runs")) {
            flatten(child, out);
        }
    }

    private static String traceId(JsonNode run, Map<String, JsonNode> byId) {
        String traceId = Records.text(run, "trace_id");
        if (traceId != null) {
            return traceId;
        }
        JsonNode at = run;
        for (int hops = 0; hops < 1000; hops++) {
            String parent = Records.text(at, "parent_run_id");
            if (parent == null || !byId.containsKey(parent)) {
                break;
            }
            at = byId.get(parent);
        }
        return String.valueOf(Records.text(at, "id"));
    }

    private Trace trace(String traceId, List<JsonNode> unsorted) {
        List<JsonNode> runs = new ArrayList<>(unsorted);
        runs.sort(Comparator.comparing(r -> String.valueOf(Records.text(r, "start_time"))));
        JsonNode root = runs.stream().filter(r -> Records.text(r, "parent_run_id") == null).findFirst().orElse(runs.get(0));
        List<String> spanIds = new ArrayList<>();
        spanIds.add(Records.text(root, "id"));
        JsonNode inputs = root.path("inputs");
        JsonNode outputs = root.path("outputs");
        String convention = "langsmith";
        String question = null;
        String answer = null;
        if (fields.configured()) {
            question = Records.pointed(inputs, fields.question(), Content::question);
            answer = Records.pointed(outputs, fields.answer(), Content::answer);
            convention = question != null ? "configured" : convention;
        }
        question = LangfuseImporter.first(question, Content.question(inputs));
        answer = LangfuseImporter.first(answer, Content.answer(outputs));
        List<JsonNode> llms = runs.stream().filter(r -> "llm".equals(Records.text(r, "run_type"))).toList();
        if (answer == null && !llms.isEmpty()) {
            JsonNode last = llms.get(llms.size() - 1);
            answer = Content.answer(last.path("outputs"));
            if (answer != null) {
                spanIds.add(Records.text(last, "id"));
            }
        }
        List<Content.Doc> docs = List.of();
        for (JsonNode r : runs) {
            if ("retriever".equals(Records.text(r, "run_type"))) {
                List<Content.Doc> found = Records.retrieved(r.path("outputs"), fields.contexts());
                if (!found.isEmpty()) {
                    docs = found;
                    spanIds.add(Records.text(r, "id"));
                    break;
                }
            }
        }
        GoldenSample sample = question == null ? null : new GoldenSample(null, 0, question,
                docs.stream().map(Content.Doc::text).toList(), answer, null, null, Records.ids(docs), null, null);
        boolean error = runs.stream().anyMatch(r -> Records.text(r, "error") != null || "error".equals(Records.text(r, "status")));
        Map<String, Double> scores = new LinkedHashMap<>();
        for (JsonNode r : runs) {
            for (Map.Entry<String, JsonNode> f : r.path("feedback_stats").properties()) {
                double avg = Records.number(f.getValue().path("avg"));
                if (!Double.isNaN(avg)) {
                    scores.merge(f.getKey(), avg, Math::min);
                }
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (Records.text(root, "name") != null) {
            attributes.put("name", Records.text(root, "name"));
        }
        Records.flatten("", root.path("extra").path("metadata"), attributes);
        spanIds.removeIf(java.util.Objects::isNull);
        return new Trace("langsmith", convention, traceId, spanIds.stream().distinct().toList(),
                Records.text(root, "start_time"), sample, new Signals(error, scores, List.of()), attributes);
    }
}
