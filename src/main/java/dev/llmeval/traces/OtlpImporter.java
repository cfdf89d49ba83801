package dev.llmeval.traces;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmeval.dataset.GoldenSample;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * OTLP/JSON trace exports as the OpenTelemetry Collector's file exporter writes them: one {@code
 * TracesData} object per line ({@code resourceSpans[].scopeSpans[].spans[]}), ids in hex,
 * attribute values wrapped as {@code {"stringValue": ...}}. Spans are grouped by trace id; the
 * content is read with the OpenInference conventions when a span carries {@code
 * openinference.span.kind}, else with the OpenTelemetry GenAI conventions (the current {@code
 * gen_ai.input.messages} / {@code gen_ai.output.messages} and retrieval spans, or the older
 * {@code gen_ai.prompt.{i}.content} / {@code gen_ai.completion.{i}.content}).
 */
final class OtlpImporter implements TraceSource {

    /** Attributes that hold content, never copied into the attributes kept for stratification. */
    private static final Set<String> CONTENT_PREFIXES = Set.of("input.", "output.", "gen_ai.input", "gen_ai.output",
            "gen_ai.prompt", "gen_ai.completion", "gen_ai.retrieval", "gen_ai.system_instructions", "retrieval.",
            "reranker.", "llm.input_messages", "llm.output_messages", "llm.prompt", "gen_ai.tool", "tool.", "user.",
            "session.", "enduser.");

    private final TraceFields fields;

    OtlpImporter(TraceFields fields) {
        this.fields = fields;
    }

    @Override
    public void read(Path input, Consumer<Trace> each) {
        Map<String, List<OtlpSpan>> byTrace = new LinkedHashMap<>();
        for (Path file : TraceFiles.files(input)) {
            TraceFiles.values(file, value -> spans(value, span -> byTrace.computeIfAbsent(span.traceId(),
                    k -> new ArrayList<>()).add(span)));
        }
        byTrace.forEach((traceId, spans) -> each.accept(trace(traceId, spans)));
    }

    private static void spans(JsonNode tracesData, Consumer<OtlpSpan> each) {
        for (JsonNode resourceSpans : tracesData.path("resourceSpans")) {
            Map<String, JsonNode> resource = Attributes.of(resourceSpans.path("resource").path("attributes"));
            JsonNode scopes = resourceSpans.has("scopeSpans") ? resourceSpans.get("scopeSpans")
                    : resourceSpans.path("instrumentationLibrarySpans");
            for (JsonNode scope : scopes) {
                for (JsonNode s : scope.path("spans")) {
                    String traceId = s.path("traceId").asText("").toLowerCase(Locale.ROOT);
                    if (traceId.isEmpty()) {
                        continue;
                    }
                    List<OtlpSpan.Event> events = new ArrayList<>();
                    for (JsonNode e : s.path("events")) {
                        events.add(new OtlpSpan.Event(e.path("name").asText(""), Attributes.of(e.path("attributes"))));
                    }
                    JsonNode code = s.path("status").path("code");
                    boolean error = code.asInt(0) == 2 || "STATUS_CODE_ERROR".equals(code.asText());
                    each.accept(new OtlpSpan(traceId, s.path("spanId").asText("").toLowerCase(Locale.ROOT),
                            s.path("parentSpanId").asText("").toLowerCase(Locale.ROOT), s.path("name").asText(""),
                            s.path("startTimeUnixNano").asLong(0), error, Attributes.of(s.path("attributes")), events,
                            resource));
                }
            }
        }
    }

    private Trace trace(String traceId, List<OtlpSpan> unsorted) {
        List<OtlpSpan> spans = new ArrayList<>(unsorted);
        spans.sort(Comparator.comparingLong(OtlpSpan::startNanos));
        Set<String> ids = new java.util.HashSet<>();
        spans.forEach(s -> ids.add(s.spanId()));
        OtlpSpan root = spans.stream().filter(s -> s.parentId().isEmpty() || !ids.contains(s.parentId()))
                .findFirst().orElse(spans.get(0));
        List<OtlpSpan> ordered = new ArrayList<>();
        ordered.add(root);
        spans.stream().filter(s -> s != root).forEach(ordered::add);

        Extraction x = new Extraction();
        if (fields.configured()) {
            configured(ordered, x);
        }
        if (spans.stream().anyMatch(s -> s.text("openinference.span.kind") != null)) {
            openInference(root, spans, x);
        } else {
            genAi(spans, x);
        }
        GoldenSample sample = x.question == null ? null : new GoldenSample(null, 0, x.question,
                x.docs.stream().map(Content.Doc::text).toList(), x.answer, null, null, Records.ids(x.docs), null, null);
        List<String> spanIds = new ArrayList<>(List.of(root.spanId()));
        x.spans.forEach(s -> {
            if (!spanIds.contains(s.spanId())) {
                spanIds.add(s.spanId());
            }
        });
        return new Trace("otlp", x.convention, traceId, spanIds,
                root.startNanos() > 0 ? Instant.ofEpochSecond(0, root.startNanos()).toString() : null, sample,
                signals(spans), plain(root));
    }

    /** What has been read so far, and from which spans. */
    private static final class Extraction {
        String convention;
        String question;
        String answer;
        List<Content.Doc> docs = List.of();
        final Set<OtlpSpan> spans = new LinkedHashSet<>();

        void question(String q, OtlpSpan from, String conv) {
            if (question == null && q != null) {
                question = q;
                spans.add(from);
                convention = convention == null ? conv : convention;
            }
        }

        void answer(String a, OtlpSpan from) {
            if (answer == null && a != null) {
                answer = a;
                spans.add(from);
            }
        }

        void docs(List<Content.Doc> d, OtlpSpan from) {
            if (docs.isEmpty() && !d.isEmpty()) {
                docs = d;
                spans.add(from);
            }
        }
    }

    private void configured(List<OtlpSpan> spans, Extraction x) {
        for (OtlpSpan s : spans) {
            for (String attr : fields.question()) {
                Attributes.indexed(s.attributes(), attr).stream().findFirst()
                        .ifPresent(v -> x.question(Content.question(v), s, "configured"));
            }
            for (String attr : fields.answer()) {
                Attributes.indexed(s.attributes(), attr).stream().findFirst().ifPresent(v -> x.answer(Content.answer(v), s));
            }
            for (String attr : fields.contexts()) {
                // a flattened list ({i}) holds one text per item; a single attribute holds a list of documents
                List<JsonNode> values = Attributes.indexed(s.attributes(), attr);
                x.docs(attr.contains("{i}")
                        ? values.stream().filter(JsonNode::isValueNode).map(v -> new Content.Doc(v.asText(), null)).toList()
                        : values.isEmpty() ? List.of() : Content.documents(values.get(0)), s);
            }
        }
    }

    /** OpenInference: the root's input.value and output.value; reranker output documents before retriever documents. */
    private static void openInference(OtlpSpan root, List<OtlpSpan> spans, Extraction x) {
        x.question(Content.question(root.attr("input.value")), root, "openinference");
        x.answer(Content.answer(root.attr("output.value")), root);
        List<OtlpSpan> llms = spans.stream().filter(s -> s.kind().equals("LLM")).toList();
        if (x.question == null) {
            for (OtlpSpan llm : llms) {
                x.question(lastOfRole(llm, "llm.input_messages.{i}.message.role", "llm.input_messages.{i}.message.content", "user"),
                        llm, "openinference");
            }
        }
        if (x.answer == null && !llms.isEmpty()) {
            OtlpSpan last = llms.get(llms.size() - 1);
            x.answer(lastOfRole(last, "llm.output_messages.{i}.message.role", "llm.output_messages.{i}.message.content",
                    "assistant"), last);
        }
        List<OtlpSpan> rerankers = spans.stream().filter(s -> s.kind().equals("RERANKER")).toList();
        if (!rerankers.isEmpty()) {
            OtlpSpan last = rerankers.get(rerankers.size() - 1);
            x.docs(flattenedDocs(last, "reranker.output_documents"), last);
        }
        for (OtlpSpan retriever : spans.stream().filter(s -> s.kind().equals("RETRIEVER")).toList()) {
            x.docs(flattenedDocs(retriever, "retrieval.documents"), retriever);
        }
    }

    /** {@code prefix.{i}.document.content} and {@code .id}. */
    private static List<Content.Doc> flattenedDocs(OtlpSpan span, String prefix) {
        Map<Integer, String> ids = new HashMap<>();
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(prefix) + "\\.(\\d+)\\.document\\.(content|id)");
        java.util.TreeMap<Integer, String> byIndex = new java.util.TreeMap<>();
        span.attributes().forEach((key, value) -> {
            java.util.regex.Matcher m = p.matcher(key);
            if (m.matches() && value.isValueNode()) {
                int i = Integer.parseInt(m.group(1));
                if (m.group(2).equals("content")) {
                    byIndex.put(i, value.asText());
                } else {
                    ids.put(i, value.asText());
                }
            }
        });
        List<Content.Doc> docs = new ArrayList<>();
        byIndex.forEach((i, text) -> {
            if (!text.isBlank()) {
                docs.add(new Content.Doc(text, ids.get(i)));
            }
        });
        return docs;
    }

    /**
     * The last {@code contents} value whose {@code roles} value at the same index is {@code role}
     * (case-insensitive; a missing role counts as {@code role}), e.g. {@code llm.input_messages.{i}.message.role}
     * and {@code .content}, or {@code gen_ai.prompt.{i}.role} and {@code .content}.
     */
    private static String lastOfRole(OtlpSpan span, String roles, String contents, String role) {
        List<JsonNode> r = Attributes.indexed(span.attributes(), roles);
        List<JsonNode> c = Attributes.indexed(span.attributes(), contents);
        String found = null;
        for (int i = 0; i < c.size(); i++) {
            if (i >= r.size() || r.get(i).asText().equalsIgnoreCase(role)) {
                found = Content.blankToNull(c.get(i).asText());
            }
        }
        return found;
    }

    /** GenAI semantic conventions: retrieval query and documents, chat input and output messages, or the legacy attributes. */
    private static void genAi(List<OtlpSpan> spans, Extraction x) {
        List<OtlpSpan> retrievals = spans.stream().filter(s -> "retrieval".equals(s.text("gen_ai.operation.name"))
                || s.attr("gen_ai.retrieval.documents") != null).toList();
        List<OtlpSpan> chats = spans.stream().filter(s -> s.attr("gen_ai.input.messages") != null
                || s.attr("gen_ai.output.messages") != null).toList();
        for (OtlpSpan r : retrievals) {
            x.question(Content.blankToNull(r.text("gen_ai.retrieval.query.text")), r, "gen_ai");
        }
        for (int i = chats.size() - 1; i >= 0 && x.question == null; i--) {
            x.question(Content.question(chats.get(i).attr("gen_ai.input.messages")), chats.get(i), "gen_ai");
        }
        for (int i = chats.size() - 1; i >= 0 && x.answer == null; i--) {
            x.answer(Content.answer(chats.get(i).attr("gen_ai.output.messages")), chats.get(i));
        }
        for (OtlpSpan r : retrievals) {
            if (x.docs.isEmpty()) {
                x.docs(Content.documents(r.attr("gen_ai.retrieval.documents")), r);
            }
        }
        List<OtlpSpan> legacy = spans.stream().filter(s -> Attributes.anyStartsWith(s.attributes(), "gen_ai.prompt.")
                || Attributes.anyStartsWith(s.attributes(), "gen_ai.completion.")).toList();
        for (int i = legacy.size() - 1; i >= 0; i--) {
            OtlpSpan s = legacy.get(i);
            x.question(lastOfRole(s, "gen_ai.prompt.{i}.role", "gen_ai.prompt.{i}.content", "user"), s, "gen_ai.legacy");
            x.answer(lastOfRole(s, "gen_ai.completion.{i}.role", "gen_ai.completion.{i}.content", "assistant"), s);
        }
        if (x.question != null && x.convention == null) {
            x.convention = "gen_ai";
        }
    }

    private static Signals signals(List<OtlpSpan> spans) {
        boolean error = spans.stream().anyMatch(OtlpSpan::error);
        Map<String, Double> scores = new LinkedHashMap<>();
        List<String> finish = new ArrayList<>();
        for (OtlpSpan s : spans) {
            for (OtlpSpan.Event e : s.events()) {
                JsonNode name = e.attributes().get("gen_ai.evaluation.name");
                JsonNode value = e.attributes().get("gen_ai.evaluation.score.value");
                if (e.name().equals("gen_ai.evaluation.result") && name != null && value != null && value.isNumber()) {
                    scores.merge(name.asText(), value.asDouble(), Math::min);
                }
            }
            JsonNode reasons = s.attr("gen_ai.response.finish_reasons");
            if (reasons != null && reasons.isArray()) {
                reasons.forEach(r -> finish.add(r.asText()));
            }
            JsonNode out = s.attr("gen_ai.output.messages");
            JsonNode parsed = out != null && out.isTextual() ? Json.parseIfJson(out.asText()) : out;
            if (parsed != null && parsed.isArray()) {
                parsed.forEach(m -> {
                    if (m.path("finish_reason").isTextual()) {
                        finish.add(m.get("finish_reason").asText());
                    }
                });
            }
        }
        return new Signals(error, scores, finish);
    }

    /** The resource's and root span's scalar attributes that hold no content, as text. */
    private static Map<String, String> plain(OtlpSpan root) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, JsonNode> all = new LinkedHashMap<>(root.resource());
        all.putAll(root.attributes());
        all.forEach((key, value) -> {
            if (value.isValueNode() && !value.isNull() && CONTENT_PREFIXES.stream().noneMatch(key::startsWith)) {
                out.put(key, value.asText());
            }
        });
        return out;
    }
}
