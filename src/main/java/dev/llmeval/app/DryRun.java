package dev.llmeval.app;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.llmeval.judge.EstimatingJudge;
import dev.llmeval.judge.PriceTable;
import dev.llmeval.metric.Criterion;
import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.MetricResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code --dry-run}: runs every metric's real steps against {@link EstimatingJudge}, which renders
 * the prompts and counts calls and tokens without any network, and prints the estimate.
 */
final class DryRun {

    private DryRun() {}

    static void print(PrintWriter out, RunSettings settings, String judgeModel, String judgeDescription,
            Path promptsDir, List<String> metricIds, int count, Iterator<EvaluatedSample> samples,
            Map<Integer, Map<String, MetricResult>> skipped, Function<String, MetricOptions> options,
            List<Criterion> criteria) {
        out.println("dry run: " + count + " samples x " + metricIds.size() + " metrics with "
                + (settings.offline() ? "the offline judge" : judgeDescription) + "; nothing is called");
        if (settings.offline()) {
            out.println("the offline judge makes no judge calls: 0 tokens, no cost");
            out.flush();
            return;
        }
        EstimatingJudge judge = new EstimatingJudge(JudgeSetup.prompts(promptsDir), judgeModel);
        List<Metric> metrics = JudgeSetup.judgedMetrics(judge, new ZeroEmbeddings(), settings.perChunk(), options,
                criteria, metricIds);
        PriceTable prices = settings.prices();
        int width = Math.max(20, metricIds.stream().mapToInt(String::length).max().orElse(0));
        String row = "%-" + width + "s %8s %14s %14s %12s%n";
        out.printf(Locale.ROOT, row, "metric", "calls", "input tokens", "output tokens", "cost (USD)");
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
        JudgeUsage total = JudgeUsage.NONE;
        for (int m = 0; m < usages.length; m++) {
            Metric metric = metrics.get(m);
            JudgeUsage usage = usages[m];
            out.printf(Locale.ROOT, row, metric.id(), usage.calls(), usage.inputTokens(), usage.outputTokens(),
                    cost(prices, judgeModel, usage));
            total = total.plus(usage);
        }
        out.printf(Locale.ROOT, row, "total", total.calls(), total.inputTokens(), total.outputTokens(),
                cost(prices, judgeModel, total));
        out.printf(Locale.ROOT, "per sample: %.1f calls, %.0f input tokens%n",
                (double) total.calls() / Math.max(1, count),
                (double) total.inputTokens() / Math.max(1, count));
        out.println("estimate: prompts rendered exactly (about 4 characters a token), replies assumed to hold 3 "
                + "items per list, no repair requests, cached answers not subtracted");
        out.flush();
    }

    private static String cost(PriceTable prices, String model, JudgeUsage usage) {
        return prices.cost(model, usage.inputTokens(), usage.outputTokens())
                .map(c -> c.setScale(4, java.math.RoundingMode.HALF_UP).toPlainString())
                .orElse("unpriced");
    }

    /** Embeddings for the estimate: no model is loaded, every vector is zero. */
    private static final class ZeroEmbeddings implements EmbeddingModel {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return Response.from(segments.stream().map(s -> Embedding.from(new float[384])).toList());
        }
    }

}
