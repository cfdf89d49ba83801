package dev.llmeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report files are written to a temporary file beside them and renamed: a reader never sees half of one. */
class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void should_leave_one_whole_file_and_no_temporary_file_when_two_writers_race() throws Exception {
        // given: two reports of different lengths written to the same path at once, again and again
        Path file = dir.resolve("out/report.json");
        String longer = "{\"run\": \"a\", \"pad\": \"" + "a".repeat(400_000) + "\"}\n";
        String shorter = "{\"run\": \"b\", \"pad\": \"" + "b".repeat(150_000) + "\"}\n";
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        try {
            // when
            List<Future<?>> writers = List.of(longer, shorter).stream().<Future<?>>map(text -> pool.submit(() -> {
                start.await();
                for (int i = 0; i < 40; i++) {
                    ReportFiles.write(file, out -> {
                        // written in pieces, as the report writers do
                        for (int at = 0; at < text.length(); at += 8192) {
                            out.write(text, at, Math.min(8192, text.length() - at));
                            out.flush();
                        }
                    });
                }
                return null;
            })).toList();
            Future<?> reader = pool.submit(() -> {
                start.await();
                while (writing.get()) {
                    try {
                        seen.add(Files.readString(file));
                    } catch (NoSuchFileException e) {
                        // not written yet
                    }
                }
                return null;
            });
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            reader.get();
        } finally {
            pool.shutdownNow();
        }

        // then
        assertThat(seen).allSatisfy(text -> assertThat(text).isIn(longer, shorter));
        assertThat(Files.readString(file)).isIn(longer, shorter);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("report.json");
        }
    }

    @Test
    void should_keep_the_previous_file_when_writing_fails_half_way() throws IOException {
        // given
        Path file = dir.resolve("report.html");
        ReportFiles.write(file, "old report");

        // when
        try {
            ReportFiles.write(file, out -> {
                out.write("new rep");
                throw new IOException("disk full");
            });
        } catch (java.io.UncheckedIOException expected) {
            assertThat(expected).hasMessageContaining("disk full");
        }

        // then
        assertThat(Files.readString(file)).isEqualTo("old report");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
