package dev.llmeval.metric;

import java.util.Set;

/**
 * What a user needs to know to pick a metric: what it needs, what it costs and which way is good.
 *
 * @param id the metric's id, as in {@code --metrics} and reports
 * @param requires the sample fields it reads
 * @param needsLlm whether it needs an LLM judge (the offline judge then marks it skipped)
 * @param callsPerSample judge chat calls per sample, e.g. {@code "2"} or {@code "1 + K"} (K = retrieved chunks)
 * @param higherIsBetter false for metrics such as noise sensitivity, where a threshold is a maximum
 * @param summary one line on what it measures
 */
public record MetricInfo(
        String id, Set<SampleField> requires, boolean needsLlm, String callsPerSample, boolean higherIsBetter,
        String summary) {

    public MetricInfo {
        requires = Set.copyOf(requires);
    }
}
