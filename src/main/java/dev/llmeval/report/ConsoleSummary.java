package dev.llmeval.report;

import dev.llmeval.Plural;
import dev.llmeval.Usd;
import dev.llmeval.gate.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The compact summary printed at the end of a run: a header line, one row per metric and the
 * gate's verdict. Plain ASCII so it aligns on any terminal; lines end with {@code \n}.
 */
public final class ConsoleSummary {

    private static final String ROW = "%-{w}s %6s  %-9s  %-6s  %6s  %3s  %7s  %6s";

    private ConsoleSummary() {}

    public static String render(RunReport report) {
        return render(report, List.of());
    }

    /**
     * @param baselineChanges what changed since the baseline run (its golden set, its prompts),
     *     each printed as {@code baseline: ...} after the comparison with the baseline
     */
    public static String render(RunReport report, List<String> baselineChanges) {
        int width = Math.max(18, report.metrics().keySet().stream()
                .mapToInt(String::length).max().orElse(0) + 1);
        String row = ROW.replace("{w}", Integer.toString(width));
        StringBuilder out = new StringBuilder();
        out.append(header(report)).append('\n');
        if (report.run().stopped() != null) {
            out.append("PARTIAL: the run stopped early (").append(report.run().stopped())
                    .append("); jobs not run are counted as skipped\n");
        }
        out.append(String.format(Locale.ROOT, row,
                "metric", "mean", "threshold", "result", "scored", "n/a", "skipped", "errors")
                .stripTrailing()).append('\n');
        for (Map.Entry<String, MetricReport> e : report.metrics().entrySet()) {
            MetricReport m = e.getValue();
            out.append(String.format(Locale.ROOT, row,
                    e.getKey(),
                    m.mean() == null ? "-" : number(m.mean()),
                    m.threshold() == null ? "-" : Direction.of(e.getKey()).bound() + " " + number(m.threshold()),
                    m.passed() == null ? "-" : m.passed() ? "PASS" : "FAIL",
                    m.scored(), m.notApplicable(), m.skipped(), m.errors())
                    .stripTrailing()).append('\n');
        }
        if (report.run().baseline() != null) {
            out.append(baseline(report.run().baseline()));
        }
        baselineChanges.forEach(line -> out.append("baseline: ").append(line).append('\n'));
        out.append(target(report.run()));
        out.append(accounting(report.run()));
        out.append(gate(report)).append('\n');
        return out.toString();
    }

    /**
     * One line per metric against the baseline: the means over the paired samples, the change and
     * its 95% interval, the unpaired samples and the samples that regressed most; with a max drop,
     * whether the metric regressed beyond it ({@code REGRESSED}) or held ({@code OK}).
     */
    public static String baseline(BaselineReport baseline) {
        StringBuilder out = new StringBuilder();
        for (BaselineReport.MetricChange c : baseline.metrics()) {
            if (c.delta() == null) {
                out.append(String.format(Locale.ROOT, "baseline %s: no sample scored in both runs", c.metric()));
            } else {
                out.append(String.format(Locale.ROOT, "baseline %-18s %.3f -> %.3f  delta %+.3f", c.metric(),
                        c.baselineMean(), c.currentMean(), c.delta()));
                if (c.ciLow() != null && c.ciHigh() != null) {
                    out.append(String.format(Locale.ROOT, "  95%% CI %+.3f..%+.3f", c.ciLow(), c.ciHigh()));
                }
                out.append("  (").append(c.paired()).append(" paired");
                if (c.onlyInBaseline() > 0 || c.onlyInCurrent() > 0) {
                    out.append(String.format(Locale.ROOT, "; %d only in the baseline, %d only in this run",
                            c.onlyInBaseline(), c.onlyInCurrent()));
                }
                out.append(')');
            }
            if (c.regressed() != null) {
                out.append(c.regressed() ? "  REGRESSED" : "  OK").append(" (max drop ").append(c.maxDrop())
                        .append(c.allowedDrop() == null ? ""
                                : String.format(Locale.ROOT, ", allowed %.3f", c.allowedDrop()))
                        .append(')');
            }
            if (!c.regressedMost().isEmpty()) {
                out.append("; regressed most: ").append(String.join(", ", c.regressedMost().stream()
                        .map(d -> String.format(Locale.ROOT, "%s %.2f->%.2f", d.id(), d.baseline(), d.current()))
                        .toList()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The RAG system under test and its latency; empty when the golden set held the answers. */
    static String target(RunInfo run) {
        TargetSummary t = run.target();
        if (t == null) {
            return "";
        }
        return String.format(Locale.ROOT, "target: %s %s | %d calls, %d failed | latency p50 %d ms, p95 %d ms, max %d ms\n",
                t.kind(), t.description(), t.calls(), t.errors(), t.p50Ms(), t.p95Ms(), t.maxMs());
    }

    /**
     * The judge's and the embeddings' calls, cache hits, tokens and cost; empty when nothing was
     * asked, or for a report written before accounting was recorded.
     */
    static String accounting(RunInfo run) {
        Accounting a = run.accounting();
        StringBuilder out = new StringBuilder();
        if (a == null) {
            return "";
        }
        if (a.judgeCalls() > 0 || a.cacheHits() > 0 || a.failedCalls() > 0) {
            out.append(String.format(Locale.ROOT,
                    "judge: %s (%d answered from the cache, %s, %d failed), %d input + %d output tokens,"
                            + " cost %s%s\n",
                    Plural.of(a.judgeCalls(), "call"), a.cacheHits(), Plural.of(a.retries(), "retry"), a.failedCalls(),
                    a.inputTokens(), a.outputTokens(),
                    a.unpricedModels().isEmpty() ? Usd.format(a.costUsd())
                            : a.costUsd() == 0 ? "not priced" : Usd.format(a.costUsd()) + " + not priced",
                    a.unpricedModels().isEmpty() ? ""
                            : " (no price for " + String.join(", ", a.unpricedModels()) + ")"));
        }
        if (a.embeddingCalls() > 0 || a.embeddingCacheHits() > 0) {
            out.append(String.format(Locale.ROOT, "embeddings: %s (%s from the cache), %d tokens\n",
                    Plural.of(a.embeddingCalls(), "call"), Plural.of(a.embeddingCacheHits(), "text"),
                    a.embeddingTokens()));
        }
        return out.toString();
    }

    private static String header(RunReport report) {
        RunInfo run = report.run();
        int samples = run.dataset() == null ? count(report.samples()) : run.dataset().samples();
        return report.tool().name() + " " + report.tool().version()
                + " | judge: " + judge(run.judge())
                + " | " + samples + (samples == 1 ? " sample" : " samples");
    }

    private static int count(Iterable<SampleReport> samples) {
        if (samples instanceof java.util.Collection<SampleReport> collection) {
            return collection.size();
        }
        if (samples instanceof SampleFile file) {
            return file.size();
        }
        int n = 0;
        for (SampleReport ignored : samples) {
            n++;
        }
        return n;
    }

    static String judge(JudgeInfo judge) {
        if (judge.offline()) {
            return judge.method() == null ? "offline" : "offline (" + judge.method() + ")";
        }
        return judge.model() == null ? judge.kind() : judge.kind() + " " + judge.model();
    }

    /**
     * The gate's verdict; for a run that stopped early (it exits 4, 5, 130 or 143) INCOMPLETE, with
     * what the partial results gave.
     */
    private static String gate(RunReport report) {
        String verdict = verdict(report);
        return report.run().stopped() == null ? "gate: " + verdict
                : "gate: INCOMPLETE (the run stopped early; the jobs that ran: " + verdict + ")";
    }

    private static String verdict(RunReport report) {
        GateReport gate = report.gate();
        if (!gate.passed()) {
            List<String> reasons = new ArrayList<>();
            for (GateReport.Failure f : gate.failures()) {
                reasons.add(f.meanBelowThreshold()
                        ? f.metric() + " " + number(f.actual()) + " " + Direction.of(f.metric()).missed() + " "
                                + number(f.threshold())
                        : f.metric() + ": " + f.message());
            }
            return "FAILED - " + String.join("; ", reasons);
        }
        long met = report.metrics().values().stream()
                .filter(m -> Boolean.TRUE.equals(m.passed())).count();
        BaselineReport baseline = report.run().baseline();
        long held = baseline == null ? 0
                : baseline.metrics().stream().filter(c -> c.maxDrop() != null).count();
        List<String> parts = new ArrayList<>();
        if (met > 0) {
            parts.add(met + (met == 1 ? " threshold met" : " thresholds met"));
        }
        if (held > 0) {
            parts.add(held + (held == 1 ? " max drop held" : " max drops held"));
        }
        return parts.isEmpty() ? "PASSED (no thresholds set)" : "PASSED (" + String.join(", ", parts) + ")";
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
