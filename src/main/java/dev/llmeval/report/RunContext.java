package dev.llmeval.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the app knows about a run besides its results; input to {@link RunReport#assemble}.
 *
 * @param toolVersion llmeval's version, e.g. {@code 0.1.0}
 * @param embeddingsModel e.g. {@code all-minilm-l6-v2 (in-process)}
 * @param metricsRequested metric ids in the order they were requested
 * @param promptHashes prompt name ({@code metric/step}) to the hex SHA-256 of its text
 * @param stopped why the run stopped before every job ran, or null when it ran to the end
 * @param accounting calls, cache hits, tokens and cost; {@link Accounting#NONE} for none
 * @param target the RAG system under test, or null when the golden set held the answers
 * @param baseline this run against {@code --baseline}, or null
 */
public record RunContext(
        String toolVersion,
        Instant started,
        Instant finished,
        JudgeInfo judge,
        String embeddingsModel,
        DatasetInfo dataset,
        List<String> metricsRequested,
        Map<String, String> promptHashes,
        String stopped,
        Accounting accounting,
        TargetSummary target,
        BaselineReport baseline) {

    public RunContext {
        Objects.requireNonNull(toolVersion, "toolVersion == null");
        Objects.requireNonNull(started, "started == null");
        Objects.requireNonNull(finished, "finished == null");
        Objects.requireNonNull(judge, "judge == null");
        Objects.requireNonNull(dataset, "dataset == null");
        metricsRequested = List.copyOf(metricsRequested);
        promptHashes = Ordered.copy(promptHashes);
        accounting = accounting == null ? Accounting.NONE : accounting;
    }
}
