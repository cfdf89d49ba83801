package dev.llmeval.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.dataset.GoldenSample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemFileTest {

    private final ReviewItem item = new ReviewItem("otlp-0123456789abcdef", "otlp",
            Map.of("reason", "rate", "probability", 0.005), "llmeval-redact/1", Map.of("EMAIL", 1),
            new GoldenSample("otlp-0123456789abcdef", 0, "Hi <EMAIL_1>?", List.of("c"), "a", null, null, null, null,
                    Map.of("source", Map.of("system", "otlp"))), null, Review.PENDING);

    @Test
    void should_read_back_what_it_writes() {
        assertThat(ItemFile.read(ItemFile.write(item))).isEqualTo(item);
    }

    @Test
    void should_put_the_status_on_a_line_of_its_own() {
        assertThat(ItemFile.write(item).lines()).contains("    \"status\": \"pending\",");
        assertThat(ItemFile.write(item.withReview(Review.PENDING.withStatus(Status.ACCEPTED))).lines())
                .contains("    \"status\": \"accepted\",");
    }

    @Test
    void should_name_the_field_of_an_invalid_item() {
        String unknownStatus = ItemFile.write(item).replace("\"pending\"", "\"approved\"");
        String unknownField = ItemFile.write(item).replace("\"scores\": null", "\"score\": null");

        assertThatThrownBy(() -> ItemFile.read(unknownStatus))
                .hasMessage("field 'review.status': expected one of pending, accepted, rejected, needs_fix, duplicate");
        assertThatThrownBy(() -> ItemFile.read(unknownField)).hasMessageStartingWith("field 'score': unknown");
        assertThatThrownBy(() -> ItemFile.read("{")).hasMessageStartingWith("not valid JSON");
    }
}
