package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.testing.OutDirLockHolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs on one --out: the second stops with exit 2 while the first is alive, and takes over after it died. */
class OutDirLockTest {

    private static final String GOLDEN = """
            {"id": "a", "user_input": "Q", "response": "ok", "reference": "ok", "retrieved_contexts": ["ok"]}
            """;

    @TempDir
    Path dir;

    private CliRun run(String... extra) throws Exception {
        return CliRun.faithfulness(dir, GOLDEN, "out", extra);
    }

    @Test
    void should_exit_2_naming_the_pid_when_a_live_run_holds_the_out_folder_and_take_it_over_when_it_died()
            throws Exception {
        // given: another process holds the lock of the folder
        Process other = OutDirLockHolder.start(dir.resolve("out"));
        try {
            // when
            CliRun refused = CliRun.of(java.util.Map.of(), dir, "run", "--dataset",
                    Files.writeString(dir.resolve("golden.jsonl"), GOLDEN).toString(), "--metrics", "exact_match",
                    "--quiet", "--out", dir.resolve("out").toString());

            // then
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err().strip()).isEqualTo("llmeval: --out " + dir.resolve("out")
                    + " is in use by another llmeval run (pid " + other.pid() + ", since "
                    + Files.readString(dir.resolve("out/.llmeval.lock")).split(", since ")[1]
                    + "); wait for it to finish or choose another --out");
            assertThat(dir.resolve("out/report.json")).doesNotExist();
        } finally {
            // the holder dies without releasing anything, as a killed run would
            other.destroyForcibly();
            other.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(dir.resolve("out/.llmeval.lock"))).startsWith("pid " + other.pid());

        // when the holder is gone
        CliRun after = CliRun.of(java.util.Map.of(), dir, "run", "--dataset", dir.resolve("golden.jsonl").toString(),
                "--metrics", "exact_match", "--quiet", "--out", dir.resolve("out").toString());

        // then its stale lock is taken over, and released at the end
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.err()).contains("was locked by a run that is no longer running (pid " + other.pid());
        assertThat(dir.resolve("out/report.json")).exists();
        assertThat(Files.readString(dir.resolve("out/.llmeval.lock"))).isEmpty();
    }

    @Test
    void should_refuse_report_from_into_a_folder_that_a_live_run_holds() throws Exception {
        // given
        CliRun first = run();
        assertThat(first.exitCode()).as(first.err()).isZero();
        Process other = OutDirLockHolder.start(dir.resolve("out"));
        try {
            // when
            CliRun rerender = CliRun.of(java.util.Map.of(), dir, "report", "--from",
                    dir.resolve("out/report.json").toString());

            // then
            assertThat(rerender.exitCode()).isEqualTo(2);
            assertThat(rerender.err()).contains("is in use by another llmeval run (pid " + other.pid());
        } finally {
            other.destroyForcibly();
            other.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
