package dev.llmeval.app;

import dev.llmeval.Plural;
import dev.llmeval.Usd;
import dev.llmeval.gate.MetricSummary;
import dev.llmeval.judge.PriceTable;
import dev.llmeval.judge.RunMeter;
import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.report.Accounting;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the run's meter and per-result usage into the report's accounting, priced. */
final class AccountingBuilder {

    private AccountingBuilder() {}

    /** @param summaries one per metric, with its usage summed over every result */
    static Accounting of(RunMeter meter, PriceTable prices, String judgeModel, List<MetricSummary> summaries) {
        RunMeter.Snapshot s = meter.snapshot();
        List<String> unpriced = new ArrayList<>();
        s.perModel().keySet().stream().filter(model -> !prices.priced(model)).forEach(unpriced::add);
        Map<String, Double> byMetric = new LinkedHashMap<>();
        for (MetricSummary summary : summaries) {
            JudgeUsage usage = summary.usage();
            byMetric.put(summary.metricId(), judgeModel == null ? 0.0 : prices.cost(judgeModel, usage.inputTokens(),
                    usage.outputTokens()).orElse(BigDecimal.ZERO).doubleValue());
        }
        return new Accounting(s.judgeCalls(), s.cacheHits(), s.cacheMisses(), s.retries(), s.failedCalls(),
                s.inputTokens(), s.outputTokens(), meter.costUsd(prices).doubleValue(), unpriced,
                s.embeddingCalls(), s.embeddingTokens(), s.embeddingCacheHits(), s.embeddingCacheMisses(), byMetric);
    }

    /** One line for the progress display. */
    static String status(RunMeter meter, PriceTable prices, int errors) {
        RunMeter.Snapshot s = meter.snapshot();
        return String.format(java.util.Locale.ROOT, "%s, %d cached, %s, %s tokens, %s",
                Plural.of(s.judgeCalls(), "call"), s.cacheHits(), Plural.of(errors, "error"),
                compact(s.inputTokens() + s.outputTokens()), Usd.format(meter.costUsd(prices)));
    }

    private static String compact(long tokens) {
        return tokens < 10_000 ? Long.toString(tokens) : String.format(java.util.Locale.ROOT, "%.1fk", tokens / 1000.0);
    }
}
