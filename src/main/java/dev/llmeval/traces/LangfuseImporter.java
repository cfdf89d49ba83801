package dev.llmeval.traces;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmeval.dataset.GoldenSample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Langfuse exports: observations as the public API returns them (a page {@code {"data": [...],
 * "meta": {...}}}, an array, or one per line), traces (with their {@code observations} and
 * {@code scores} nested, as {@code GET /api/public/traces/{id}} returns them, or as rows), scores,
 * and the UI and blob-storage exports (JSON, JSONL or CSV, snake_case fields such as {@code
 * trace_id} and {@code parent_observation_id}). The question and the answer are the trace's input
 * and output, else the root observation's, else the last {@code GENERATION}'s; the contexts are the
 * output documents of a {@code RETRIEVER} observation (or of one named after a retriever or a
 * reranker; a reranker's documents come first).
 */
final class LangfuseImporter implements TraceSource {

    private final TraceFields fields;

    LangfuseImporter(TraceFields fields) {
        this.fields = fields;
    }

    /** What one trace's records say. */
    private static final class Acc {
        JsonNode trace;
        final List<JsonNode> observations = new ArrayList<>();
        final Map<String, Double> scores = new LinkedHashMap<>();
    }

    @Override
    public void read(Path input, Consumer<Trace> each) {
        Map<String, Acc> byTrace = new LinkedHashMap<>();
        for (Path file : TraceFiles.files(input)) {
            TraceFiles.records(file, record -> add(record, byTrace));
        }
        byTrace.forEach((id, acc) -> {
            if (acc.trace != null || !acc.observations.isEmpty()) {
                each.accept(trace(id, acc));
            }
        });
    }

    private static void add(JsonNode record, Map<String, Acc> byTrace) {
        String traceId = Records.text(record, "traceId", "trace_id");
        boolean observation = record.has("type") && traceId != null;
        boolean score = !record.has("type") && traceId != null && (record.has("value") || record.has("stringValue")
                || record.has("string_value"));
        if (observation) {
            byTrace.computeIfAbsent(traceId, k -> new Acc()).observations.add(record);
        } else if (score) {
            String name = Records.text(record, "name");
            double value = Records.number(Records.field(record, "value"));
            if (name != null && !Double.isNaN(value)) {
                byTrace.computeIfAbsent(traceId, k -> new Acc()).scores.merge(name, value, Math::min);
            }
        } else if (traceId == null && Records.text(record, "id") != null) {
            Acc acc = byTrace.computeIfAbsent(Records.text(record, "id"), k -> new Acc());
            acc.trace = record;
            for (JsonNode nested : record.path("observations")) {
                if (nested.isObject()) {
                    acc.observations.add(nested);
                }
            }
            for (JsonNode nested : record.path("scores")) {
                if (nested.isObject() && Records.text(nested, "name") != null) {
                    double value = Records.number(Records.field(nested, "value"));
                    if (!Double.isNaN(value)) {
                        acc.scores.merge(Records.text(nested, "name"), value, Math::min);
                    }
                }
            }
        }
    }

    private Trace trace(String traceId, Acc acc) {
        List<JsonNode> obs = new ArrayList<>(acc.observations);
        obs.sort(Comparator.comparing(o -> String.valueOf(Records.text(o, "startTime", "start_time"))));
        JsonNode root = obs.stream().filter(o -> Records.text(o, "parentObservationId", "parent_observation_id") == null)
                .findFirst().orElse(obs.isEmpty() ? null : obs.get(0));
        List<JsonNode> generations = obs.stream().filter(o -> "GENERATION".equals(Records.text(o, "type"))).toList();
        JsonNode lastGeneration = generations.isEmpty() ? null : generations.get(generations.size() - 1);
        List<String> spanIds = new ArrayList<>();
        if (root != null) {
            spanIds.add(Records.text(root, "id"));
        }

        JsonNode traceInput = acc.trace == null ? null : Records.field(acc.trace, "input");
        JsonNode traceOutput = acc.trace == null ? null : Records.field(acc.trace, "output");
        JsonNode rootInput = root == null ? null : Records.field(root, "input");
        JsonNode rootOutput = root == null ? null : Records.field(root, "output");
        String convention = "langfuse";
        String question = null;
        String answer = null;
        if (fields.configured()) {
            question = first(Records.pointed(traceInput, fields.question(), Content::question),
                    Records.pointed(rootInput, fields.question(), Content::question));
            answer = first(Records.pointed(traceOutput, fields.answer(), Content::answer),
                    Records.pointed(rootOutput, fields.answer(), Content::answer));
            convention = question != null ? "configured" : convention;
        }
        question = first(question, Content.question(traceInput), Content.question(rootInput));
        if (question == null) {
            for (JsonNode g : generations) {
                question = first(question, Content.question(Records.field(g, "input")));
            }
        }
        answer = first(answer, Content.answer(traceOutput), Content.answer(rootOutput));
        if (answer == null && lastGeneration != null) {
            answer = Content.answer(Records.field(lastGeneration, "output"));
            if (answer != null) {
                spanIds.add(Records.text(lastGeneration, "id"));
            }
        }
        List<Content.Doc> docs = List.of();
        for (JsonNode o : retrievers(obs)) {
            List<Content.Doc> found = Records.retrieved(Records.field(o, "output"), fields.contexts());
            if (!found.isEmpty()) {
                docs = found;
                spanIds.add(Records.text(o, "id"));
                break;
            }
        }
        GoldenSample sample = question == null ? null : new GoldenSample(null, 0, question,
                docs.stream().map(Content.Doc::text).toList(), answer, null, null, Records.ids(docs), null, null);
        boolean error = obs.stream().anyMatch(o -> "ERROR".equals(Records.text(o, "level")));
        String timestamp = first(acc.trace == null ? null : Records.text(acc.trace, "timestamp"),
                root == null ? null : Records.text(root, "startTime", "start_time"));
        spanIds.removeIf(java.util.Objects::isNull);
        return new Trace("langfuse", convention, traceId, spanIds.stream().distinct().toList(), timestamp, sample,
                new Signals(error, acc.scores, List.of()), attributes(acc.trace, root));
    }

    /** Rerankers first (the last one), then retrievers in time order. */
    private static List<JsonNode> retrievers(List<JsonNode> obs) {
        List<JsonNode> rerankers = new ArrayList<>();
        List<JsonNode> retrievers = new ArrayList<>();
        for (JsonNode o : obs) {
            String name = String.valueOf(Records.text(o, "name")).toLowerCase(Locale.ROOT);
            if (name.contains("rerank")) {
                rerankers.add(0, o);
            } else if ("RETRIEVER".equals(Records.text(o, "type")) || name.contains("retriev")) {
                retrievers.add(o);
            }
        }
        rerankers.addAll(retrievers);
        return rerankers;
    }

    private static Map<String, String> attributes(JsonNode trace, JsonNode root) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode source = trace != null ? trace : root;
        if (source == null) {
            return out;
        }
        for (String key : List.of("name", "release", "version", "environment")) {
            String v = Records.text(source, key);
            if (v != null) {
                out.put(key, v);
            }
        }
        JsonNode tags = Records.field(source, "tags");
        if (tags.isArray() && !tags.isEmpty()) {
            List<String> t = new ArrayList<>();
            tags.forEach(tag -> t.add(tag.asText()));
            out.put("tags", String.join(",", t));
        }
        JsonNode metadata = Records.field(source, "metadata");
        Records.flatten("", metadata.isTextual() && Json.parseIfJson(metadata.asText()) != null
                ? Json.parseIfJson(metadata.asText()) : metadata, out);
        return out;
    }

    static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
