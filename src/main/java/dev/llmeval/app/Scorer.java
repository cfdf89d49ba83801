package dev.llmeval.app;

import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Runs every sample × metric job on a bounded pool. A failing job becomes an ERROR result; a job
 * not started when the run stops becomes SKIPPED with the reason. Every job has a result.
 */
final class Scorer {

    private final List<Metric> metrics;
    private final int concurrency;
    private final Progress progress;
    private final RunControl control;

    Scorer(List<Metric> metrics, int concurrency, Progress progress, RunControl control) {
        this.metrics = metrics;
        this.concurrency = Math.max(1, concurrency);
        this.progress = progress;
        this.control = control;
    }

    /** @return per sample, the results in metric order */
    List<Map<String, MetricResult>> score(List<EvaluatedSample> samples, Map<Integer, Map<String, MetricResult>> preset) {
        AtomicIntegerArray pending = new AtomicIntegerArray(samples.size());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "llmeval-scorer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<List<Future<MetricResult>>> futures = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                pending.set(i, metrics.size());
                Map<String, MetricResult> known = preset.getOrDefault(i, Map.of());
                List<Future<MetricResult>> row = new ArrayList<>();
                for (Metric metric : metrics) {
                    MetricResult given = known.get(metric.id());
                    int index = i;
                    EvaluatedSample sample = samples.get(i);
                    row.add(given != null
                            ? CompletableFuture.completedFuture(done(index, given, pending))
                            : pool.submit(() -> done(index, scoreOne(metric, sample), pending)));
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

    private MetricResult done(int sample, MetricResult result, AtomicIntegerArray pending) {
        control.record(result);
        if (pending.decrementAndGet(sample) == 0) {
            progress.sampleDone();
        }
        return result;
    }

    private MetricResult scoreOne(Metric metric, EvaluatedSample sample) {
        String stopped = control.stopReason();
        if (stopped != null) {
            return MetricResult.skipped(metric.id(), "not scored: the run stopped early (" + stopped + ")");
        }
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
            return MetricResult.skipped(metricId, "not scored: interrupted");
        } catch (ExecutionException e) {
            return MetricResult.error(metricId, "unexpected failure: " + e.getCause(), null);
        }
    }
}
