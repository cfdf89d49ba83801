package dev.llmeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.gate.GateDecision;
import dev.llmeval.gate.Gate;
import dev.llmeval.gate.MetricSummary;
import dev.llmeval.gate.Summaries;
import dev.llmeval.gate.Thresholds;
import dev.llmeval.metric.MetricResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportTest {

    @Test
    void should_write_one_suite_per_metric_with_counts_matching_its_test_cases() throws Exception {
        // given
        RunReport report = SampleRuns.failingReport();

        // when
        Document doc = parse(JunitReport.render(report));

        // then
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("9");
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        assertThat(root.getAttribute("skipped")).isEqualTo("2");
        assertThat(root.getAttribute("time")).isEqualTo("1.234");
        NodeList suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(3);
        assertSuite((Element) suites.item(0), "llmeval.faithfulness", 3, 1, 1, 0);
        assertSuite((Element) suites.item(1), "llmeval.answer_relevancy", 3, 0, 0, 1);
        assertSuite((Element) suites.item(2), "llmeval.context_recall", 3, 1, 0, 1);
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            assertThat(suite.getAttribute("time")).isNotEmpty();
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int j = 0; j < cases.getLength(); j++) {
                Element c = (Element) cases.item(j);
                assertThat(c.getAttribute("classname")).isEqualTo(suite.getAttribute("name"));
                assertThat(c.getAttribute("name")).isEqualTo("q" + (j + 1));
                assertThat(c.getAttribute("time")).isEqualTo("0.000");
            }
        }
    }

    @Test
    void should_report_a_failure_for_a_score_below_the_threshold_with_score_threshold_and_reason() throws Exception {
        // given
        RunReport report = SampleRuns.failingReport();

        // when
        Document doc = parse(JunitReport.render(report));

        // then
        Element q2 = testCase(doc, "llmeval.context_recall", "q2");
        Element failure = only(q2, "failure");
        assertThat(failure.getAttribute("type")).isEqualTo("below_threshold");
        assertThat(failure.getAttribute("message"))
                .isEqualTo("score 0.500 < threshold 0.900: 1 of 2 reference statements found");
        assertThat(failure.getTextContent()).contains("0.500", "0.900", "1 of 2 reference statements found");
        assertThat(only(q2, "system-out").getTextContent()).contains("response: " + SampleRuns.XSS_RESPONSE);
        // a passing score and a metric without a threshold have no child elements
        assertThat(testCase(doc, "llmeval.context_recall", "q1").getChildNodes().getLength()).isZero();
        assertThat(testCase(doc, "llmeval.answer_relevancy", "q3").getChildNodes().getLength()).isZero();
    }

    @Test
    void should_map_error_to_error_and_skipped_and_not_applicable_to_skipped() throws Exception {
        // given
        RunReport report = SampleRuns.failingReport();

        // when
        Document doc = parse(JunitReport.render(report));

        // then
        Element error = only(testCase(doc, "llmeval.faithfulness", "q3"), "error");
        assertThat(error.getAttribute("message")).isEqualTo("judge reply unparseable");
        assertThat(error.getTextContent()).isEqualTo("judge reply unparseable");
        assertThat(only(testCase(doc, "llmeval.context_recall", "q3"), "skipped").getAttribute("message"))
                .isEqualTo("skipped: missing field: reference");
        assertThat(only(testCase(doc, "llmeval.answer_relevancy", "q2"), "skipped").getAttribute("message"))
                .isEqualTo("not_applicable: no question generated");
    }

    @Test
    void should_escape_markup_and_quotes_and_drop_control_characters() throws Exception {
        // given
        String nasty = "<script>alert(1)</script>&\"'\u0001\u001b]]>\nnext\uD800line";
        RunReport report = single("id <\"&'>\u0007", MetricResult.scored("m", 0.1, nasty, Map.of(), null),
                MetricResult.error("e", nasty, null));

        // when
        String xml = JunitReport.render(report);
        Document doc = parse(xml);

        // then
        assertThat(xml).doesNotContain("<script>", "\u0001", "\u001b", "\u0007", "\uD800", "]]>");
        String clean = "<script>alert(1)</script>&\"']]>\nnextline";
        Element failure = only(testCase(doc, "llmeval.m", "id <\"&'>"), "failure");
        assertThat(failure.getAttribute("message")).isEqualTo("score 0.100 < threshold 0.500: " + clean);
        assertThat(failure.getTextContent()).isEqualTo("score 0.100 < threshold 0.500: " + clean);
        Element error = only(testCase(doc, "llmeval.e", "id <\"&'>"), "error");
        assertThat(error.getAttribute("message")).isEqualTo(clean);
    }

    @Test
    void should_write_a_well_formed_utf8_file_and_read_the_samples_from_a_sample_file(@TempDir Path dir)
            throws Exception {
        // given
        RunReport base = SampleRuns.failingReport();
        try (SampleFile samples = SampleFile.create(dir)) {
            base.samples().forEach(samples::append);
            RunReport report = new RunReport(base.tool(), base.run(), base.metrics(), samples, base.gate());
            Path file = dir.resolve("out/junit.xml");

            // when
            JunitReport.write(report, file);

            // then
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
            assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(9);
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .isEqualTo(JunitReport.render(base));
        }
    }

    @Test
    void should_cut_a_long_reason_in_the_message_attribute_but_keep_it_whole_in_the_text() throws Exception {
        // given
        String reason = "x".repeat(5000);
        RunReport report = single("s", MetricResult.error("e", reason, null));

        // when
        Element error = only(testCase(parse(JunitReport.render(report)), "llmeval.e", "s"), "error");

        // then
        assertThat(error.getAttribute("message")).isEqualTo("x".repeat(JunitReport.MAX_MESSAGE) + "...");
        assertThat(error.getTextContent()).isEqualTo(reason);
    }

    private static RunReport single(String id, MetricResult... results) {
        Map<String, MetricResult> scores = new java.util.LinkedHashMap<>();
        List<MetricSummary> summaries = new ArrayList<>();
        for (MetricResult r : results) {
            scores.put(r.metricId(), r);
            summaries.add(Summaries.of(r.metricId(), List.of(r)));
        }
        List<SampleReport> samples = List.of(new SampleReport(id, 1, "q", null, "a", null, null, scores));
        Thresholds thresholds = new Thresholds(Map.of("m", 0.5));
        GateDecision decision = Gate.decide(summaries, thresholds);
        return RunReport.assemble(SampleRuns.context(SampleRuns.offlineJudge()), samples, summaries,
                thresholds, decision);
    }

    private static void assertSuite(Element suite, String name, int tests, int failures, int errors, int skipped) {
        assertThat(suite.getAttribute("name")).isEqualTo(name);
        assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(tests));
        assertThat(suite.getAttribute("failures")).isEqualTo(Integer.toString(failures));
        assertThat(suite.getAttribute("errors")).isEqualTo(Integer.toString(errors));
        assertThat(suite.getAttribute("skipped")).isEqualTo(Integer.toString(skipped));
        assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(tests);
        assertThat(suite.getElementsByTagName("failure").getLength()).isEqualTo(failures);
        assertThat(suite.getElementsByTagName("error").getLength()).isEqualTo(errors);
        assertThat(suite.getElementsByTagName("skipped").getLength()).isEqualTo(skipped);
    }

    private static Element testCase(Document doc, String classname, String name) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("classname").equals(classname) && c.getAttribute("name").equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no test case " + classname + " " + name);
    }

    private static Element only(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        assertThat(list.getLength()).as(tag).isEqualTo(1);
        return (Element) list.item(0);
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
