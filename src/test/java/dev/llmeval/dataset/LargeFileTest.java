package dev.llmeval.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files larger than the reading windows (8 K characters for lines and CSV, 64 KB for the UTF-8
 * check) keep their line numbers, long lines and error positions.
 */
class LargeFileTest {

    @TempDir
    Path dir;

    @Test
    void should_keep_each_rows_line_when_a_csv_with_blank_lines_spans_many_windows() {
        // given: 3,000 rows, every third followed by a blank line, and "\r\n" line ends
        StringBuilder csv = new StringBuilder("id,user_input,response\r\n");
        int line = 2;
        int lastLine = 0;
        for (int i = 0; i < 3_000; i++) {
            csv.append("q").append(i).append(",Question number ").append(i).append("?,Answer ").append(i).append("\r\n");
            lastLine = line++;
            if (i % 3 == 0) {
                csv.append("\r\n");
                line++;
            }
        }
        Path file = Fixtures.write(dir, "gold.csv", csv.toString());

        // when
        Dataset dataset = Fixtures.read(file);
        List<GoldenSample> samples = dataset.samples();

        // then
        assertThat(samples).hasSize(3_000);
        assertThat(samples.get(1).line()).isEqualTo(4);
        assertThat(samples.get(2_999).line()).isEqualTo(lastLine);
        assertThat(samples.get(2_999).response()).isEqualTo("Answer 2999");
        assertThat(dataset.location(2_999)).isEqualTo(file + ":" + lastLine + " (row 3000)");
    }

    @Test
    void should_read_a_jsonl_line_longer_than_the_window_whole() {
        // given
        String context = "x".repeat(50_000);
        Path file = Fixtures.write(dir, "gold.jsonl", "{\"user_input\": \"Q0\"}\n{\"user_input\": \"Q1\", "
                + "\"retrieved_contexts\": [\"" + context + "\"]}\n{\"user_input\": \"Q2\"}");

        // when
        List<GoldenSample> samples = Fixtures.read(file).samples();

        // then
        assertThat(samples).extracting(GoldenSample::line).containsExactly(1, 2, 3);
        assertThat(samples.get(1).retrievedContexts()).containsExactly(context);
        assertThat(samples.get(2).userInput()).isEqualTo("Q2");
    }

    @Test
    void should_name_line_and_column_of_a_bad_byte_past_the_first_window() {
        // given: 2,000 lines of 60 bytes (120,000 bytes), then a Latin-1 é on line 2,001
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            text.append(String.format("{\"user_input\": \"Question %05d about ü and more text\"}   \n", i));
        }
        byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = "{\"user_input\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[head.length + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(tail, 0, bytes, head.length, tail.length);
        Path file = Fixtures.write(dir, "gold.jsonl", bytes);

        // when
        String message = Fixtures.invalidInputMessage(() -> Fixtures.read(file));

        // then
        assertThat(head.length).isGreaterThan(64 * 1024);
        assertThat(message).isEqualTo(file + ":2001: not valid UTF-8 (byte 0xE9 at column 20)");
    }
}
