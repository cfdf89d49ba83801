package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shard safety through the command line: two imports running at the same time over the two halves
 * of an export keep exactly the traces one import over the whole export keeps.
 */
class ParallelImportTest {

    @TempDir
    Path dir;

    @Test
    void should_keep_the_same_traces_in_two_concurrent_imports_over_halves_as_in_one_over_the_whole() throws Exception {
        List<String> lines = otlpLines(4_000, 21);
        write(dir.resolve("whole.jsonl"), lines);
        write(dir.resolve("first-half.jsonl"), lines.subList(0, 2_000));
        write(dir.resolve("second-half.jsonl"), lines.subList(2_000, 4_000));

        CliRun whole = import_("whole.jsonl", "q-whole");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<CliRun> a = CompletableFuture.supplyAsync(() -> import_("first-half.jsonl", "q-shards"), pool);
            CompletableFuture<CliRun> b = CompletableFuture.supplyAsync(() -> import_("second-half.jsonl", "q-shards"), pool);
            assertThat(a.get().exitCode()).as(a.get().err()).isZero();
            assertThat(b.get().exitCode()).as(b.get().err()).isZero();
        } finally {
            pool.shutdown();
        }

        assertThat(whole.exitCode()).as(whole.err()).isZero();
        Set<String> wholeIds = ids(dir.resolve("q-whole"));
        assertThat(wholeIds).hasSizeBetween(150, 250); // about 5% of 4,000
        assertThat(ids(dir.resolve("q-shards"))).isEqualTo(wholeIds);
        assertThat(import_("whole.jsonl", "q-whole").out()).contains("queue: 0 new pending item(s)")
                .contains(wholeIds.size() + " already queued");
    }

    private CliRun import_(String input, String queue) {
        return CliRun.of(Map.of(), dir, "import", "--source", "otlp", "--input", input, "--out", queue,
                "--sample-rate", "0.05", "--salt", "shard-test");
    }

    private static Set<String> ids(Path queue) throws IOException {
        try (Stream<Path> files = Files.list(queue)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).collect(Collectors.toSet());
        }
    }

    private static void write(Path file, List<String> lines) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
        }
    }

    /** One OTLP/JSON line per trace: a chat span with GenAI input and output messages. */
    static List<String> otlpLines(int n, long seed) {
        Random random = new Random(seed);
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> {
            String traceId = String.format("%016x%016x", random.nextLong(), random.nextLong());
            String in = "[{\\\"role\\\":\\\"user\\\",\\\"parts\\\":[{\\\"type\\\":\\\"text\\\",\\\"content\\\":\\\"How do I configure feature " + i + "?\\\"}]}]";
            String out = "[{\\\"role\\\":\\\"assistant\\\",\\\"parts\\\":[{\\\"type\\\":\\\"text\\\",\\\"content\\\":\\\"Open settings and enable feature " + i + ".\\\"}]}]";
            return "{\"resourceSpans\":[{\"resource\":{\"attributes\":[]},\"scopeSpans\":[{\"scope\":{},\"spans\":[{\"traceId\":\""
                    + traceId + "\",\"spanId\":\"" + String.format("%016x", random.nextLong()) + "\",\"parentSpanId\":\"\","
                    + "\"name\":\"chat m\",\"kind\":3,\"startTimeUnixNano\":\"" + (1767261600000000000L + i * 1000L) + "\","
                    + "\"attributes\":[{\"key\":\"gen_ai.operation.name\",\"value\":{\"stringValue\":\"chat\"}},"
                    + "{\"key\":\"gen_ai.input.messages\",\"value\":{\"stringValue\":\"" + in + "\"}},"
                    + "{\"key\":\"gen_ai.output.messages\",\"value\":{\"stringValue\":\"" + out + "\"}}],\"status\":{}}]}]}]}";
        }).toList();
    }
}
