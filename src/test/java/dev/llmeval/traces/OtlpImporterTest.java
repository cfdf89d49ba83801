package dev.llmeval.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpImporterTest {

    private final Map<String, Trace> genAi = Fixtures.read("otlp", "otlp/genai.jsonl");

    @Test
    void should_read_a_gen_ai_trace_whose_nested_spans_come_in_two_export_lines() {
        Trace t = genAi.get("5b8efff798038103d269b633813fc60c");

        assertThat(t.convention()).isEqualTo("gen_ai");
        assertThat(t.sample().userInput()).startsWith("How do I rotate the API key for the billing service?");
        assertThat(t.sample().response()).startsWith("Open Settings > Keys and choose Rotate");
        assertThat(t.sample().retrievedContexts()).hasSize(2).first().asString().startsWith("Billing keys are rotated");
        assertThat(t.sample().retrievedContextIds()).containsExactly("kb-112", "kb-087");
        assertThat(t.spanIds()).containsExactly("a000000000000001", "a000000000000003", "a000000000000004");
        assertThat(t.timestamp()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(t.attributes()).containsEntry("route", "billing").containsEntry("service.name", "docs-assistant");
        assertThat(t.signals().finishReasons()).contains("stop");
    }

    @Test
    void should_read_a_trace_without_captured_content_as_no_sample() {
        Trace t = genAi.get("6e0c63257de34c92bf9efcd03927272e");

        assertThat(t.hasContent()).isFalse();
        assertThat(t.sample()).isNull();
    }

    @Test
    void should_read_the_older_prompt_and_completion_attributes_and_the_error_status() {
        Trace t = genAi.get("0af7651916cd43dd8448eb211c80319c");

        assertThat(t.convention()).isEqualTo("gen_ai.legacy");
        assertThat(t.sample().userInput()).isEqualTo("Which regions is the service hosted in?");
        assertThat(t.sample().response()).isEqualTo("It runs in eu-west-1 and us-east-1.");
        assertThat(t.sample().retrievedContexts()).isEmpty();
        assertThat(t.signals().error()).isTrue();
    }

    @Test
    void should_unwrap_structured_message_attributes_and_read_evaluation_events() {
        Trace t = genAi.get("4bf92f3577b34da6a3ce929d0e0e4736");

        assertThat(t.sample().userInput()).isEqualTo("Can I export my invoices as CSV?");
        assertThat(t.sample().response()).isEqualTo("Yes: Billing > Invoices > Export CSV.");
        assertThat(t.signals().scores()).containsEntry("faithfulness", 0.2);
    }

    @Test
    void should_prefer_the_reranked_documents_in_an_open_inference_trace() {
        Trace t = Fixtures.read("otlp", "otlp/openinference.jsonl").get("1f2e3d4c5b6a79880f1e2d3c4b5a6978");

        assertThat(t.convention()).isEqualTo("openinference");
        assertThat(t.sample().userInput()).isEqualTo("What is the retention period for deleted snapshots?");
        assertThat(t.sample().response()).isEqualTo("Deleted snapshots are kept for 30 days, then purged.");
        assertThat(t.sample().retrievedContexts()).containsExactly(
                "Deleted snapshots are retained for 30 days before purge.", "Snapshots are taken every hour.");
        assertThat(t.sample().retrievedContextIds()).containsExactly("doc-3", "doc-7");
        assertThat(t.spanIds()).containsExactly("e000000000000001", "e000000000000003");
        assertThat(t.attributes()).containsEntry("tenant", "acme");
    }

    @Test
    void should_read_every_file_of_a_folder() {
        Map<String, Trace> all = Fixtures.read("otlp", "otlp");

        assertThat(all).hasSize(5);
    }

    @Test
    void should_take_the_configured_attributes_first() {
        TraceFields fields = new TraceFields(List.of("http.route"), List.of(), List.of());

        Trace t = Fixtures.read("otlp", "otlp/genai.jsonl", fields).get("5b8efff798038103d269b633813fc60c");

        assertThat(t.convention()).isEqualTo("configured");
        assertThat(t.sample().userInput()).isEqualTo("/ask");
    }
}
