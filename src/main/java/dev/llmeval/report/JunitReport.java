package dev.llmeval.report;

import dev.llmeval.gate.Direction;
import dev.llmeval.metric.MetricResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes junit.xml: the run as JUnit XML that CI test reporters (Jenkins, GitLab, GitHub
 * actions) read. One {@code <testsuite name="llmeval.<metric>">} per metric, one
 * {@code <testcase>} per sample × metric:
 *
 * <ul>
 *   <li>scored below the metric's threshold: {@code <failure>} with the score, threshold and reason
 *       (a metric without a threshold never fails);
 *   <li>error: {@code <error>} with the reason;
 *   <li>skipped or not applicable: {@code <skipped>} with the reason.
 * </ul>
 *
 * <p>The samples are read twice, once to count (the counts are attributes written before the
 * test cases) and once to write, and never held all at once. All text is XML-escaped and
 * characters XML 1.0 does not allow are removed.
 */
public final class JunitReport {

    /** How much of a response a failing test case shows in its {@code <system-out>}. */
    static final int MAX_OUTPUT = 2000;
    /** How much of a reason a {@code message} attribute holds; the element's text has all of it. */
    static final int MAX_MESSAGE = 1000;

    private JunitReport() {}

    /** The whole document as one string; {@link #write(RunReport, Writer)} writes the same text. */
    public static String render(RunReport report) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the JUnit report", e);
        }
        return out.toString();
    }

    /**
     * Writes the report to {@code file} as UTF-8, creating parent folders.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(RunReport report, Path file) {
        ReportFiles.write(file, out -> write(report, out));
    }

    /**
     * Writes the report to {@code out}, which stays open.
     *
     * @throws IOException when {@code out} fails
     */
    public static void write(RunReport report, Writer out) throws IOException {
        Map<String, Counts> counts = count(report);
        Counts total = new Counts();
        counts.values().forEach(total::add);

        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"" + attr(report.tool().name()) + "\""
                + total.attributes()
                + " time=\"" + seconds(report.run().durationMs()) + "\">\n");
        for (Map.Entry<String, Counts> e : counts.entrySet()) {
            String metric = e.getKey();
            String suite = attr(suiteName(metric));
            out.write("  <testsuite name=\"" + suite + "\"" + e.getValue().attributes()
                    + " time=\"0.000\" timestamp=\"" + attr(timestamp(report.run().started())) + "\">\n");
            out.write("    <properties>\n");
            property(out, "judge", ConsoleSummary.judge(report.run().judge()));
            MetricReport m = report.metrics().get(metric);
            if (m.threshold() != null) {
                property(out, "threshold", ConsoleSummary.number(m.threshold()));
            }
            if (m.mean() != null) {
                property(out, "mean", ConsoleSummary.number(m.mean()));
            }
            out.write("    </properties>\n");
            for (SampleReport sample : report.samples()) {
                MetricResult result = sample.scores().get(metric);
                if (result != null) {
                    testCase(out, suite, sample, result, m.threshold());
                }
            }
            out.write("  </testsuite>\n");
        }
        out.write("</testsuites>\n");
    }

    /** Per metric, in the report's order: tests, failures, errors and skipped, in one pass. */
    static Map<String, Counts> count(RunReport report) {
        Map<String, Counts> counts = new LinkedHashMap<>();
        report.metrics().keySet().forEach(id -> counts.put(id, new Counts()));
        for (SampleReport sample : report.samples()) {
            for (Map.Entry<String, Counts> e : counts.entrySet()) {
                MetricResult result = sample.scores().get(e.getKey());
                if (result != null) {
                    e.getValue().add(kind(result, report.metrics().get(e.getKey()).threshold()));
                }
            }
        }
        return counts;
    }

    private enum Kind { PASSED, FAILURE, ERROR, SKIPPED }

    private static Kind kind(MetricResult result, Double threshold) {
        return switch (result.outcome()) {
            case SCORED -> threshold != null && !Direction.of(result.metricId()).meets(result.score(), threshold)
                    ? Kind.FAILURE : Kind.PASSED;
            case ERROR -> Kind.ERROR;
            case SKIPPED, NOT_APPLICABLE -> Kind.SKIPPED;
        };
    }

    private static void testCase(Writer out, String suite, SampleReport sample, MetricResult result,
            Double threshold) throws IOException {
        out.write("    <testcase classname=\"" + suite + "\" name=\"" + attr(sample.id()) + "\" time=\""
                + caseTime(sample) + "\"");
        String reason = result.reason();
        switch (kind(result, threshold)) {
            case PASSED -> out.write("/>\n");
            case FAILURE -> {
                Direction direction = Direction.of(result.metricId());
                String message = "score " + ConsoleSummary.number(result.score()) + " " + direction.missed()
                        + " threshold " + ConsoleSummary.number(threshold) + (reason.isEmpty() ? "" : ": " + reason);
                String type = direction.higherIsBetter() ? "below_threshold" : "above_threshold";
                out.write(">\n      <failure message=\"" + attr(cut(message, MAX_MESSAGE)) + "\" type=\"" + type + "\">"
                        + text(message) + "</failure>\n");
                systemOut(out, sample);
                out.write("    </testcase>\n");
            }
            case ERROR -> {
                out.write(">\n      <error message=\"" + attr(cut(reason, MAX_MESSAGE)) + "\" type=\"judge_error\">"
                        + text(reason) + "</error>\n");
                systemOut(out, sample);
                out.write("    </testcase>\n");
            }
            case SKIPPED -> {
                String message = result.outcome().label() + (reason.isEmpty() ? "" : ": " + reason);
                out.write(">\n      <skipped message=\"" + attr(cut(message, MAX_MESSAGE)) + "\"/>\n    </testcase>\n");
            }
        }
    }

    /** The sample's question and response, cut to {@link #MAX_OUTPUT} characters each. */
    private static void systemOut(Writer out, SampleReport sample) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("line: ").append(sample.line()).append('\n');
        if (sample.userInput() != null) {
            sb.append("user_input: ").append(cut(sample.userInput(), MAX_OUTPUT)).append('\n');
        }
        if (sample.response() != null) {
            sb.append("response: ").append(cut(sample.response(), MAX_OUTPUT)).append('\n');
        }
        out.write("      <system-out>" + text(sb.toString()) + "</system-out>\n");
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + "...";
    }

    private static void property(Writer out, String name, String value) throws IOException {
        out.write("      <property name=\"" + attr(name) + "\" value=\"" + attr(value) + "\"/>\n");
    }

    static String suiteName(String metric) {
        return "llmeval." + metric;
    }

    private static String caseTime(SampleReport sample) {
        TargetCall target = sample.target();
        return target == null ? "0.000" : seconds(target.latencyMs());
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }

    /** JUnit's timestamp is ISO-8601 without a zone (the run's instants are UTC). */
    private static String timestamp(String iso) {
        if (iso == null) {
            return "";
        }
        String s = iso.endsWith("Z") ? iso.substring(0, iso.length() - 1) : iso;
        int dot = s.indexOf('.');
        return dot < 0 ? s : s.substring(0, dot);
    }

    /** Escapes text for an attribute value; tabs and line breaks are kept as character references. */
    static String attr(String s) {
        return escape(s, true);
    }

    /** Escapes text for element content. */
    static String text(String s) {
        return escape(s, false);
    }

    private static String escape(String s, boolean attribute) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                case '\t' -> sb.append(attribute ? "&#9;" : "\t");
                case '\n' -> sb.append(attribute ? "&#10;" : "\n");
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (allowed(c)) {
                        sb.appendCodePoint(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** XML 1.0's Char production, less tab and line breaks (handled by the caller). */
    private static boolean allowed(int c) {
        return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** The counts of one suite. */
    static final class Counts {
        int tests;
        int failures;
        int errors;
        int skipped;

        private void add(Kind kind) {
            tests++;
            switch (kind) {
                case FAILURE -> failures++;
                case ERROR -> errors++;
                case SKIPPED -> skipped++;
                case PASSED -> { }
            }
        }

        private void add(Counts other) {
            tests += other.tests;
            failures += other.failures;
            errors += other.errors;
            skipped += other.skipped;
        }

        private String attributes() {
            return " tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"" + errors
                    + "\" skipped=\"" + skipped + "\"";
        }
    }
}
