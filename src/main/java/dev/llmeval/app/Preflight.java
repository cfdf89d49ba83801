package dev.llmeval.app;

import dev.langchain4j.exception.InvalidRequestException;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.judge.JudgeException;
import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Scores the first job alone before the rest start, so that a judge that cannot be reached or
 * rejects the key fails the run at once (exit 5) instead of after every job has tried. The job's
 * result is kept: nothing is asked twice.
 */
final class Preflight {

    private Preflight() {}

    /** @param samples the samples in dataset order; read only up to the first job to score */
    static void check(Iterator<EvaluatedSample> samples, List<Metric> metrics,
            Map<Integer, Map<String, MetricResult>> preset, GuardedJudge guard) {
        for (int i = 0; samples.hasNext(); i++) {
            EvaluatedSample sample = samples.next();
            for (Metric metric : metrics) {
                if (preset.getOrDefault(i, Map.of()).containsKey(metric.id())) {
                    continue;
                }
                MetricResult first = metric.score(sample);
                JudgeException failure = guard.fatalFailure() != null ? guard.fatalFailure() : guard.lastFailure();
                if (guard.answered() == 0 && failure != null
                        && (failure.fatal() || failure.providerFailed() && !aboutThisSample(failure))) {
                    throw new LlmevalException(ExitStatus.JUDGE_FAILED,
                            "judge failed before scoring (check the provider, URL, model and key): "
                                    + failure.getMessage());
                }
                preset.computeIfAbsent(i, k -> new HashMap<>()).put(metric.id(), first);
                return;
            }
        }
    }

    /** A request the provider refused for its content (too long, filtered): other samples may pass. */
    private static boolean aboutThisSample(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidRequestException) {
                return true;
            }
        }
        return false;
    }
}
