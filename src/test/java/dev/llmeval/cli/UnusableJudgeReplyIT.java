package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmeval.testing.FakeOpenAiServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A judge reply with nothing usable for an input that has something to judge (no sentences for a
 * reference with text, no verdicts for the statements) is asked again once, then recorded as an
 * error quoting the reply, never as not_applicable, which would drop the sample from the mean and
 * hide a broken judge.
 */
class UnusableJudgeReplyIT {

    @RegisterExtension
    final JudgeRun judge = new JudgeRun(request -> switch (FakeOpenAiServer.schemaName(request)) {
        case "attributions" -> "{\"sentences\": []}";
        case "statement_verdicts" -> "{\"verdicts\": []}";
        default -> FakeOpenAiServer.defaultReply(request);
    });

    @Test
    void should_ask_again_then_record_an_error_with_the_reply_when_it_lists_nothing_for_a_real_input() {
        CliRun result = judge.run("--metrics", "faithfulness,context_recall,answer_relevancy", "--quiet",
                "--max-errors", "10");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = judge.report();
        for (String metric : List.of("context_recall", "faithfulness")) {
            assertThat(report.at("/metrics/" + metric + "/errors").asInt()).as(metric).isEqualTo(3);
            assertThat(report.at("/metrics/" + metric + "/not_applicable").asInt()).as(metric).isZero();
        }
        assertThat(report.at("/samples/0/scores/context_recall/reason").asText()).isEqualTo(
                "judge reply could not be used after 1 repair request: the list \"sentences\" is empty, but the"
                        + " REFERENCE has text: list each of its sentences; reply began: {\"sentences\": []}");
        assertThat(report.at("/samples/0/scores/faithfulness/reason").asText()).isEqualTo(
                "judge reply could not be used after 1 repair request: the list \"verdicts\" is empty, but"
                        + " STATEMENTS lists 2: give a verdict for each; reply began: {\"verdicts\": []}");
        List<JsonNode> attributions = judge.server().chatRequests().stream()
                .filter(r -> FakeOpenAiServer.schemaName(r).equals("attributions")).toList();
        assertThat(attributions).hasSize(6);
        assertThat(attributions.stream().map(FakeOpenAiServer::prompt))
                .filteredOn(p -> p.startsWith("Your reply could not be used: the list \"sentences\" is empty"))
                .hasSize(3);
        assertThat(report.at("/metrics/answer_relevancy/scored").asInt()).isEqualTo(3);
    }
}
