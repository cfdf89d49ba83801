package dev.llmeval.metric;

import java.util.Set;

/**
 * One evaluation metric. Implementations are stateless and thread-safe; their judge and
 * embedding model are injected. {@link #score} never throws for a judge failure: it returns an
 * ERROR result with the reason.
 */
public interface Metric {

    /** Lower-snake id used in config, reports and prompt folders, e.g. {@code faithfulness}. */
    String id();

    /** The sample fields this metric needs; the runner records SKIPPED when one is missing. */
    Set<SampleField> requires();

    MetricResult score(EvaluatedSample sample);
}
