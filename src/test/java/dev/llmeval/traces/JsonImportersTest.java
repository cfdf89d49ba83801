package dev.llmeval.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonImportersTest {

    @Test
    void should_read_a_langfuse_api_page_of_observations() {
        Map<String, Trace> traces = Fixtures.read("langfuse", "langfuse/observations-page.json");

        Trace f = traces.get("trace-f");
        assertThat(f.sample().userInput()).startsWith("Does Tidewater support SSO with Okta?");
        assertThat(f.sample().response()).isEqualTo("Yes. Tidewater supports SAML SSO with Okta on the Business plan and above.");
        assertThat(f.sample().retrievedContexts()).hasSize(2);
        assertThat(f.sample().retrievedContextIds()).containsExactly("sso-01", "pricing-04");
        assertThat(f.spanIds()).containsExactly("obs-root-f", "obs-gen-f", "obs-ret-f");
        assertThat(f.attributes()).containsEntry("route", "sso");

        Trace g = traces.get("trace-g");
        assertThat(g.sample().userInput()).isEqualTo("How do I restore a single file from last Tuesday?");
        assertThat(g.sample().retrievedContexts()).containsExactly("tidewater restore --path <file> --at <date> restores one file.");
        assertThat(g.signals().error()).isTrue();
    }

    @Test
    void should_read_langfuse_traces_with_nested_observations_and_scores() {
        Map<String, Trace> traces = Fixtures.read("langfuse", "langfuse/traces.jsonl");

        Trace h = traces.get("trace-h");
        assertThat(h.sample().userInput()).startsWith("Why was I charged twice this month?");
        assertThat(h.sample().response()).startsWith("I'm sorry, but I can't help");
        assertThat(h.sample().retrievedContexts()).containsExactly("Duplicate charges are refunded within 5 business days.");
        assertThat(h.signals().scores()).containsEntry("user-feedback", 0.0);
        assertThat(h.attributes()).containsEntry("route", "billing").containsEntry("language", "de");
        assertThat(traces.get("trace-i").hasContent()).isFalse();
    }

    @Test
    void should_read_a_langfuse_blob_export_in_csv() {
        Trace j = Fixtures.read("langfuse", "langfuse/blob-observations.csv").get("trace-j");

        assertThat(j.sample().userInput()).isEqualTo("Which ports does the sync agent need open?");
        assertThat(j.sample().response()).isEqualTo("Only outbound TCP 8420.");
        assertThat(j.sample().retrievedContexts()).containsExactly("The sync agent uses TCP 8420 outbound only.");
        assertThat(j.timestamp()).isEqualTo("2026-01-07 08:00:00.000000");
    }

    @Test
    void should_read_langsmith_run_trees_and_flat_runs() {
        Map<String, Trace> traces = Fixtures.read("langsmith", "langsmith/runs.json");

        Trace a = traces.get("1b0e2c3d-0000-4000-8000-000000000001");
        assertThat(a.sample().userInput()).isEqualTo("How many devices can one account sync?");
        assertThat(a.sample().response()).isEqualTo("Up to 5 devices on the Personal plan, unlimited on Business.");
        assertThat(a.sample().retrievedContexts()).containsExactly("Personal plan: up to 5 devices.", "Business plan: unlimited devices.");
        assertThat(a.sample().retrievedContextIds()).containsExactly("plans-1", "plans-2");
        assertThat(a.signals().scores()).containsEntry("correctness", 0.9);

        Trace b = traces.get("2c1f3d4e-0000-4000-8000-000000000001");
        assertThat(b.sample().userInput()).isEqualTo("Email me the audit log at ops-lead@northwind.io");
        assertThat(b.sample().response()).isNull();
        assertThat(b.sample().retrievedContexts()).containsExactly("Audit logs are downloadable from Admin > Audit.");
        assertThat(b.signals().error()).isTrue();
        assertThat(b.signals().scores()).containsEntry("user_score", 0.0);
    }

    @Test
    void should_follow_configured_json_pointers() {
        TraceFields fields = new TraceFields(List.of("/question"), List.of("/answer"), List.of("/documents/*/page_content"));

        Trace a = Fixtures.read("langsmith", "langsmith/runs.json", fields).get("1b0e2c3d-0000-4000-8000-000000000001");

        assertThat(a.convention()).isEqualTo("configured");
        assertThat(a.sample().retrievedContexts()).containsExactly("Personal plan: up to 5 devices.", "Business plan: unlimited devices.");
    }
}
