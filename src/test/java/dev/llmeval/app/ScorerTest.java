package dev.llmeval.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import dev.llmeval.metric.SampleField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScorerTest {

    /** Counts finished samples, and those of them that were scored in full. */
    private static final class CountingProgress implements Progress {
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger scored = new AtomicInteger();

        @Override
        public void sampleDone(boolean complete) {
            done.incrementAndGet();
            if (complete) {
                scored.incrementAndGet();
            }
        }

        @Override
        public void close() {}
    }

    /** A metric scoring each sample with a function of it. */
    private static Metric metric(String id, Function<EvaluatedSample, MetricResult> score) {
        return new Metric() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Set<SampleField> requires() {
                return Set.of();
            }

            @Override
            public MetricResult score(EvaluatedSample sample) {
                return score.apply(sample);
            }
        };
    }

    private static List<EvaluatedSample> samples(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> new EvaluatedSample("s" + i, "q" + i, "a" + i, List.of(), "r" + i)).toList();
    }

    private static int index(EvaluatedSample sample) {
        return Integer.parseInt(sample.id().substring(1));
    }

    private static MetricResult ok(String id) {
        return MetricResult.scored(id, 1.0, "", Map.of(), null);
    }

    @Test
    void should_hand_samples_on_in_dataset_order_and_keep_at_most_the_window_in_flight_when_the_first_finishes_last() {
        // given: the first sample waits until every other sample of the window has been scored
        Scorer probe = new Scorer(List.of(), 2, new CountingProgress(), new RunControl(5));
        int window = probe.window();
        CountDownLatch othersInWindow = new CountDownLatch(window - 1);
        AtomicBoolean firstReleasedByOthers = new AtomicBoolean();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
        Metric metric = metric("faithfulness", sample -> {
            maxInFlight.accumulateAndGet(started.incrementAndGet() - delivered.get(), Math::max);
            if (index(sample) == 0) {
                try {
                    firstReleasedByOthers.set(othersInWindow.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finished.add(0);
            } else {
                finished.add(index(sample));
                othersInWindow.countDown();
            }
            return ok("faithfulness");
        });
        CountingProgress progress = new CountingProgress();
        List<Integer> order = new ArrayList<>();

        // when
        new Scorer(List.of(metric), 2, progress, new RunControl(5)).score(samples(100).iterator(), s -> s, Map.of(), (i, s, results) -> {
            assertThat(results.get("faithfulness").outcome()).isEqualTo(Outcome.SCORED);
            order.add(i);
            delivered.incrementAndGet();
        });

        // then
        assertThat(window).isEqualTo(Scorer.MIN_WINDOW);
        assertThat(firstReleasedByOthers).isTrue();
        assertThat(finished.indexOf(0)).as("the first sample finished after the rest of its window")
                .isEqualTo(window - 1);
        assertThat(order).containsExactlyElementsOf(IntStream.range(0, 100).boxed().toList());
        assertThat(maxInFlight.get()).isEqualTo(window);
        assertThat(progress.done).hasValue(100);
    }

    @Test
    void should_grow_the_window_with_the_concurrency_and_never_go_below_the_minimum() {
        RunControl control = new RunControl(5);
        assertThat(new Scorer(List.of(), 1, new CountingProgress(), control).window()).isEqualTo(16);
        assertThat(new Scorer(List.of(), 0, new CountingProgress(), control).window()).isEqualTo(16);
        assertThat(new Scorer(List.of(), 4, new CountingProgress(), control).window()).isEqualTo(16);
        assertThat(new Scorer(List.of(), 10, new CountingProgress(), control).window()).isEqualTo(40);
    }

    @Test
    void should_keep_metric_order_and_dataset_order_when_metrics_finish_in_any_order() {
        // given: the slower metric comes first, and the samples' delays vary
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        Function<String, Metric> sleepy = id -> metric(id, sample -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep((index(sample) * 7L + id.length()) % 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return MetricResult.scored(id, index(sample) / 100.0, sample.id(), Map.of(), null);
        });
        List<Metric> metrics = List.of(sleepy.apply("context_precision"), sleepy.apply("faithfulness"));
        List<String> seen = new ArrayList<>();
        CountingProgress progress = new CountingProgress();

        // when
        new Scorer(metrics, 3, progress, new RunControl(5)).score(samples(60).iterator(), s -> s, Map.of(), (i, s, results) -> {
            assertThat(results.keySet()).containsExactly("context_precision", "faithfulness");
            results.values().forEach(r -> assertThat(r.reason()).isEqualTo("s" + i));
            seen.add("s" + i);
        });

        // then
        assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 60).mapToObj(i -> "s" + i).toList());
        assertThat(maxRunning.get()).as("the pool bounds the jobs running at once").isLessThanOrEqualTo(3);
        assertThat(progress.done).hasValue(60);
    }

    @Test
    void should_record_an_error_then_skip_what_was_not_started_when_the_run_stops() {
        // given: one error is already too many
        RunControl control = new RunControl(0);
        Metric metric = metric("faithfulness", sample -> {
            if (index(sample) == 1) {
                throw new IllegalStateException("boom");
            }
            return ok("faithfulness");
        });
        List<MetricResult> results = new ArrayList<>();
        CountingProgress progress = new CountingProgress();

        // when
        new Scorer(List.of(metric), 1, progress, control).score(samples(40).iterator(), s -> s, Map.of(),
                (i, s, byMetric) -> results.add(byMetric.get("faithfulness")));

        // then
        assertThat(results).hasSize(40);
        assertThat(results.get(0).outcome()).isEqualTo(Outcome.SCORED);
        assertThat(results.get(1).outcome()).isEqualTo(Outcome.ERROR);
        assertThat(results.get(1).reason()).startsWith("unexpected failure: java.lang.IllegalStateException: boom");
        assertThat(results.subList(2, 40)).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(r.reason()).isEqualTo(
                    "not scored: the run stopped early (more than 0 errors (--max-errors))");
        });
        assertThat(control.errors()).isEqualTo(1);
        assertThat(control.stopReason()).isNotNull();
        assertThat(progress.done).hasValue(40);
        assertThat(progress.scored).hasValue(2);
    }

    @Test
    void should_use_the_preset_result_without_scoring_when_a_field_is_missing() {
        // given
        AtomicInteger calls = new AtomicInteger();
        Metric metric = metric("context_recall", sample -> {
            calls.incrementAndGet();
            return ok("context_recall");
        });
        MetricResult missing = MetricResult.skipped("context_recall", "missing field: reference");
        List<MetricResult> results = new ArrayList<>();

        // when
        new Scorer(List.of(metric), 2, new CountingProgress(), new RunControl(5)).score(samples(3).iterator(), s -> s,
                Map.of(1, Map.of("context_recall", missing)), (i, s, byMetric) -> results.add(byMetric.get("context_recall")));

        // then
        assertThat(results).extracting(MetricResult::outcome)
                .containsExactly(Outcome.SCORED, Outcome.SKIPPED, Outcome.SCORED);
        assertThat(results.get(1)).isSameAs(missing);
        assertThat(calls).hasValue(2);
    }

    @Test
    void should_take_samples_from_the_iterator_only_as_the_window_has_room_and_hand_each_on_with_its_results() {
        // given: an iterator over 1,000 samples that counts what was taken from it
        List<EvaluatedSample> all = samples(1_000);
        AtomicInteger taken = new AtomicInteger();
        Iterator<EvaluatedSample> source = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return taken.get() < all.size();
            }

            @Override
            public EvaluatedSample next() {
                return all.get(taken.getAndIncrement());
            }
        };
        Scorer scorer = new Scorer(List.of(metric("faithfulness", s -> ok("faithfulness"))), 4,
                new CountingProgress(), new RunControl(5));
        AtomicInteger maxAhead = new AtomicInteger();
        List<String> handedOn = new ArrayList<>();

        // when
        scorer.score(source, s -> s, Map.of(), (i, sample, results) -> {
            maxAhead.accumulateAndGet(taken.get() - i, Math::max);
            assertThat(index(sample)).isEqualTo(i);
            assertThat(results).containsOnlyKeys("faithfulness");
            handedOn.add(sample.id());
        });

        // then: never more than the window was read ahead of the sink, and every sample came through
        assertThat(maxAhead.get()).isPositive().isLessThanOrEqualTo(scorer.window());
        assertThat(handedOn).hasSize(1_000).first().isEqualTo("s0");
        assertThat(handedOn).last().isEqualTo("s999");
    }

    @Test
    void should_hand_on_nothing_when_there_are_no_samples() {
        // given
        List<Integer> seen = new ArrayList<>();

        // when
        new Scorer(List.of(metric("faithfulness", s -> ok("faithfulness"))), 2, new CountingProgress(),
                new RunControl(5)).score(List.<EvaluatedSample>of().iterator(), s -> s, Map.of(),
                (i, s, r) -> seen.add(i));

        // then
        assertThat(seen).isEmpty();
    }
}
