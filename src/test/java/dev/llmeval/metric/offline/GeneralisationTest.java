package dev.llmeval.metric.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The failure modes found on product-documentation text (golden-sets/demo.jsonl), one by one. */
class GeneralisationTest {

    private static final Embedder EMBEDDER = new Embedder(new AllMiniLmL6V2EmbeddingModel());
    private static final Metric FAITHFULNESS = new OfflineFaithfulness(EMBEDDER);
    private static final Metric RELEVANCY = new OfflineAnswerRelevancy(EMBEDDER);

    private static final List<String> PRICING = List.of(
            "Tidewater has three plans. Free: 1 user, 50 GB of storage, 3 devices, community forum"
                    + " support. Team: $12 per user per month billed annually, up to 50 users, 2 TB"
                    + " pooled storage.");

    private static final List<String> CONFIG = List.of(
            "The `[server]` section sets the network listener: `listen_address` (default `0.0.0.0`)"
                    + " and `listen_port` (default `8420`).",
            "Configuration lives in `/etc/tidewater/tidewater.toml`. Changes take effect after"
                    + " `sudo systemctl restart tidewater`.");

    private static final List<String> WEBHOOK = List.of(
            "Set `webhook_url` in the `[notify]` section: Tidewater sends a POST request with a JSON"
                    + " body whenever a backup job fails.");

    private static double faithfulness(String answer, List<String> contexts) {
        return FAITHFULNESS.score(new EvaluatedSample("s", "q", answer, contexts, null)).score();
    }

    private static MetricResult relevancy(String question, String answer) {
        return RELEVANCY.score(new EvaluatedSample("s", question, answer, List.of(), null));
    }

    @Test
    void should_support_a_paraphrase_when_it_keeps_the_facts() {
        // when
        double score = faithfulness("The Team plan costs $12 per user per month, billed annually.", PRICING);

        // then
        assertThat(score).isEqualTo(1.0);
    }

    @Test
    void should_reject_a_paraphrase_when_a_number_is_changed() {
        // when
        double score = faithfulness("The Team plan costs $15 per user per month, billed annually.", PRICING);

        // then
        assertThat(score).isEqualTo(0.0);
    }

    @Test
    void should_support_a_code_heavy_statement_when_it_combines_two_chunks() {
        // when
        double score = faithfulness("Set `listen_port` in the `[server]` section of"
                + " `/etc/tidewater/tidewater.toml` (the default is 8420), then restart with"
                + " `sudo systemctl restart tidewater`.", CONFIG);

        // then
        assertThat(score).isEqualTo(1.0);
    }

    @Test
    void should_reject_a_code_heavy_statement_when_its_number_is_changed() {
        // when
        double score = faithfulness("Set `listen_port` in the `[server]` section of"
                + " `/etc/tidewater/tidewater.toml` (the default is 8080).", CONFIG);

        // then
        assertThat(score).isEqualTo(0.0);
    }

    @Test
    void should_match_acronyms_and_inflected_names_when_checking_names() {
        // given
        Evidence evidence = new Evidence(List.of(new Passage(WEBHOOK.get(0), new float[] {1f}, 0)));

        // when
        Support inflected = evidence.check("Tidewater POSTs a JSON payload when a job fails.",
                new float[] {1f}, Evidence.STRICT);
        Support invented = evidence.check("Tidewater sends a POST request signed with HMAC.",
                new float[] {1f}, Evidence.STRICT);

        // then
        assertThat(inflected.missingNames()).isEmpty();
        assertThat(invented.missingNames()).containsExactly("HMAC");
    }

    @Test
    void should_split_names_at_punctuation_and_ignore_generic_acronyms() {
        // when
        var names = Lexicon.names("It is tested with Okta, Entra ID and Google Workspace on 4 GB RAM.");

        // then
        assertThat(names).containsExactly("Okta", "Entra", "Google Workspace");
    }

    @Test
    void should_score_a_yes_no_question_when_yes_is_followed_by_information() {
        // when
        MetricResult result = relevancy("Can Tidewater call a webhook when a backup job fails?",
                "Yes. Set `webhook_url` in the `[notify]` section and Tidewater sends a POST request"
                        + " with a JSON body whenever a job fails.");

        // then
        assertThat(result.score()).isGreaterThan(0.5);
    }

    @Test
    void should_score_a_what_happens_question_when_the_answer_describes_the_outcome() {
        // when
        MetricResult result = relevancy(
                "What happens when the same file is edited on two devices before they sync?",
                "Tidewater keeps both versions. The version that synced later keeps the original"
                        + " name, and the other one is renamed with a conflict suffix.");

        // then
        assertThat(result.score()).isGreaterThan(0.4);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> aspects = (List<Map<String, Object>>) result.details().get("aspects");
        assertThat(aspects.get(0).get("expects")).isEqualTo(List.of("any"));
    }

    @Test
    void should_still_ask_for_a_date_when_the_question_starts_with_when() {
        // then
        assertThat(QuestionAspects.expects("When was Tidewater 3.0 released"))
                .containsExactly(QuestionAspects.Expect.DATE);
    }

    @Test
    void should_score_zero_when_the_answer_only_deflects() {
        // when
        MetricResult result = relevancy("How do I schedule a backup to run every night at 2 AM?",
                "I'm not sure about that. Please contact Tidewater support for help with your configuration.");

        // then
        assertThat(result.score()).isEqualTo(0.0);
    }
}
