package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.testing.FakeOpenAiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The progress line of a run that stopped early says how many samples were really scored and
 * that it stopped, never "3/3 samples done (100%)".
 */
class StoppedRunProgressIT {

    @RegisterExtension
    final JudgeRun judge = new JudgeRun(request -> FakeOpenAiServer.schemaName(request).equals("attributions")
            ? "no JSON here" : FakeOpenAiServer.defaultReply(request));

    @Test
    void should_say_how_many_samples_were_scored_when_the_run_stops_early() {
        CliRun result = judge.run("--metrics", "faithfulness,context_recall", "--max-errors", "0", "--concurrency", "1");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).doesNotContain("3/3 samples done", "(100%)")
                .containsPattern("llmeval: stopped early after [01] of 3 samples \\(\\d+%\\): more than 0 errors"
                        + " \\(--max-errors\\) \\| ");
        assertThat(judge.report().at("/run/stopped").asText()).isEqualTo("more than 0 errors (--max-errors)");
    }
}
