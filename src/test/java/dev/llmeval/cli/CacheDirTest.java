package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache folder that is a file would make every run pay again: it is an error, not ignored. */
class CacheDirTest {

    private static final String GOLDEN = """
            {"id": "a", "user_input": "Q", "response": "ok", "reference": "ok"}
            """;

    @TempDir
    Path dir;

    private CliRun run(String... extra) throws Exception {
        Path dataset = Files.writeString(dir.resolve("golden.jsonl"), GOLDEN);
        String[] args = new String[extra.length + 8];
        System.arraycopy(new String[] {"run", "--dataset", dataset.toString(), "--metrics", "exact_match", "--quiet",
                "--out", dir.resolve("out").toString()}, 0, args, 0, 8);
        System.arraycopy(extra, 0, args, 8, extra.length);
        return CliRun.of(Map.of(), dir, args);
    }

    @Test
    void should_exit_2_when_cache_dir_is_a_file() throws Exception {
        Path file = Files.writeString(dir.resolve("cache.txt"), "not a folder");

        CliRun result = run("--cache-dir", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("llmeval: --cache-dir " + file
                + ": is a file, not a folder; give a folder (it is created when missing) or --no-cache");
    }

    @Test
    void should_exit_3_naming_the_line_when_cache_dir_in_the_config_is_a_file() throws Exception {
        Files.writeString(dir.resolve("cache.txt"), "not a folder");
        Files.writeString(dir.resolve("llmeval.yaml"), "cache:\n  dir: cache.txt\n");

        CliRun result = run();

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().strip()).isEqualTo("llmeval: " + dir.resolve("llmeval.yaml") + ":2: cache.dir: "
                + dir.resolve("cache.txt") + " is a file, not a folder; give a folder (it is created when missing)");
    }

    @Test
    void should_accept_a_file_as_cache_dir_when_the_cache_is_off() throws Exception {
        Path file = Files.writeString(dir.resolve("cache.txt"), "not a folder");

        CliRun result = run("--cache-dir", file.toString(), "--no-cache");

        assertThat(result.exitCode()).as(result.err()).isZero();
    }
}
