package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmeval.testing.FakeOpenAiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Unreadable judge replies are not cached: a rerun re-asks exactly the calls that failed, and a
 * reply that a repair request corrected is cached with its repair, so a rerun needs neither.
 */
class JudgeCacheFaultsIT {

    /** While set, every request about the second sample ("acct reset") is answered with prose. */
    private final AtomicBoolean garbage = new AtomicBoolean();
    /** While set, only the first request about the second sample is answered with prose; its repair is fine. */
    private final AtomicBoolean garbageOnce = new AtomicBoolean();

    @RegisterExtension
    final JudgeRun judge = new JudgeRun(request -> {
        boolean second = request.toString().contains("acct reset");
        boolean first = FakeOpenAiServer.prompt(request).contains("acct reset");
        if (second && (garbage.get() || garbageOnce.get() && first)) {
            return "Sorry, I can only answer questions about cooking.";
        }
        return FakeOpenAiServer.defaultReply(request);
    });

    private CliRun recall() {
        return judge.run("--metrics", "context_recall", "--concurrency", "1");
    }

    private List<Path> cacheEntries() throws IOException {
        try (Stream<Path> files = Files.walk(judge.dir().resolve("cache"))) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }

    private void assertFailedOnlyTheSecondSample(CliRun first) {
        JsonNode report = judge.report();
        assertThat(report.at("/samples/1/scores/context_recall/outcome").asText()).as(first.err()).isEqualTo("error");
        assertThat(report.at("/samples/0/scores/context_recall/outcome").asText()).isEqualTo("scored");
        assertThat(report.at("/samples/2/scores/context_recall/outcome").asText()).isEqualTo("scored");
    }

    private void assertRerunAsksOnlyTheFailedCall(int callsBefore) {
        CliRun rerun = recall();

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        List<JsonNode> asked = judge.server().chatRequests().subList(callsBefore, judge.server().chatRequests().size());
        assertThat(asked).hasSize(1);
        assertThat(FakeOpenAiServer.prompt(asked.get(0))).contains("acct reset");
        JsonNode report = judge.report();
        assertThat(report.at("/metrics/context_recall/scored").asInt()).isEqualTo(3);
        assertThat(report.at("/metrics/context_recall/errors").asInt()).isZero();
        assertThat(report.at("/run/accounting/cache_hits").asInt()).isEqualTo(2);
    }

    @Test
    void should_not_cache_unreadable_replies_and_rerun_only_the_failed_call_when_the_judge_answered_prose()
            throws IOException {
        // given: the second sample's call and its repair request are answered with prose
        garbage.set(true);
        CliRun first = recall();
        assertFailedOnlyTheSecondSample(first);
        int calls = judge.server().chatRequests().size();
        assertThat(calls).isEqualTo(4);
        for (Path entry : cacheEntries()) {
            assertThat(Files.readString(entry)).doesNotContain("cooking");
        }
        assertThat(cacheEntries()).hasSize(2);

        // when the judge is healthy again, then only the failed call is asked again
        garbage.set(false);
        assertRerunAsksOnlyTheFailedCall(calls);
    }

    @Test
    void should_not_cache_cut_off_replies_and_rerun_only_the_failed_call_when_the_judge_ran_out_of_tokens()
            throws IOException {
        // given: the second sample's replies end mid-JSON with finish_reason length
        AtomicBoolean cut = new AtomicBoolean(true);
        judge.server().truncate(request -> cut.get() && request.toString().contains("acct reset"));
        CliRun first = recall();
        assertFailedOnlyTheSecondSample(first);
        int calls = judge.server().chatRequests().size();
        assertThat(calls).isEqualTo(4);
        assertThat(cacheEntries()).hasSize(2);

        // when
        cut.set(false);

        // then
        assertRerunAsksOnlyTheFailedCall(calls);
    }

    @Test
    void should_cache_a_repaired_reply_with_its_repair_and_call_nothing_on_a_rerun() {
        // given: the second sample's first reply is prose, the repair request gets JSON
        garbageOnce.set(true);
        CliRun first = recall();
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(judge.report().at("/metrics/context_recall/scored").asInt()).isEqualTo(3);
        int calls = judge.server().chatRequests().size();
        assertThat(calls).isEqualTo(4);

        // when
        CliRun rerun = recall();

        // then
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(judge.server().chatRequests()).hasSize(calls);
        assertThat(judge.report().at("/metrics/context_recall/scored").asInt()).isEqualTo(3);
        assertThat(judge.report().at("/run/accounting/cache_hits").asInt()).isEqualTo(4);
    }
}
