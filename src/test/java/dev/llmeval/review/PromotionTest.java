package dev.llmeval.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmeval.dataset.GoldenSample;
import dev.llmeval.testing.FixedEmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionTest {

    @TempDir
    Path dir;

    private ReviewItem item(String id, String question, Status status) {
        GoldenSample sample = new GoldenSample(id, 0, question, List.of("ctx"), "answer", null, null, List.of("c1"), null,
                Map.of("source", Map.of("system", "otlp", "trace_id", "t-" + id)));
        return new ReviewItem(id, "otlp", Map.of("reason", "rate", "probability", 0.5), "llmeval-redact/1", Map.of(),
                sample, null, new Review(status, "sam", null, status == Status.ACCEPTED ? "the reference" : null,
                        List.of("c1")));
    }

    private final FixedEmbeddingModel embeddings = new FixedEmbeddingModel()
            .vector("How do I reset my password?", 1, 0, 0)
            .vector("How can I reset my password?", 0.95f, 0.1f, 0)
            .vector("Which plans include SSO?", 0, 1, 0)
            .vector("Where are backups stored?", 0, 0, 1);

    @Test
    void should_append_accepted_items_with_provenance_and_drop_near_duplicates() throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, "{\"id\": \"old-1\", \"user_input\": \"How do I reset my password?\"}\n");
        ReviewQueue queue = new ReviewQueue(dir.resolve("queue"));
        queue.save(item("a1", "How can I reset my password?", Status.ACCEPTED));
        queue.save(item("a2", "Which plans include SSO?", Status.ACCEPTED));
        queue.save(item("p1", "Where are backups stored?", Status.PENDING));

        Promotion.Result result = new Promotion(embeddings, 0.85).promote(queue, gold, "2026-12-02");

        assertThat(result.added()).containsExactly("a2");
        assertThat(result.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("a1");
            assertThat(d.of()).isEqualTo("old-1");
        });
        List<String> lines = Files.readAllLines(gold);
        assertThat(lines).hasSize(2);
        JsonNode added = new ObjectMapper().readTree(lines.get(1));
        assertThat(added.path("id").asText()).isEqualTo("a2");
        assertThat(added.path("reference").asText()).isEqualTo("the reference");
        assertThat(added.path("reference_context_ids")).hasSize(1);
        assertThat(added.at("/metadata/source/trace_id").asText()).isEqualTo("t-a2");
        assertThat(added.at("/metadata/promoted/golden_set_version").asInt()).isEqualTo(1);
        assertThat(queue.find("a1").review().status()).isEqualTo(Status.DUPLICATE);
        assertThat(queue.find("a1").review().notes()).startsWith("near-duplicate of old-1 (cosine 0.99");
        GoldenSetMeta meta = GoldenSetMeta.read(gold);
        assertThat(meta.version()).isEqualTo(1);
        assertThat(meta.count()).isEqualTo(2);
        assertThat(meta.sha256()).isEqualTo(GoldenSetMeta.sha256(gold));
        assertThat(meta.changelog()).singleElement().satisfies(c -> assertThat(c.note())
                .isEqualTo("promoted 1 accepted item(s) from queue, dropped 1 near-duplicate(s)"));
    }

    @Test
    void should_record_an_edit_made_outside_promote_as_its_own_version() throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        ReviewQueue queue = new ReviewQueue(dir.resolve("queue"));
        queue.save(item("a2", "Which plans include SSO?", Status.ACCEPTED));
        new Promotion(embeddings, 0.85).promote(queue, gold, "2026-12-01");
        Files.writeString(gold, Files.readString(gold).replace("ctx", "edited by hand"));
        queue.save(item("b1", "Where are backups stored?", Status.ACCEPTED));

        Promotion.Result result = new Promotion(embeddings, 0.85).promote(queue, gold, "2026-12-02");

        assertThat(result.meta().version()).isEqualTo(3);
        assertThat(result.meta().changelog()).extracting(GoldenSetMeta.Change::note).containsExactly(
                "promoted 1 accepted item(s) from queue",
                "edited outside llmeval review promote (found when promoting)",
                "promoted 1 accepted item(s) from queue");
        assertThat(GoldenSetMeta.versionOf(gold, GoldenSetMeta.sha256(gold))).isEqualTo(3);
        assertThat(GoldenSetMeta.versionOf(gold, "0".repeat(64))).isNull();
    }

    @Test
    void should_promote_nothing_and_keep_the_version_when_no_new_item_is_accepted() throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        ReviewQueue queue = new ReviewQueue(dir.resolve("queue"));
        queue.save(item("p1", "Where are backups stored?", Status.PENDING));

        Promotion.Result result = new Promotion(embeddings, 0.85).promote(queue, gold, "2026-12-02");

        assertThat(result.meta()).isNull();
        assertThat(Files.exists(gold)).isFalse();
    }
}
