package dev.llmeval.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnMapTest {

    @Test
    void should_map_ragas_names_to_user_columns_when_specs_are_well_formed() {
        // when
        Map<String, String> map = ColumnMaps.parse(List.of("user_input=query", " response = model answer "));

        // then
        assertThat(map).containsExactly(Map.entry("user_input", "query"), Map.entry("response", "model answer"));
    }

    @Test
    void should_return_empty_map_when_no_specs() {
        assertThat(ColumnMaps.parse(List.of())).isEmpty();
        assertThat(ColumnMaps.parse(null)).isEmpty();
    }

    @Test
    void should_fail_with_usage_when_spec_has_no_equals_sign() {
        assertThatThrownBy(() -> ColumnMaps.parse(List.of("user_input")))
                .isInstanceOf(LlmevalException.class)
                .hasMessage("--column-map 'user_input': expected ragas_name=your_column, e.g. user_input=query")
                .extracting(e -> ((LlmevalException) e).status())
                .isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void should_fail_with_usage_when_a_side_is_empty() {
        assertThatThrownBy(() -> ColumnMaps.parse(List.of("=query")))
                .isInstanceOf(LlmevalException.class)
                .hasMessageContaining("'=query'")
                .extracting(e -> ((LlmevalException) e).status())
                .isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void should_name_accepted_fields_when_ragas_name_is_unknown() {
        assertThatThrownBy(() -> ColumnMaps.parse(List.of("questionz=q")))
                .isInstanceOf(LlmevalException.class)
                .hasMessage("--column-map 'questionz=q': unknown field 'questionz'; accepted: user_input,"
                        + " retrieved_contexts, response, reference, reference_contexts, retrieved_context_ids,"
                        + " reference_context_ids, id, metadata")
                .extracting(e -> ((LlmevalException) e).status())
                .isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void should_fail_when_a_field_is_mapped_twice() {
        assertThatThrownBy(() -> ColumnMaps.parse(List.of("user_input=a", "user_input=b")))
                .isInstanceOf(LlmevalException.class)
                .hasMessage("--column-map 'user_input=b': user_input is already mapped to 'a'");
    }

    @Test
    void should_fail_when_two_fields_share_a_column() {
        assertThatThrownBy(() -> ColumnMaps.parse(List.of("response=a", "reference=a")))
                .isInstanceOf(LlmevalException.class)
                .hasMessage("--column-map 'reference=a': column 'a' is already mapped to response");
    }
}
