package dev.llmeval.report;

import dev.llmeval.gate.Direction;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Writes summary.md: a short GitHub-flavoured Markdown summary for a pull-request comment. The
 * verdict and judge, one table row per metric, the gate failures and the worst samples (up to
 * {@link #WORST} worst scores per failing metric, or per metric without a threshold).
 *
 * <p>Text from the dataset or the judge (ids, reasons, paths, model names) is escaped so it shows
 * as text: Markdown and HTML punctuation gets a backslash, line breaks become spaces, and an
 * {@code @} is followed by a zero-width space so a response cannot mention anyone. The document
 * is cut at {@link #MAX_CHARS} characters. The samples are read once, keeping only the worst
 * few per metric.
 */
public final class MarkdownReport {

    /** Worst samples shown per metric. */
    static final int WORST = 5;
    /** A sample id is cut to this many characters. */
    static final int MAX_ID = 100;
    /** A reason is cut to this many characters. */
    static final int MAX_REASON = 120;
    /** The whole document is cut to this many characters (GitHub allows 65,536 in a comment). */
    static final int MAX_CHARS = 60_000;

    static final String TRUNCATED = "\n_Summary truncated; see report.html for everything._\n";

    private MarkdownReport() {}

    /**
     * The allowed drop ({@code (rise)} when lower is better) and whether the metric regressed, so a
     * regressed metric without a threshold reads as failed here too.
     */
    private static String dropVerdict(BaselineReport.MetricChange c) {
        String allowed = escape(BaselineHtml.allowedAmount(c))
                + (c.maxDrop() != null && !Direction.of(c.metric()).higherIsBetter() ? " (rise)" : "");
        String verdict = c.regressed() == null ? "-" : c.regressed() ? "**REGRESSED**" : "OK";
        return allowed + " | " + verdict;
    }

    public static String render(RunReport report) {
        StringBuilder out = new StringBuilder();
        RunInfo run = report.run();
        out.append("## ").append(escape(report.tool().name())).append(": ")
                .append(run.stopped() != null ? "INCOMPLETE" : report.gate().passed() ? "PASSED" : "FAILED")
                .append('\n').append('\n');
        out.append(judgeLine(run.judge())).append('\n').append('\n');
        out.append(facts(report)).append('\n');
        if (run.stopped() != null) {
            out.append('\n').append("**Partial run:** stopped early (").append(escape(oneLine(run.stopped())))
                    .append("); jobs not run are counted as skipped.\n");
        }

        out.append('\n');
        out.append("| metric | mean | threshold | result | scored | n/a | skipped | errors |\n");
        out.append("|---|---:|---:|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, MetricReport> e : report.metrics().entrySet()) {
            MetricReport m = e.getValue();
            out.append("| ").append(code(e.getKey()))
                    .append(" | ").append(m.mean() == null ? "-" : ConsoleSummary.number(m.mean()))
                    .append(" | ").append(m.threshold() == null ? "-"
                            : Direction.of(e.getKey()).boundSign() + " " + ConsoleSummary.number(m.threshold()))
                    .append(" | ").append(m.passed() == null ? "-" : m.passed() ? "PASS" : "**FAIL**")
                    .append(" | ").append(m.scored())
                    .append(" | ").append(m.notApplicable())
                    .append(" | ").append(m.skipped())
                    .append(" | ").append(m.errors())
                    .append(" |\n");
        }

        if (run.baseline() != null) {
            out.append("\n### Against the baseline\n\n");
            out.append("| metric | baseline | this run | change | 95% CI | paired | regressed most | allowed drop"
                    + " | result |\n");
            out.append("|---|---:|---:|---:|---|---:|---|---:|---|\n");
            for (BaselineReport.MetricChange c : run.baseline().metrics()) {
                out.append("| ").append(code(c.metric())).append(" | ");
                if (c.delta() == null) {
                    out.append("- | - | - | - | 0 | | ").append(dropVerdict(c)).append(" |\n");
                    continue;
                }
                out.append(ConsoleSummary.number(c.baselineMean())).append(" | ")
                        .append(ConsoleSummary.number(c.currentMean())).append(" | ")
                        .append(String.format(java.util.Locale.ROOT, "%+.3f", c.delta())).append(" | ")
                        .append(c.ciLow() == null ? "-" : String.format(java.util.Locale.ROOT, "%+.3f .. %+.3f",
                                c.ciLow(), c.ciHigh()))
                        .append(" | ").append(c.paired()).append(" | ")
                        .append(escape(String.join(", ",
                                c.regressedMost().stream().map(d -> cut(oneLine(d.id()), MAX_ID)).toList())))
                        .append(" | ").append(dropVerdict(c)).append(" |\n");
            }
        }

        if (!report.gate().failures().isEmpty()) {
            out.append("\n### Gate failures\n\n");
            for (GateReport.Failure f : report.gate().failures()) {
                out.append("- ").append(code(f.metric())).append(": ");
                if (!f.meanBelowThreshold()) {
                    out.append(escape(oneLine(f.message())));
                } else {
                    out.append("mean ").append(ConsoleSummary.number(f.actual()))
                            .append(' ').append(Direction.of(f.metric()).missed()).append(' ')
                            .append(ConsoleSummary.number(f.threshold()));
                }
                out.append('\n');
            }
        }

        Map<String, List<Worst>> worst = worst(report);
        for (Map.Entry<String, List<Worst>> e : worst.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            MetricReport m = report.metrics().get(e.getKey());
            out.append("\n### Worst samples: ").append(code(e.getKey()));
            if (m.threshold() != null) {
                out.append(" (threshold ").append(ConsoleSummary.number(m.threshold())).append(')');
            }
            out.append("\n\n| sample | score | reason |\n|---|---:|---|\n");
            for (Worst w : e.getValue()) {
                out.append("| ").append(escape(oneLine(w.id)))
                        .append(" | ").append(ConsoleSummary.number(w.score))
                        .append(" | ").append(escape(cut(oneLine(w.reason), MAX_REASON)))
                        .append(" |\n");
            }
        }
        return cap(out.toString());
    }

    /**
     * Writes the summary to {@code file} as UTF-8, creating parent folders.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(RunReport report, Path file) {
        ReportFiles.write(file, render(report));
    }

    private static String judgeLine(JudgeInfo judge) {
        if (judge.offline()) {
            String how = judge.method() != null ? judge.method() : judge.model();
            return "**Scored by the offline judge**" + (how == null ? "" : " (" + escape(oneLine(how)) + ")")
                    + ": no LLM was called; scores are approximations, not comparable with LLM-judge scores.";
        }
        return "Judge: " + escape(oneLine(ConsoleSummary.judge(judge)));
    }

    private static String facts(RunReport report) {
        RunInfo run = report.run();
        StringBuilder sb = new StringBuilder();
        if (run.dataset() != null) {
            int n = run.dataset().samples();
            sb.append(n).append(n == 1 ? " sample" : " samples").append(" from ")
                    .append(escape(oneLine(run.dataset().path()))).append(" · ");
        }
        sb.append(escape(report.tool().name())).append(' ').append(escape(report.tool().version()))
                .append(" · ").append(run.started());
        return sb.toString();
    }

    /**
     * Per metric shown in the worst-samples section, its worst scores, worst first: the lowest,
     * or the highest for a metric where lower is better.
     */
    static Map<String, List<Worst>> worst(RunReport report) {
        Map<String, PriorityQueue<Worst>> heaps = new LinkedHashMap<>();
        Map<String, Comparator<Worst>> orders = new LinkedHashMap<>();
        report.metrics().forEach((id, m) -> {
            if (!Boolean.TRUE.equals(m.passed())) {
                Comparator<Worst> worstFirst = Worst.order(Direction.of(id));
                orders.put(id, worstFirst);
                // the head is the least bad kept so far: the first to drop
                heaps.put(id, new PriorityQueue<>(worstFirst.reversed()));
            }
        });
        int order = 0;
        for (SampleReport sample : report.samples()) {
            for (Map.Entry<String, PriorityQueue<Worst>> e : heaps.entrySet()) {
                MetricResult r = sample.scores().get(e.getKey());
                if (r == null || r.outcome() != Outcome.SCORED) {
                    continue;
                }
                PriorityQueue<Worst> heap = e.getValue();
                // cut now: a sample's text can be megabytes, and only a line of it is shown
                Worst w = new Worst(cut(sample.id(), MAX_ID), r.score(), cut(r.reason(), MAX_REASON + 1), order);
                if (heap.size() < WORST) {
                    heap.add(w);
                } else if (orders.get(e.getKey()).compare(w, heap.peek()) < 0) {
                    heap.poll();
                    heap.add(w);
                }
            }
            order++;
        }
        Map<String, List<Worst>> result = new LinkedHashMap<>();
        heaps.forEach((id, heap) -> {
            List<Worst> list = new ArrayList<>(heap);
            list.sort(orders.get(id));
            result.put(id, list);
        });
        return result;
    }

    /** One scored sample; ordered worst score first, then in dataset order. */
    record Worst(String id, double score, String reason, int order) {
        static Comparator<Worst> order(Direction direction) {
            Comparator<Worst> byScore = Comparator.comparingDouble(Worst::score);
            return (direction.higherIsBetter() ? byScore : byScore.reversed()).thenComparingInt(Worst::order);
        }
    }

    /** Line breaks and tabs to single spaces, trimmed. */
    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t\\u2028\\u2029]+", " ").strip();
    }

    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    /**
     * Escapes text so GitHub shows it as text: a backslash before Markdown and HTML punctuation
     * (including {@code |} for tables), a zero-width space after {@code @}, control characters
     * dropped. Apply {@link #oneLine} first for table cells and headings.
     */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '&' ->
                        sb.append('\\').append(c);
                case '@' -> sb.append("@\u200B");
                case '\n', '\t' -> sb.append(c);
                default -> {
                    if (c >= 0x20 && c != 0x7F) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A metric id as a code span, or escaped text when it could break out of one. */
    private static String code(String id) {
        return id.matches("[A-Za-z0-9_.:-]+") ? "`" + id + "`" : escape(oneLine(id));
    }

    private static String cap(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = text.lastIndexOf('\n', MAX_CHARS - TRUNCATED.length());
        return text.substring(0, Math.max(end, 0) + 1) + TRUNCATED;
    }
}
