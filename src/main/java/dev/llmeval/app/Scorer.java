package dev.llmeval.app;

import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs every sample × metric job on a bounded pool. A failing job becomes an ERROR result; a job
 * not started when the run stops becomes SKIPPED with the reason. Every job has a result.
 *
 * <p>Samples go through a sliding window: at most {@link #window()} samples are submitted and
 * not yet handed on, so memory does not grow with the golden set. The window is also the reorder
 * buffer: samples that finish early wait in it until every sample before them is done, and the
 * sink receives them in dataset order.
 */
final class Scorer {

    private static final String STOPPED = "not scored: the run stopped early";
    private static final String INTERRUPTED = "not scored: interrupted";

    /** The smallest window, whatever the concurrency. */
    static final int MIN_WINDOW = 16;

    private final List<Metric> metrics;
    private final int concurrency;
    private final int window;
    private final Progress progress;
    private final RunControl control;

    Scorer(List<Metric> metrics, int concurrency, Progress progress, RunControl control) {
        this.metrics = metrics;
        this.concurrency = Math.max(1, concurrency);
        this.window = Math.max(MIN_WINDOW, 4 * this.concurrency);
        this.progress = progress;
        this.control = control;
    }

    /** How many samples may be in flight (submitted, not yet handed to the sink) at once. */
    int window() {
        return window;
    }

    /**
     * Scores every sample and hands each one's results, in metric order, to {@code sink} in
     * dataset order, on the calling thread. Samples are taken from {@code samples} only as the
     * window has room, so a streamed golden set is never held whole.
     *
     * @param view what the metrics see of a sample
     * @param preset per sample index, results known without scoring (missing fields)
     */
    <T> void score(Iterator<T> samples, Function<T, EvaluatedSample> view,
            Map<Integer, Map<String, MetricResult>> preset, SampleSink<T> sink) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "llmeval-scorer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<InFlight<T>> inFlight = new ArrayDeque<>(window);
            int submitted = 0;
            for (int delivered = 0; delivered < submitted || samples.hasNext(); delivered++) {
                while (inFlight.size() < window && samples.hasNext()) {
                    T sample = samples.next();
                    inFlight.addLast(new InFlight<>(sample, submit(pool, submitted, view.apply(sample), preset)));
                    submitted++;
                }
                InFlight<T> next = inFlight.removeFirst();
                Map<String, MetricResult> byMetric = new LinkedHashMap<>();
                for (int m = 0; m < metrics.size(); m++) {
                    byMetric.put(metrics.get(m).id(), await(next.results().get(m), metrics.get(m).id()));
                }
                sink.accept(delivered, next.sample(), byMetric);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A submitted sample and its metrics' pending results, in metric order. */
    private record InFlight<T>(T sample, List<Future<MetricResult>> results) {}

    private List<Future<MetricResult>> submit(ExecutorService pool, int index, EvaluatedSample sample,
            Map<Integer, Map<String, MetricResult>> preset) {
        AtomicInteger pending = new AtomicInteger(metrics.size());
        AtomicBoolean cut = new AtomicBoolean();
        Map<String, MetricResult> known = preset.getOrDefault(index, Map.of());
        boolean interrupted = Thread.currentThread().isInterrupted();
        List<Future<MetricResult>> row = new ArrayList<>(metrics.size());
        for (Metric metric : metrics) {
            MetricResult given = interrupted ? MetricResult.skipped(metric.id(), INTERRUPTED)
                    : known.get(metric.id());
            row.add(given != null
                    ? CompletableFuture.completedFuture(done(given, pending, cut))
                    : pool.submit(() -> done(scoreOne(metric, sample), pending, cut)));
        }
        return row;
    }

    /** @param cut set when a job of the sample was not run because the run stopped */
    private MetricResult done(MetricResult result, AtomicInteger pending, AtomicBoolean cut) {
        control.record(result);
        if (result.outcome() == Outcome.SKIPPED && (result.reason().startsWith(STOPPED)
                || result.reason().startsWith(INTERRUPTED))) {
            cut.set(true);
        }
        if (pending.decrementAndGet() == 0) {
            progress.sampleDone(!cut.get());
        }
        return result;
    }

    private MetricResult scoreOne(Metric metric, EvaluatedSample sample) {
        String stopped = control.stopReason();
        if (stopped != null) {
            return MetricResult.skipped(metric.id(), STOPPED + " (" + stopped + ")");
        }
        control.takeRefused();
        MetricResult result;
        try {
            result = metric.score(sample);
        } catch (RuntimeException e) {
            result = MetricResult.error(metric.id(), "unexpected failure: " + e, null);
        }
        if (control.takeRefused() && result.outcome() == Outcome.ERROR) {
            // a judge call was refused unsent because the run is stopping: not a failure of this job
            return new MetricResult(metric.id(), Outcome.SKIPPED, null,
                    STOPPED + " (" + control.stopReason() + ")", Map.of(), result.usage());
        }
        return result;
    }

    private static MetricResult await(Future<MetricResult> future, String metricId) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MetricResult.skipped(metricId, INTERRUPTED);
        } catch (ExecutionException e) {
            return MetricResult.error(metricId, "unexpected failure: " + e.getCause(), null);
        }
    }
}
