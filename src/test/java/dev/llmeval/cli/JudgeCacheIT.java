package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The disk cache seen from the command line: reruns, changed prompts, --cache-only, --no-cache. */
class JudgeCacheIT {

    @RegisterExtension
    final JudgeRun judge = new JudgeRun();

    @Test
    void should_make_no_call_and_give_identical_scores_when_an_unchanged_set_is_rerun() {
        assertThat(judge.run().exitCode()).isZero();
        int firstRunCalls = judge.server().chatRequests().size();
        JsonNode first = judge.report();

        CliRun second = judge.run();

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(judge.server().chatRequests()).hasSize(firstRunCalls);
        JsonNode rerun = judge.report();
        for (String metric : new String[] {"faithfulness", "answer_relevancy", "context_precision", "context_recall"}) {
            assertThat(rerun.at("/metrics/" + metric + "/mean")).as(metric).isEqualTo(first.at("/metrics/" + metric + "/mean"));
            assertThat(rerun.at("/metrics/" + metric + "/scored")).as(metric).isEqualTo(first.at("/metrics/" + metric + "/scored"));
            assertThat(rerun.at("/metrics/" + metric + "/usage/calls").asInt()).as(metric).isZero();
            for (int i = 0; i < 3; i++) {
                assertThat(rerun.at("/samples/" + i + "/scores/" + metric + "/score"))
                        .isEqualTo(first.at("/samples/" + i + "/scores/" + metric + "/score"));
            }
        }
        assertThat(rerun.at("/run/accounting/judge_calls").asInt()).isZero();
        assertThat(rerun.at("/run/accounting/cache_hits").asInt()).isEqualTo(firstRunCalls);
        assertThat(second.out()).contains("judge: 0 calls (" + firstRunCalls + " answered from the cache");
    }

    @Test
    void should_call_again_when_a_prompt_changes() throws IOException {
        assertThat(judge.run("--metrics", "context_recall").exitCode()).isZero();
        int before = judge.server().chatRequests().size();
        Path prompts = judge.dir().resolve("prompts/context_recall");
        Files.createDirectories(prompts);
        Files.writeString(prompts.resolve("attribution.txt"),
                "Classify each reference sentence. {{question}} {{context}} {{reference}} Reply with JSON.");

        CliRun changed = judge.run("--metrics", "context_recall", "--prompts-dir", judge.dir().resolve("prompts").toString());

        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(judge.server().chatRequests()).hasSize(before + 3);
        assertThat(judge.report().at("/run/prompts/context_recall~1attribution").asText()).hasSize(64);
    }

    @Test
    void should_answer_from_the_cache_only_when_cache_only_is_set() {
        assertThat(judge.run("--metrics", "context_recall").exitCode()).isZero();
        int before = judge.server().chatRequests().size();

        CliRun cached = judge.run("--metrics", "context_recall", "--cache-only");

        assertThat(cached.exitCode()).as(cached.err()).isZero();
        assertThat(judge.server().chatRequests()).hasSize(before);
    }

    @Test
    void should_record_errors_and_call_nothing_when_cache_only_misses() {
        CliRun missed = judge.run("--metrics", "context_recall", "--cache-only");

        assertThat(judge.server().chatRequests()).isEmpty();
        assertThat(missed.exitCode()).isEqualTo(5);
        JsonNode recall = judge.report().at("/metrics/context_recall");
        assertThat(recall.path("errors").asInt()).isEqualTo(3);
        assertThat(judge.report().at("/samples/0/scores/context_recall/reason").asText())
                .contains("not in the cache (--cache-only)");
    }

    @Test
    void should_call_every_time_when_the_cache_is_off() {
        judge.run("--metrics", "context_recall", "--no-cache");
        judge.run("--metrics", "context_recall", "--no-cache");

        assertThat(judge.server().chatRequests()).hasSize(6);
        assertThat(judge.dir().resolve("cache")).doesNotExist();
    }
}
