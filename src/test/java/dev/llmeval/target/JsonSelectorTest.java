package dev.llmeval.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSelectorTest {

    private static final JsonNode ROOT = read("""
            {"answer": "a", "contexts": ["c1", "c2"],
             "hits": [{"doc": {"id": 1, "parts": ["x", "y"]}}, {"doc": {"id": 2, "parts": ["z"]}}],
             "a/b": "slash"}""");

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(String pointer) {
        List<JsonNode> nodes = new JsonSelector(pointer).all(ROOT);
        return nodes == null ? null : nodes.stream().map(JsonNode::asText).toList();
    }

    @Test
    void should_take_the_items_when_the_pointer_ends_at_a_list() {
        assertThat(texts("/contexts")).containsExactly("c1", "c2");
    }

    @Test
    void should_follow_every_item_when_a_segment_is_a_star() {
        assertThat(texts("/hits/*/doc/id")).containsExactly("1", "2");
        assertThat(texts("/hits/*/doc/parts")).containsExactly("x", "y", "z");
        assertThat(texts("/hits/*/doc/parts/*")).containsExactly("x", "y", "z");
    }

    @Test
    void should_give_null_when_the_path_is_missing_in_any_item() {
        assertThat(texts("/nope")).isNull();
        assertThat(texts("/hits/*/doc/title")).isNull();
    }

    @Test
    void should_read_escaped_segments_and_a_single_value() {
        assertThat(new JsonSelector("/a~1b").one(ROOT).asText()).isEqualTo("slash");
        assertThat(new JsonSelector("/missing").one(ROOT)).isNull();
    }

    @Test
    void should_reject_a_star_where_one_value_is_expected_and_a_pointer_without_a_slash() {
        assertThatThrownBy(() -> new JsonSelector("/hits/*/doc").one(ROOT)).hasMessage("'*' is not allowed in /hits/*/doc");
        assertThatThrownBy(() -> new JsonSelector("answer")).hasMessage("JSON Pointer must start with '/': answer");
    }
}
