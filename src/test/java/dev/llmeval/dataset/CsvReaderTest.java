package dev.llmeval.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    @TempDir
    Path dir;

    @Test
    void should_read_quoted_multiline_cells_and_json_array_cells_when_csv_is_rfc4180() {
        // given
        Path file = Fixtures.write(dir, "gold.csv", """
                id,user_input,retrieved_contexts,response,reference,topic
                q1,"How do I, as admin, install it?","[""Run the installer."", ""Then log in.""]","Run the installer,
                then log in.",Run the installer.,install

                q2,What port?,"[""Port 8080.""]",8080,Port 8080.,
                """);

        // when
        Dataset dataset = Fixtures.read(file);

        // then
        assertThat(dataset.format()).isEqualTo(DatasetFormat.CSV);
        assertThat(dataset.samples()).hasSize(2);
        GoldenSample first = dataset.samples().get(0);
        assertThat(first.id()).isEqualTo("q1");
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.userInput()).isEqualTo("How do I, as admin, install it?");
        assertThat(first.retrievedContexts()).containsExactly("Run the installer.", "Then log in.");
        assertThat(first.response()).isEqualTo("Run the installer,\nthen log in.");
        assertThat(first.referenceContexts()).isNull();
        assertThat(first.metadata()).isEqualTo(Map.of("topic", "install"));
        GoldenSample second = dataset.samples().get(1);
        assertThat(second.line()).isEqualTo(5);
        assertThat(second.response()).isEqualTo("8080");
        assertThat(second.metadata()).isEmpty();
        assertThat(dataset.location(second)).isEqualTo(file + ":5 (row 2)");
    }

    @Test
    void should_treat_empty_cells_as_absent_when_a_cell_is_empty() {
        // given
        Path file = Fixtures.write(dir, "gold.csv", "user_input,retrieved_contexts,response\nWhat?,,\n");

        // when
        GoldenSample sample = Fixtures.read(file).samples().get(0);

        // then
        assertThat(sample.retrievedContexts()).isNull();
        assertThat(sample.response()).isNull();
        assertThat(sample.id()).isEqualTo("1");
    }

    @Test
    void should_parse_metadata_column_as_json_object_when_present() {
        // given
        Path file = Fixtures.write(dir, "gold.csv",
                "question,contexts,metadata\r\nWhat?,\"[\"\"a\"\"]\",\"{\"\"topic\"\": \"\"sso\"\", \"\"hard\"\": true}\"\r\n");

        // when
        GoldenSample sample = Fixtures.read(file).samples().get(0);

        // then
        assertThat(sample.userInput()).isEqualTo("What?");
        assertThat(sample.retrievedContexts()).isEqualTo(List.of("a"));
        assertThat(sample.metadata()).containsEntry("topic", "sso").containsEntry("hard", true);
    }

    @Test
    void should_name_row_and_line_when_a_list_cell_is_a_broken_list() {
        // given
        Path file = Fixtures.write(dir, "gold.csv", """
                user_input,retrieved_contexts
                "first
                question","[""ok""]"
                second,"['a chunk', 'never closed]"
                """);

        // when
        String message = Fixtures.invalidInputMessage(() -> Fixtures.read(file));

        // then
        assertThat(message).isEqualTo(file + ":4 (row 2): field 'retrieved_contexts': expected a list in the cell:"
                + " a JSON array [\"first chunk\", \"second chunk\"], a Python list ['first chunk', 'second chunk'],"
                + " or plain text not starting with '[' for one item (read as Python: a string is never closed at"
                + " character 13)");
    }

    @Test
    void should_read_a_plain_text_list_cell_as_one_item() {
        // given
        Path file = Fixtures.write(dir, "gold.csv", """
                user_input,retrieved_contexts,retrieved_context_ids
                What port?,"The server listens on port 8420, over HTTPS.",doc-7
                """);

        // when
        GoldenSample sample = Fixtures.read(file).samples().get(0);

        // then
        assertThat(sample.retrievedContexts()).containsExactly("The server listens on port 8420, over HTTPS.");
        assertThat(sample.retrievedContextIds()).containsExactly("doc-7");
    }

    @Test
    void should_read_python_lists_and_dicts_as_pandas_writes_them() {
        // given: str(list) and str(dict) cells, as DataFrame.to_csv writes list and dict columns
        Path file = Fixtures.write(dir, "gold.csv", """
                user_input,retrieved_contexts,reference_context_ids,metadata
                What port?,"['It\\'s 8420.', 'Say ""hi"".', 'a\\nb']","[3, 'd4']","{'topic': 'network', 'hard': True}"
                """);

        // when
        GoldenSample sample = Fixtures.read(file).samples().get(0);

        // then
        assertThat(sample.retrievedContexts()).containsExactly("It's 8420.", "Say \"hi\".", "a\nb");
        assertThat(sample.referenceContextIds()).containsExactly("3", "d4");
        assertThat(sample.metadata()).containsEntry("topic", "network").containsEntry("hard", true);
    }

    @Test
    void should_tell_the_delimiter_from_the_header_when_a_spreadsheet_exports_semicolons_or_tabs() {
        // given
        Path semicolons = Fixtures.write(dir, "semi.csv",
                "id;user_input;retrieved_contexts;response\r\nq1;What, exactly?;\"[\"\"a; b\"\"]\";Yes, it is.\r\n");
        Path tabs = Fixtures.write(dir, "tabs.csv", "id\tuser_input\tresponse\nq1\tWhat, exactly?\tYes; it is.\n");

        // when
        GoldenSample semi = Fixtures.read(semicolons).samples().get(0);
        GoldenSample tab = Fixtures.read(tabs).samples().get(0);

        // then
        assertThat(semi.userInput()).isEqualTo("What, exactly?");
        assertThat(semi.retrievedContexts()).containsExactly("a; b");
        assertThat(semi.response()).isEqualTo("Yes, it is.");
        assertThat(tab.response()).isEqualTo("Yes; it is.");
    }

    @Test
    void should_follow_an_excel_sep_line_and_count_it_in_line_numbers() {
        // given
        Path file = Fixtures.write(dir, "gold.csv", "sep=;\r\nuser_input;response\r\nWhat?;Yes, it is.\r\n;x\r\n");

        // when
        Dataset dataset = Fixtures.read(file);

        // then
        assertThat(dataset.samples().get(0).response()).isEqualTo("Yes, it is.");
        assertThat(dataset.location(1)).isEqualTo(file + ":4 (row 2)");
    }

    @Test
    void should_use_the_given_delimiter_over_the_header() {
        // given: a header with more commas than pipes
        Path file = Fixtures.write(dir, "gold.csv", "user_input|response, with a comma, and another\nWhat?|Yes\n");

        // when
        GoldenSample sample = DatasetReader.read(file, null, Map.of(), '|', s -> { }).samples().get(0);

        // then
        assertThat(sample.userInput()).isEqualTo("What?");
        assertThat(sample.metadata()).containsEntry("response, with a comma, and another", "Yes");
    }

    @Test
    void should_name_the_row_when_it_has_a_different_number_of_cells() {
        // given
        Path file = Fixtures.write(dir, "gold.csv", "user_input,response\na,b\nc,d,e\n");

        // when
        String message = Fixtures.invalidInputMessage(() -> Fixtures.read(file));

        // then
        assertThat(message).isEqualTo(file + ":3 (row 2): has 3 cells but the header has 2");
    }

    @Test
    void should_report_not_valid_csv_when_a_quote_is_never_closed() {
        // given
        Path file = Fixtures.write(dir, "gold.csv", "user_input,response\na,\"b\n");

        // when
        String message = Fixtures.invalidInputMessage(() -> Fixtures.read(file));

        // then
        assertThat(message).isEqualTo(file + ":2: not valid CSV: EOF reached before encapsulated token finished");
    }

    @Test
    void should_reject_header_when_a_column_appears_twice() {
        // given
        Path file = Fixtures.write(dir, "gold.csv", "user_input,response,response\na,b,c\n");

        // when
        String message = Fixtures.invalidInputMessage(() -> Fixtures.read(file));

        // then
        assertThat(message).isEqualTo(file + ":1: column 'response' appears twice in the header");
    }
}
