package dev.llmeval.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A validated golden set is read again, a sample at a time, when it is streamed. */
class DatasetStreamTest {

    @TempDir
    Path dir;

    @Test
    void should_stream_the_validated_samples_again_in_order_when_asked() {
        // given
        Path file = Fixtures.write(dir, "gold.jsonl", """
                {"id": "a", "user_input": "Q1", "response": "A1"}

                {"id": "b", "user_input": "Q2", "response": "A2"}
                """);
        List<String> seenWhileReading = new ArrayList<>();
        Dataset dataset = DatasetReader.read(file, null, Map.of(), s -> seenWhileReading.add(s.id()));

        // when
        List<GoldenSample> streamed;
        try (Stream<GoldenSample> samples = dataset.stream()) {
            streamed = samples.toList();
        }

        // then
        assertThat(seenWhileReading).containsExactly("a", "b");
        assertThat(dataset.size()).isEqualTo(2);
        assertThat(streamed).extracting(GoldenSample::id).containsExactly("a", "b");
        assertThat(streamed).extracting(GoldenSample::line).containsExactly(1, 3);
        assertThat(dataset.location(1)).isEqualTo(file + ":3");
    }

    @Test
    void should_stay_ended_when_the_iterator_is_asked_again_after_the_last_sample() {
        // given
        Path file = Fixtures.write(dir, "gold.json", "[{\"user_input\": \"Q1\"}, {\"user_input\": \"Q2\"}]");
        Dataset dataset = Fixtures.read(file);

        // when
        List<String> questions = new ArrayList<>();
        boolean askedAgain;
        try (Stream<GoldenSample> samples = dataset.stream()) {
            Iterator<GoldenSample> it = samples.iterator();
            while (it.hasNext()) {
                questions.add(it.next().userInput());
            }
            askedAgain = it.hasNext() || it.hasNext();
        }

        // then
        assertThat(questions).containsExactly("Q1", "Q2");
        assertThat(askedAgain).isFalse();
    }

    @Test
    void should_fail_naming_the_file_when_it_changed_after_it_was_validated() throws IOException {
        // given
        Path file = Fixtures.write(dir, "gold.jsonl", "{\"user_input\": \"Q1\"}\n");
        Dataset dataset = Fixtures.read(file);
        Files.writeString(file, "{\"user_input\": \"Q2\"}\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));

        // when
        String message = Fixtures.invalidInputMessage(() -> dataset.stream().close());

        // then
        assertThat(message).isEqualTo(file + ": the file changed while llmeval was reading it; run again");
    }

    @Test
    void should_fail_at_the_end_when_the_bytes_changed_but_not_the_size_or_the_time() throws IOException {
        // given: the same size and modification time, another question
        Path file = Fixtures.write(dir, "gold.jsonl", "{\"user_input\": \"Q1\"}\n");
        Dataset dataset = Fixtures.read(file);
        FileTime modified = Files.getLastModifiedTime(file);
        Files.writeString(file, "{\"user_input\": \"Q9\"}\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, modified);

        // when
        String message = Fixtures.invalidInputMessage(() -> {
            try (Stream<GoldenSample> samples = dataset.stream()) {
                samples.forEach(s -> { });
            }
        });

        // then
        assertThat(message).isEqualTo(file + ": the file changed while llmeval was reading it; run again");
    }

    @Test
    void should_say_the_file_changed_when_it_is_cut_in_the_middle_of_a_sample_while_streamed() throws IOException {
        // given: a set larger than the reader's buffers, cut in the middle of a line after the first sample
        Path file = Fixtures.write(dir, "gold.jsonl", manySamples(3_000));
        Dataset dataset = Fixtures.read(file);

        // when
        String message = Fixtures.invalidInputMessage(() -> {
            try (Stream<GoldenSample> samples = dataset.stream()) {
                Iterator<GoldenSample> it = samples.iterator();
                it.next();
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(Files.size(file) / 2 + 7);
                }
                it.forEachRemaining(s -> { });
            }
        });

        // then: not a misleading "not valid JSON" at some line of a file that was valid
        assertThat(message).isEqualTo(file + ": the file changed while llmeval was reading it; run again");
    }

    @Test
    void should_hand_out_no_more_samples_than_validated_when_samples_are_appended_while_streamed()
            throws IOException {
        // given
        Path file = Fixtures.write(dir, "gold.jsonl", manySamples(3_000));
        Dataset dataset = Fixtures.read(file);
        List<String> seen = new ArrayList<>();

        // when: a sample is appended after the stream started
        String message = Fixtures.invalidInputMessage(() -> {
            try (Stream<GoldenSample> samples = dataset.stream()) {
                Iterator<GoldenSample> it = samples.iterator();
                seen.add(it.next().id());
                Files.writeString(file, "{\"id\": \"extra\", \"user_input\": \"Q\"}\n", StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
                it.forEachRemaining(s -> seen.add(s.id()));
            }
        });

        // then: callers index per-sample data by position, so an extra sample must never reach them
        assertThat(message).isEqualTo(file + ": the file changed while llmeval was reading it; run again");
        assertThat(seen).hasSize(3_000).doesNotContain("extra");
    }

    @Test
    void should_read_a_pipe_that_can_be_read_only_once_like_a_file() throws Exception {
        // given: a named pipe, as /dev/stdin or a shell's <(...) is
        Path fifo = dir.resolve("gold-pipe");
        Assumptions.assumeTrue(new File("/usr/bin/mkfifo").canExecute(), "mkfifo is needed");
        assertThat(new ProcessBuilder("/usr/bin/mkfifo", fifo.toString()).start().waitFor()).isZero();
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "{\"id\": \"a\", \"user_input\": \"Q1\"}\n{\"id\": \"b\", \"user_input\": \"Q2\"}\n",
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.start();

        // when
        Dataset dataset = DatasetReader.read(fifo, DatasetFormat.JSONL, Map.of());
        List<GoldenSample> streamed = dataset.samples();
        writer.join(10_000);

        // then: validated once, streamed again, not "the file changed"
        assertThat(dataset.path()).isEqualTo(fifo);
        assertThat(streamed).extracting(GoldenSample::id).containsExactly("a", "b");
    }

    private static String manySamples(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("{\"id\": \"s").append(i).append("\", \"user_input\": \"Question number ").append(i)
                    .append(" about the retention of snapshots\", \"response\": \"An answer long enough to fill the buffers.\"}\n");
        }
        return text.toString();
    }
}
