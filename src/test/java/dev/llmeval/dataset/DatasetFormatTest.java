package dev.llmeval.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetFormatTest {

    @ParameterizedTest
    @CsvSource({
        "gold.jsonl, JSONL", "dir/GOLD.NDJSON, JSONL", "gold.json, JSON", "a.b.Json, JSON", "gold.csv, CSV", "G.CSV, CSV"
    })
    void should_tell_format_from_extension_when_extension_is_known(String path, DatasetFormat expected) {
        assertThat(DatasetFormat.fromPath(Path.of(path))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gold.txt", "gold", "gold.jsonl.bak"})
    void should_fail_with_invalid_input_when_extension_is_unknown(String path) {
        assertThatThrownBy(() -> DatasetFormat.fromPath(Path.of(path)))
                .isInstanceOf(LlmevalException.class)
                .hasMessage(path + ": cannot tell the format from the extension; use --dataset-format jsonl|json|csv")
                .extracting(e -> ((LlmevalException) e).status())
                .isEqualTo(ExitStatus.INVALID_INPUT);
    }

    @ParameterizedTest
    @CsvSource({"jsonl, JSONL", "JSON, JSON", "Csv, CSV"})
    void should_parse_format_names_in_any_case(String name, DatasetFormat expected) {
        assertThat(DatasetFormat.parse(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "", "ndjson"})
    void should_name_accepted_values_when_format_name_is_unknown(String name) {
        assertThatThrownBy(() -> DatasetFormat.parse(name))
                .isInstanceOf(LlmevalException.class)
                .hasMessage("unknown dataset format '" + name + "'; accepted: jsonl, json, csv")
                .extracting(e -> ((LlmevalException) e).status())
                .isEqualTo(ExitStatus.INVALID_INPUT);
    }
}
