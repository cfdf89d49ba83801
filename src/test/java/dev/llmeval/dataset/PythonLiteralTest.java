package dev.llmeval.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PythonLiteralTest {

    private static List<String> strings(String text) {
        List<String> items = new ArrayList<>();
        PythonLiteral.parse(text).forEach(item -> items.add(item.textValue()));
        return items;
    }

    @Test
    void should_read_a_list_as_python_repr_writes_it_with_both_quote_styles_and_escapes() {
        // repr(["It's", 'say "hi"', 'both \' and "', 'back\\slash', 'two\nlines', 'tab\there', 'caf\u00e9'])
        String repr = "[\"It's\", 'say \"hi\"', 'both \\' and \"', 'back\\\\slash', 'two\\nlines', 'tab\\there', "
                + "'café', '\\x00\\u2028\\U0001F600']";

        assertThat(strings(repr)).containsExactly("It's", "say \"hi\"", "both ' and \"", "back\\slash",
                "two\nlines", "tab\there", "café", "\u0000\u2028\uD83D\uDE00");
    }

    @Test
    void should_read_a_numpy_array_as_pandas_prints_it_when_items_are_separated_by_white_space() {
        assertThat(strings("['first chunk' 'second chunk'\n 'third, with a comma']"))
                .containsExactly("first chunk", "second chunk", "third, with a comma");
    }

    @Test
    void should_read_empty_lists_tuples_trailing_commas_numbers_and_constants() {
        assertThat(PythonLiteral.parse("[]")).isEmpty();
        assertThat(strings("('a', 'b',)")).containsExactly("a", "b");
        JsonNode mixed = PythonLiteral.parse("[1, -2.5, True, False, None, u'x', r'\\d']");
        assertThat(mixed.get(0).asInt()).isEqualTo(1);
        assertThat(mixed.get(1).asDouble()).isEqualTo(-2.5);
        assertThat(mixed.get(2).asBoolean()).isTrue();
        assertThat(mixed.get(3).asBoolean()).isFalse();
        assertThat(mixed.get(4).isNull()).isTrue();
        assertThat(mixed.get(5).asText()).isEqualTo("x");
        assertThat(mixed.get(6).asText()).isEqualTo("\\d");
    }

    @Test
    void should_read_a_dict_with_nested_values() {
        JsonNode dict = PythonLiteral.parse("{'topic': 'billing', 'hard': True, 'tags': ['a', 'b'], 3: None}");

        assertThat(dict.get("topic").asText()).isEqualTo("billing");
        assertThat(dict.get("hard").asBoolean()).isTrue();
        assertThat(dict.get("tags").size()).isEqualTo(2);
        assertThat(dict.has("3")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"['a', 'b'", "['a', 'b]", "['a',, 'b']", "['a']x", "[__import__('os')]", "['a'1]",
        "['\\x4']", "{'a' 'b'}"})
    void should_refuse_what_is_not_a_literal_with_the_position(String text) {
        assertThatThrownBy(() -> PythonLiteral.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(".* at character \\d+");
    }
}
