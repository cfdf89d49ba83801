package dev.llmeval.app;

import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs every sample × metric job on a bounded pool; a failing job becomes an ERROR result. */
final class Scorer {

    private Scorer() {}

    /** @return per sample, the results in metric order */
    static List<Map<String, MetricResult>> score(List<EvaluatedSample> samples, List<Metric> metrics,
            Map<Integer, Map<String, MetricResult>> preset, int concurrency) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency), runnable -> {
            Thread thread = new Thread(runnable, "llmeval-scorer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<List<Future<MetricResult>>> futures = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                Map<String, MetricResult> known = preset.getOrDefault(i, Map.of());
                List<Future<MetricResult>> row = new ArrayList<>();
                for (Metric metric : metrics) {
                    MetricResult skipped = known.get(metric.id());
                    EvaluatedSample sample = samples.get(i);
                    row.add(skipped != null
                            ? java.util.concurrent.CompletableFuture.completedFuture(skipped)
                            : pool.submit(() -> scoreOne(metric, sample)));
                }
                futures.add(row);
            }
            List<Map<String, MetricResult>> results = new ArrayList<>();
            for (List<Future<MetricResult>> row : futures) {
                Map<String, MetricResult> byMetric = new LinkedHashMap<>();
                for (int m = 0; m < metrics.size(); m++) {
                    byMetric.put(metrics.get(m).id(), await(row.get(m), metrics.get(m).id()));
                }
                results.add(byMetric);
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static MetricResult scoreOne(Metric metric, EvaluatedSample sample) {
        try {
            return metric.score(sample);
        } catch (RuntimeException e) {
            return MetricResult.error(metric.id(), "unexpected failure: " + e, null);
        }
    }

    private static MetricResult await(Future<MetricResult> future, String metricId) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MetricResult.error(metricId, "interrupted", null);
        } catch (ExecutionException e) {
            return MetricResult.error(metricId, "unexpected failure: " + e.getCause(), null);
        }
    }
}
