package dev.llmeval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.llmeval.ExitStatus;
import dev.llmeval.gate.Comparison;
import dev.llmeval.gate.Comparisons;
import dev.llmeval.gate.Gate;
import dev.llmeval.gate.GateDecision;
import dev.llmeval.gate.MaxDrop;
import dev.llmeval.gate.MetricSummary;
import dev.llmeval.gate.Summaries;
import dev.llmeval.gate.Thresholds;
import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real headless Chromium: it opens without errors, shows the summary, the
 * filters and sorting work, and dataset text holding {@code <script>}, {@code onerror} handlers
 * or {@code javascript:} links runs nothing.
 *
 * <p>Needs Chromium (Debian's {@code chromium}; {@code .ci/run} installs it when missing), found
 * on the PATH or at {@code $LLMEVAL_CHROMIUM}. Without it the test fails, unless
 * {@code LLMEVAL_SKIP_BROWSER_TESTS=true} skips it.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HtmlReportBrowserIT {

    private static final List<String> METRICS = List.of("faithfulness", "answer_relevancy", "context_recall");
    private static final Map<String, Double> THRESHOLDS = Map.of("faithfulness", 0.7, "context_recall", 0.9);

    /** Each payload would set window.__pwned if the page ever ran it. */
    private static final String SCRIPT_ID = "<script>window.__pwned=1</script>";
    private static final String JS_LINK_ID = "javascript:window.__pwned=3";
    private static final String IMG = "<img src=x onerror=\"window.__pwned=2\">";
    private static final String LINK = "<a href=\"javascript:window.__pwned=3\">click me</a>";
    private static final String BASELINE_ONLY_ID = "<img src=x onerror=\"window.__pwned=9\">";

    @TempDir
    static Path dir;

    /** A run with more samples than the page shows in full, and than one page of the table holds. */
    private static final int LARGE = 2_500;

    private static Chromium chromium;
    private static List<SampleReport> samples;
    private static Path page;
    private static Path largePage;
    private static Path offlinePage;
    private int mark;

    @BeforeAll
    static void startChromium() throws IOException, InterruptedException {
        Assumptions.assumeFalse(Chromium.skipped(System.getenv()),
                Chromium.SKIP_ENV + " is set: the browser test is skipped");
        Optional<Path> binary = Chromium.find(System.getenv());
        if (binary.isEmpty()) {
            String set = System.getenv(Chromium.BINARY_ENV);
            fail("Chromium not found" + (set == null || set.isBlank() ? "" : " (" + Chromium.BINARY_ENV + "=" + set
                    + " is not an executable file)") + ": HtmlReportBrowserIT needs a headless Chromium. Install it"
                    + " (apt-get install chromium; .ci/run does so when it is missing), or point "
                    + Chromium.BINARY_ENV + " at a Chromium or Chrome binary, or set "
                    + Chromium.SKIP_ENV + "=true to skip this test.");
        }
        samples = samples();
        RunReport report = report(samples);
        // written as a run writes it, then read back and written again as `llmeval report --from` does
        Path json = dir.resolve("run/report.json");
        JsonReport.write(report, json);
        HtmlReport.write(report, dir.resolve("run/report.html"));
        page = dir.resolve("again/report.html");
        HtmlReport.write(ReportReader.read(json), page);
        assertThat(Files.readString(page, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(dir.resolve("run/report.html"), StandardCharsets.UTF_8));
        largePage = dir.resolve("large/report.html");
        HtmlReport.write(report(largeSamples()), largePage);
        offlinePage = dir.resolve("offline/report.html");
        HtmlReport.write(report(samples, new JudgeInfo(JudgeInfo.OFFLINE, "offline-v1", "offline-v1: rules", null)),
                offlinePage);
        chromium = Chromium.start(binary.get(), Files.createDirectories(dir.resolve("browser")));
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void open() {
        mark = chromium.navigate(page.toUri().toString());
        settle();
    }

    @Test
    void should_open_without_errors_and_show_the_summary() {
        // then
        assertThat(chromium.problems(mark)).isEmpty();
        assertThat(text("document.querySelector('.verdict').textContent")).isEqualTo("FAILED");
        assertThat(strings("Array.from(document.querySelectorAll('.cards .card h3')).map(h => h.textContent)"))
                .containsExactlyElementsOf(METRICS);
        assertThat(strings("Array.from(document.querySelectorAll('.cards .card')).map(c => c.className)"))
                .containsExactly("card fail", "card", "card fail");
        assertThat(chromium.evaluate("Array.from(document.querySelectorAll('.cards .card .big'))"
                + ".every(b => b.getClientRects().length > 0)").asBoolean()).as("card means visible").isTrue();
        assertThat(strings("Array.from(document.querySelectorAll('table.metrics tbody tr td:first-child'))"
                + ".map(td => td.textContent)")).containsExactlyElementsOf(METRICS);
        assertThat(text("document.getElementById('baseline').textContent")).isEqualTo("Against the baseline");
        assertThat(text("document.getElementById('shown').textContent"))
                .isEqualTo(samples.size() + " of " + samples.size() + " shown");
        assertThat(visibleRows()).containsExactlyElementsOf(ids(s -> true));
    }

    @Test
    void should_run_nothing_from_the_dataset() {
        // then: the payloads are on the page as text, and none of them ran
        assertThat(chromium.evaluate("typeof window.__pwned").asText()).isEqualTo("undefined");
        assertThat(chromium.problems(mark)).as("no error, no blocked script, no dialog").isEmpty();
        assertThat(strings("Array.from(document.scripts).map(s => s.type + '#' + s.id)"))
                .as("only the report's own script, and its data block, which does not run")
                .containsExactly("application/json#sample-data", "#");
        assertThat(chromium.evaluate("document.querySelectorAll('img, iframe, object, embed, svg:not(.hist)').length")
                .asInt()).isZero();
        assertThat(chromium.evaluate("Array.from(document.querySelectorAll('*')).some(e =>"
                + " Array.from(e.attributes).some(a => a.name.startsWith('on')))").asBoolean())
                .as("no element has an event-handler attribute").isFalse();
        String body = text("document.body.textContent");
        assertThat(body).contains(SCRIPT_ID, IMG, LINK, JS_LINK_ID, BASELINE_ONLY_ID);
        assertThat(strings("Array.from(document.links).map(a => a.getAttribute('href'))"))
                .isNotEmpty()
                .allSatisfy(href -> assertThat(href).matches("#sample-[0-9]+"));
    }

    @Test
    void should_run_nothing_when_every_link_is_clicked() {
        // given: every link in the page, including the ones whose text is a payload
        List<String> hrefs = strings("Array.from(document.links).map(a => a.getAttribute('href'))");
        assertThat(strings("Array.from(document.links).map(a => a.textContent)")).contains(JS_LINK_ID, SCRIPT_ID);

        for (int i = 0; i < hrefs.size(); i++) {
            // when: a real mouse click on the i-th link
            chromium.evaluate("document.links[" + i + "].setAttribute('data-click', '" + i + "')");
            chromium.click("a[data-click='" + i + "']");
            String expected = hrefs.get(i);

            // then: the link only moved to its sample, which is open
            awaitTrue("location.hash === " + Chromium.quote(expected));
            awaitTrue("document.getElementById(" + Chromium.quote(expected.substring(1)) + ").open === true");
            assertThat(chromium.evaluate("typeof window.__pwned").asText()).isEqualTo("undefined");
            assertThat(text("location.protocol")).isEqualTo("file:");
        }
        assertThat(chromium.problems(mark)).isEmpty();
    }

    @Test
    void should_show_only_the_samples_with_an_outcome_when_filtered_by_outcome() {
        // when
        choose("outcome", "error");

        // then
        assertThat(visibleRows()).containsExactlyElementsOf(ids(s -> has(s, null, Outcome.ERROR)))
                .isNotEmpty().hasSizeLessThan(samples.size());
        assertThat(visibleDetails()).isEqualTo(visibleRows());
        assertThat(text("document.getElementById('shown').textContent"))
                .isEqualTo(visibleRows().size() + " of " + samples.size() + " shown");
    }

    @Test
    void should_show_only_the_samples_below_a_threshold_when_failing_only_is_ticked() {
        // when: a real click on the checkbox
        chromium.click("#below");

        // then
        List<String> failing = ids(s -> METRICS.stream().anyMatch(m -> below(s, m)));
        assertThat(failing).isNotEmpty().hasSizeLessThan(samples.size());
        awaitRows(failing);
        assertThat(visibleDetails()).isEqualTo(failing);

        // and when unticked again, everything shows
        chromium.click("#below");
        awaitRows(ids(s -> true));
    }

    @Test
    void should_apply_outcome_and_failing_only_to_the_chosen_metric_when_filtered_by_metric() {
        // when
        choose("metric", Integer.toString(METRICS.indexOf("context_recall")));
        chromium.click("#below");

        // then: only samples whose context recall is below its threshold
        List<String> recallBelow = ids(s -> below(s, "context_recall"));
        assertThat(recallBelow).hasSize(1);
        awaitRows(recallBelow);

        // and when: context recall skipped
        chromium.click("#below");
        choose("outcome", "skipped");
        assertThat(visibleRows()).containsExactlyElementsOf(ids(s -> has(s, "context_recall", Outcome.SKIPPED)))
                .hasSize(1);

        // and when: faithfulness scored
        choose("metric", Integer.toString(METRICS.indexOf("faithfulness")));
        choose("outcome", "scored");
        assertThat(visibleRows()).containsExactlyElementsOf(ids(s -> has(s, "faithfulness", Outcome.SCORED)))
                .hasSizeLessThan(samples.size());
    }

    @Test
    void should_show_only_matching_samples_when_text_is_typed_into_the_search() {
        // when: typed, as a keyboard would
        chromium.evaluate("document.getElementById('find').focus()");
        chromium.type("nginx");

        // then: the search is case-insensitive and looks in the responses
        List<String> expected = ids(s -> s.response() != null && s.response().toLowerCase().contains("nginx"));
        assertThat(expected).hasSize(1);
        awaitRows(expected);
    }

    @Test
    void should_sort_rows_by_a_metric_when_its_header_is_clicked_and_reverse_on_a_second_click() {
        // given
        int column = 3 + METRICS.indexOf("faithfulness");
        String header = "#sample-table thead th:nth-child(" + column + ")";
        Comparator<SampleReport> byScore = Comparator.comparingDouble(s -> s.scores().get("faithfulness").score());
        List<SampleReport> scored = samples.stream().filter(s -> has(s, "faithfulness", Outcome.SCORED)).toList();
        List<String> unscored = ids(s -> !has(s, "faithfulness", Outcome.SCORED));

        // when
        chromium.click(header);

        // then: lowest first, samples without a score last
        List<String> ascending = new ArrayList<>(scored.stream().sorted(byScore).map(SampleReport::id).toList());
        ascending.addAll(unscored);
        awaitRows(ascending);
        assertThat(text("document.querySelector(" + Chromium.quote(header) + ").getAttribute('aria-sort')"))
                .isEqualTo("ascending");

        // and when clicked again: highest first, still without a score last
        chromium.click(header);
        List<String> descending = new ArrayList<>(scored.stream().sorted(byScore.reversed()).map(SampleReport::id).toList());
        descending.addAll(unscored);
        awaitRows(descending);
        assertThat(ascending).isNotEqualTo(descending);
    }

    @Test
    void should_fill_only_the_columns_of_the_head_when_the_offline_judge_made_no_calls() {
        // given: an offline run, whose table has no judge calls or tokens columns
        int pageMark = chromium.navigate(offlinePage.toUri().toString());
        settle();

        // then: every row has a cell per column of the head, the last one the outcome badges
        assertThat(chromium.problems(pageMark)).isEmpty();
        assertThat(strings("Array.from(document.querySelectorAll('#sample-table thead th')).map(h => h.textContent)"))
                .doesNotContain("judge calls", "tokens").endsWith("outcomes");
        assertThat(visibleRows()).containsExactlyElementsOf(ids(s -> true));
        int columns = chromium.evaluate("document.querySelectorAll('#sample-table thead th').length").asInt();
        assertThat(chromium.evaluate("Array.from(document.querySelectorAll('#sample-table tbody tr'))"
                + ".every(r => r.children.length === " + columns + " && !!r.lastElementChild.querySelector('.badge'))")
                .asBoolean()).isTrue();
    }

    @Test
    void should_page_a_large_run_and_show_the_worst_samples_in_full() {
        // given
        int pageMark = chromium.navigate(largePage.toUri().toString());
        settle();

        // then: the first page of 100 rows, the count over every sample, 500 samples in full
        assertThat(chromium.problems(pageMark)).isEmpty();
        assertThat(visibleRows()).hasSize(100).startsWith("large-1", "large-2");
        assertThat(text("document.getElementById('page').textContent")).isEqualTo("page 1 of 25");
        assertThat(text("document.getElementById('shown').textContent")).isEqualTo(LARGE + " of " + LARGE + " shown");
        assertThat(chromium.evaluate("document.querySelectorAll('details.sample').length").asInt()).isEqualTo(500);
        assertThat(chromium.evaluate("typeof window.__pwned").asText()).isEqualTo("undefined");
        // a row links to a sample only when the page shows it in full
        assertThat(chromium.evaluate("Array.from(document.querySelectorAll('#sample-table tbody tr')).every(r =>"
                + " !!r.querySelector('a') === !!document.getElementById('sample-' + r.children[0].textContent))")
                .asBoolean()).isTrue();

        // when: the next page
        chromium.click("#next");

        // then
        awaitTrue("document.getElementById('page').textContent === 'page 2 of 25'");
        assertThat(visibleRows()).hasSize(100).startsWith("large-101");

        // when: sorted by faithfulness, over every page
        chromium.click("#sample-table thead th:nth-child(3)");

        // then: page 1 again, lowest first
        awaitTrue("document.getElementById('page').textContent === 'page 1 of 25'");
        List<SampleReport> large = largeSamples();
        List<Integer> byScore = new ArrayList<>();
        for (int i = 0; i < large.size(); i++) {
            byScore.add(i);
        }
        // a stable sort: equal scores keep dataset order
        byScore.sort(Comparator.comparingDouble(i -> large.get(i).scores().get("faithfulness").score()));
        List<String> lowest = byScore.stream().limit(100).map(i -> large.get(i).id()).toList();
        awaitRows(lowest);
        // the worst samples are among those shown in full
        assertThat(chromium.evaluate("!!document.getElementById('sample-" + (byScore.get(0) + 1) + "')")
                .asBoolean()).isTrue();

        // when: filtered by outcome, over every page
        choose("outcome", "error");

        // then
        long errors = largeSamples().stream().filter(s -> has(s, null, Outcome.ERROR)).count();
        awaitTrue("document.getElementById('shown').textContent === '" + errors + " of " + LARGE + " shown'");
        assertThat(visibleRows()).hasSize((int) Math.min(100, errors));

        // when: searched for a payload id that only the table holds
        choose("outcome", "");
        chromium.evaluate("document.getElementById('find').focus()");
        chromium.type("window.__pwned=12");

        // then: found, shown as text
        awaitRows(List.of(LARGE_PAYLOAD_ID));
        assertThat(chromium.evaluate("typeof window.__pwned").asText()).isEqualTo("undefined");
        assertThat(chromium.problems(pageMark)).isEmpty();
    }

    private static final String LARGE_PAYLOAD_ID = "<img src=x onerror=\"window.__pwned=12\">";

    /** Samples large-1 … large-2500: every 7th has an answer relevancy error, faithfulness varies; one id is a payload. */
    private static List<SampleReport> largeSamples() {
        List<SampleReport> large = new ArrayList<>();
        for (int i = 1; i <= LARGE; i++) {
            double faithfulness = ((i * 37) % 1000) / 1000.0;
            String id = i == 1_234 ? LARGE_PAYLOAD_ID : "large-" + i;
            large.add(sample(id, "Question " + i + "?", "Answer " + i + ".", List.of("Context " + i + "."), "Ref",
                    Map.of(),
                    MetricResult.scored("faithfulness", faithfulness, "r", Map.of(), JudgeUsage.NONE),
                    i % 7 == 0 ? MetricResult.error("answer_relevancy", "judge failed", JudgeUsage.NONE)
                            : MetricResult.scored("answer_relevancy", 0.9, "r", Map.of(), JudgeUsage.NONE),
                    MetricResult.scored("context_recall", 1.0, "r", Map.of(), JudgeUsage.NONE)));
        }
        return large;
    }

    @Test
    void should_notice_a_blocked_script_an_exception_and_a_payload_that_ran_when_a_page_has_them() throws IOException {
        // given: the harness is not blind: the report's own policy blocks an inline script and says so,
        // and without a policy an onerror handler runs and a thrown error is reported
        String html = Files.readString(page, StandardCharsets.UTF_8);
        String policy = html.substring(html.indexOf("<meta http-equiv=\"Content-Security-Policy\""));
        policy = policy.substring(0, policy.indexOf('>') + 1);
        Path blocked = dir.resolve("canary/blocked.html");
        Files.createDirectories(blocked.getParent());
        Files.writeString(blocked, "<!DOCTYPE html><html><head>" + policy + "</head><body>"
                + SCRIPT_ID + "</body></html>");
        Path unsafe = dir.resolve("canary/unsafe.html");
        Files.writeString(unsafe, "<!DOCTYPE html><html><body>" + IMG
                + "<script>throw new Error('canary')</script></body></html>");

        // when
        int blockedMark = chromium.navigate(blocked.toUri().toString());
        settle();

        // then
        assertThat(chromium.evaluate("typeof window.__pwned").asText()).isEqualTo("undefined");
        awaitProblem(blockedMark, p -> p.contains("Content Security Policy"));

        // when
        int unsafeMark = chromium.navigate(unsafe.toUri().toString());

        // then
        awaitTrue("window.__pwned === 2");
        awaitProblem(unsafeMark, p -> p.startsWith("exception: ") && p.contains("canary"));
    }

    /** Builds the run: four samples with payloads in ids, questions, responses, contexts, metadata and reasons. */
    private static List<SampleReport> samples() {
        Map<String, Object> statements = new LinkedHashMap<>();
        statements.put("statements", List.of(Map.of("statement", "<script>window.__pwned=5</script>",
                "verdict", false, "reason", IMG)));
        return List.of(
                sample("safe-1", "How long are snapshots kept?", "Snapshots are kept for 30 days.",
                        List.of("Snapshots are kept for 30 days by default."), "30 days", Map.of(),
                        MetricResult.scored("faithfulness", 0.95, "all statements supported", Map.of(), JudgeUsage.NONE),
                        MetricResult.scored("answer_relevancy", 0.8, "relevant", Map.of(), JudgeUsage.NONE),
                        MetricResult.scored("context_recall", 1.0, "all found", Map.of(), JudgeUsage.NONE)),
                sample(SCRIPT_ID, "\"><svg onload=\"window.__pwned=6\">", "It listens on port 9999 behind Nginx. " + IMG,
                        List.of("<script>window.__pwned=4</script>", "<iframe src=\"javascript:window.__pwned=5\">"),
                        "port 8420", Map.of("note", "<script>window.__pwned=7</script>"),
                        MetricResult.scored("faithfulness", 0.2, IMG, statements, new JudgeUsage(2, 100, 10)),
                        MetricResult.error("answer_relevancy", "judge failed: " + LINK, new JudgeUsage(1, 10, 0)),
                        MetricResult.scored("context_recall", 0.95, "found", Map.of(), JudgeUsage.NONE)),
                sample(JS_LINK_ID, "Is there a CLI? " + LINK, LINK + " and " + JS_LINK_ID,
                        List.of(JS_LINK_ID), null, Map.of(),
                        MetricResult.scored("faithfulness", 0.6, "some supported", Map.of(), JudgeUsage.NONE),
                        MetricResult.scored("answer_relevancy", 0.4, "evasive", Map.of(), JudgeUsage.NONE),
                        MetricResult.skipped("context_recall", "missing field: reference")),
                sample("q4", "What is the default region?", "<style>body { display: none }</style>eu-west-1",
                        List.of("The default region is eu-west-1."), "eu-west-1", Map.of(),
                        MetricResult.notApplicable("faithfulness", "no statements", Map.of(), JudgeUsage.NONE),
                        MetricResult.scored("answer_relevancy", 0.95, "relevant", Map.of(), JudgeUsage.NONE),
                        MetricResult.scored("context_recall", 0.3, "mostly missing", Map.of(), JudgeUsage.NONE)));
    }

    private static SampleReport sample(String id, String question, String response, List<String> contexts,
            String reference, Map<String, Object> metadata, MetricResult... results) {
        Map<String, MetricResult> scores = new LinkedHashMap<>();
        for (MetricResult r : results) {
            scores.put(r.metricId(), r);
        }
        return new SampleReport(id, 1, question, contexts, response, reference, metadata, scores);
    }

    /** The run against a baseline where faithfulness of the script sample was 0.9 and one sample is gone. */
    private static RunReport report(List<SampleReport> samples) {
        return report(samples, new JudgeInfo("openai", "<script>window.__pwned=10</script>", "llm", null));
    }

    private static RunReport report(List<SampleReport> samples, JudgeInfo judge) {
        List<MetricSummary> summaries = new ArrayList<>();
        List<Comparison> comparisons = new ArrayList<>();
        for (String metric : METRICS) {
            summaries.add(Summaries.of(metric, samples.stream().map(s -> s.scores().get(metric)).toList()));
            Map<String, Double> current = new LinkedHashMap<>();
            samples.stream().filter(s -> has(s, metric, Outcome.SCORED))
                    .forEach(s -> current.put(s.id(), s.scores().get(metric).score()));
            Map<String, Double> before = new LinkedHashMap<>(current);
            before.replaceAll((id, score) -> id.equals(SCRIPT_ID) ? 0.9 : score);
            before.put(BASELINE_ONLY_ID, 0.5);
            comparisons.add(Comparisons.compare(metric, before, current));
        }
        BaselineReport baseline = HtmlBaselineTest.gated("main/<b>report</b>.json", comparisons,
                MaxDrop.parse(List.of("faithfulness=0.05"), ExitStatus.USAGE), false);
        RunContext context = new RunContext("0.1.0", Instant.parse("2026-11-27T21:00:00Z"),
                Instant.parse("2026-11-27T21:00:01Z"), judge, "all-minilm-l6-v2 (in-process)",
                new DatasetInfo("golden/<script>window.__pwned=11</script>.jsonl", "ab12", "jsonl", samples.size()),
                METRICS, Map.of(), null, null, null, baseline);
        Thresholds thresholds = new Thresholds(THRESHOLDS);
        GateDecision decision = Gate.decide(summaries, thresholds);
        return RunReport.assemble(context, samples, summaries, thresholds, decision);
    }

    private static boolean has(SampleReport s, String metric, Outcome outcome) {
        return metric == null
                ? s.scores().values().stream().anyMatch(r -> r.outcome() == outcome)
                : s.scores().containsKey(metric) && s.scores().get(metric).outcome() == outcome;
    }

    private static boolean below(SampleReport s, String metric) {
        Double threshold = THRESHOLDS.get(metric);
        return threshold != null && has(s, metric, Outcome.SCORED) && s.scores().get(metric).score() < threshold;
    }

    private static List<String> ids(Predicate<SampleReport> which) {
        return samples.stream().filter(which).map(SampleReport::id).toList();
    }

    /** Lets the page finish what it queued (events, violation reports) before looking. */
    private static void settle() {
        chromium.evaluate("new Promise(r => setTimeout(() => setTimeout(r, 0), 0))");
    }

    private static String text(String expression) {
        return chromium.evaluate(expression).asText();
    }

    private static List<String> strings(String expression) {
        List<String> values = new ArrayList<>();
        chromium.evaluate(expression).forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The ids of the rows that take up space on the page, top to bottom. */
    private static List<String> visibleRows() {
        return strings("Array.from(document.querySelectorAll('#sample-table tbody tr'))"
                + ".filter(r => r.getClientRects().length > 0).map(r => r.children[1].textContent)");
    }

    private static List<String> visibleDetails() {
        return strings("Array.from(document.querySelectorAll('details.sample'))"
                + ".filter(d => d.getClientRects().length > 0).map(d => d.querySelector('.sid').textContent)");
    }

    /** Picks an option of a select, as a user's choice would: the value changes and a change event fires. */
    private static void choose(String select, String value) {
        chromium.evaluate("(function () { var s = document.getElementById(" + Chromium.quote(select) + ");"
                + " if (!Array.from(s.options).some(o => o.value === " + Chromium.quote(value) + ")) {"
                + " throw new Error('no option ' + " + Chromium.quote(value) + "); }"
                + " s.value = " + Chromium.quote(value) + "; s.dispatchEvent(new Event('change', {bubbles: true})); })()");
    }

    private static void awaitRows(List<String> expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> rows = visibleRows();
        while (!rows.equals(expected) && System.nanoTime() < deadline) {
            settle();
            rows = visibleRows();
        }
        assertThat(rows).containsExactlyElementsOf(expected);
    }

    private static void awaitTrue(String expression) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!chromium.evaluate("!!(" + expression + ")").asBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("still false after 10 s: " + expression);
            }
            settle();
        }
    }

    private static void awaitProblem(int mark, Predicate<String> which) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (chromium.problems(mark).stream().noneMatch(which)) {
            if (System.nanoTime() > deadline) {
                fail("no such problem reported within 10 s; got " + chromium.problems(mark));
            }
            settle();
        }
    }
}
