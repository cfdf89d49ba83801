package dev.llmeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricResult;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second line of defence: a lone surrogate that reaches a writer (a judge's reason, text cut in
 * the middle of a pair) is written as U+FFFD; no report writer fails on it.
 */
class LoneSurrogateWritersTest {

    private static final String LONE = "cut \ud83d";

    @TempDir
    Path dir;

    private static SampleReport sample() {
        return new SampleReport("id \udc00", 1, "q \ud800", List.of(LONE), LONE, LONE, Map.of("k", LONE),
                Map.of("m", MetricResult.scored("m", 0.5, "reason " + LONE, Map.of("statement", LONE),
                        JudgeUsage.NONE)));
    }

    private static String strictUtf8(Path file) throws Exception {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString();
    }

    @Test
    void should_write_every_report_with_u_fffd_when_a_result_holds_a_lone_surrogate() throws Exception {
        // given: the samples go through the on-disk sample file, as in a run
        try (SampleFile samples = SampleFile.create(dir)) {
            samples.append(sample());
            RunReport report = SampleRuns.oneMetric(Map.of("m", 0.9), samples);

            // when
            JsonReport.write(report, dir.resolve("report.json"));
            HtmlReport.write(report, dir.resolve("report.html"));
            JunitReport.write(report, dir.resolve("junit.xml"));
            MarkdownReport.write(report, dir.resolve("summary.md"));

            // then
            String json = strictUtf8(dir.resolve("report.json"));
            assertThat(json).contains("\"response\": \"cut \uFFFD\"", "\"reason\": \"reason cut \uFFFD\"",
                    "\"id\": \"id \uFFFD\"");
            assertThat(strictUtf8(dir.resolve("report.html"))).contains("reason cut \uFFFD", "</html>");
            assertThat(strictUtf8(dir.resolve("junit.xml"))).contains("</testsuites>");
            assertThat(strictUtf8(dir.resolve("summary.md"))).contains("reason cut");
            List<SampleReport> back = new ArrayList<>();
            ReportReader.read(dir.resolve("report.json")).samples().forEach(back::add);
            assertThat(back.get(0).response()).isEqualTo("cut \uFFFD");
        }
    }
}
