package dev.llmeval.app;

import dev.llmeval.Plural;
import dev.llmeval.judge.EstimatingJudge;
import dev.llmeval.judge.PriceTable;
import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import java.io.PrintWriter;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --dry-run}: runs every metric's real steps against {@link EstimatingJudge} (the metrics
 * of {@link JudgeSetup#estimate}), which builds each request as the real judge would and counts
 * calls and tokens without any network, and prints the estimate for the run and per sample.
 */
final class DryRun {

    private DryRun() {}

    static void print(PrintWriter out, RunSettings settings, JudgeSetup judge, String judgeDescription,
            int count, Iterator<EvaluatedSample> samples, Map<Integer, Map<String, MetricResult>> skipped) {
        out.println("dry run: " + Plural.of(count, "sample") + " x " + Plural.of(judge.metrics().size(), "metric")
                + " with " + (settings.offline() ? "the offline judge" : judgeDescription) + "; nothing is called");
        if (settings.offline()) {
            out.println("the offline judge makes no judge calls: 0 tokens, no cost");
            out.flush();
            return;
        }
        List<Metric> metrics = judge.metrics();
        PriceTable prices = settings.prices();
        int width = Math.max(20, metrics.stream().mapToInt(m -> m.id().length()).max().orElse(0));
        String row = "%-" + width + "s %8s %14s %14s %12s%n";
        JudgeUsage[] usages = new JudgeUsage[metrics.size()];
        Arrays.fill(usages, JudgeUsage.NONE);
        for (int i = 0; samples.hasNext(); i++) {
            EvaluatedSample sample = samples.next();
            Map<String, MetricResult> known = skipped.getOrDefault(i, Map.of());
            for (int m = 0; m < usages.length; m++) {
                if (!known.containsKey(metrics.get(m).id())) {
                    usages[m] = usages[m].plus(metrics.get(m).score(sample).usage());
                }
            }
        }
        out.println("for the whole run (" + Plural.of(count, "sample") + "):");
        out.printf(Locale.ROOT, row, "metric", "calls", "input tokens", "output tokens", "cost (USD)");
        JudgeUsage total = JudgeUsage.NONE;
        for (int m = 0; m < usages.length; m++) {
            JudgeUsage usage = usages[m];
            out.printf(Locale.ROOT, row, metrics.get(m).id(), usage.calls(), usage.inputTokens(), usage.outputTokens(),
                    cost(prices, judge.model(), usage, 4));
            total = total.plus(usage);
        }
        out.printf(Locale.ROOT, row, "total", total.calls(), total.inputTokens(), total.outputTokens(),
                cost(prices, judge.model(), total, 4));
        int n = Math.max(1, count);
        out.printf(Locale.ROOT, "per sample (the run's total / %d): %.1f calls, %d input tokens, %d output tokens,"
                        + " cost (USD) %s%n", count, (double) total.calls() / n,
                Math.round((double) total.inputTokens() / n), Math.round((double) total.outputTokens() / n),
                cost(prices, judge.model(), new JudgeUsage(0, total.inputTokens() / n, total.outputTokens() / n), 6));
        out.println("estimate: " + judge.method() + ", on each request as it would be sent (the prompt, its"
                + " message framing, the reply's JSON schema); replies assumed to hold 3 items a list; repair"
                + " requests, retries and cache hits not counted");
        out.flush();
    }

    private static String cost(PriceTable prices, String model, JudgeUsage usage, int decimals) {
        return prices.cost(model, usage.inputTokens(), usage.outputTokens())
                .map(c -> c.setScale(decimals, RoundingMode.HALF_UP).toPlainString())
                .orElse("unpriced");
    }
}
