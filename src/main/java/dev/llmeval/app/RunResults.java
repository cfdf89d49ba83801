package dev.llmeval.app;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.dataset.GoldenSample;
import dev.llmeval.gate.MetricSummary;
import dev.llmeval.gate.SummaryAccumulator;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import dev.llmeval.report.SampleFile;
import dev.llmeval.report.SampleReport;
import dev.llmeval.report.TargetCall;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the scorer puts each finished sample: its report goes to a temporary file (deleted on
 * {@link #close}), and what the run needs from all results (the summaries, the usage per metric,
 * the first error) is accumulated as the samples arrive, so no sample's results stay in memory.
 */
final class RunResults implements SampleSink<GoldenSample>, AutoCloseable {

    private final List<TargetCall> calls;
    private BaselineGate gate;
    private final Map<String, SummaryAccumulator> summaries = new LinkedHashMap<>();
    private final SampleFile file;
    private String firstError;

    private RunResults(List<TargetCall> calls, List<String> metricIds, SampleFile file) {
        this.calls = calls;
        this.file = file;
        metricIds.forEach(id -> summaries.put(id, new SummaryAccumulator(id)));
    }

    /**
     * @param calls what the target did for each sample, or null when the golden set held the answers
     * @throws LlmevalException when the temporary file cannot be created
     */
    static RunResults create(List<TargetCall> calls, List<String> metricIds) {
        try {
            return new RunResults(calls, metricIds, SampleFile.create(null));
        } catch (UncheckedIOException e) {
            throw cannotWrite(e);
        }
    }

    @Override
    public void accept(int index, GoldenSample s, Map<String, MetricResult> results) {
        try {
            file.append(new SampleReport(s.id(), s.line(), s.userInput(), s.retrievedContexts(), s.response(),
                    s.reference(), s.metadata(), calls == null ? null : calls.get(index), s.warnings(), results));
        } catch (UncheckedIOException e) {
            throw cannotWrite(e);
        }
        summaries.forEach((id, summary) -> summary.add(results.get(id)));
        if (gate != null) {
            gate.add(s.id(), results);
        }
        if (firstError == null && calls != null && calls.get(index).error() != null) {
            firstError = "the target failed: " + calls.get(index).error();
        }
        if (firstError == null) {
            results.values().stream().filter(r -> r.outcome() == Outcome.ERROR).findFirst()
                    .ifPresent(r -> firstError = r.reason());
        }
    }

    /** Also hands every finished sample to {@code gate}. */
    RunResults feeding(BaselineGate gate) {
        this.gate = gate;
        return this;
    }

    /** The samples received so far, read back from the file in dataset order. */
    Iterable<SampleReport> samples() {
        return file;
    }

    /** One summary per metric, in metric order. */
    List<MetricSummary> summaries() {
        List<MetricSummary> list = new ArrayList<>();
        summaries.values().forEach(s -> list.add(s.summary()));
        return list;
    }

    /**
     * The first error in dataset and metric order: a failed target call ({@code the target failed: …})
     * or the reason of an ERROR result; "none" when there was neither.
     */
    String firstError() {
        return firstError == null ? "none" : firstError;
    }

    /** Deletes the temporary file. */
    @Override
    public void close() {
        file.close();
    }

    private static LlmevalException cannotWrite(UncheckedIOException e) {
        return new LlmevalException(ExitStatus.INVALID_INPUT, "cannot write the report: " + e.getMessage(), e);
    }
}
