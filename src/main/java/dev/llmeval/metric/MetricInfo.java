package dev.llmeval.metric;

import java.util.Set;

/**
 * What a user needs to know to pick a metric: what it needs, what it costs and which way is good.
 *
 * @param id the metric's id, as in {@code --metrics} and reports
 * @param requires the sample fields it reads
 * @param needsLlm whether it needs an LLM judge (the offline judge then marks it skipped)
 * @param calls judge chat calls per sample, as usual
 * @param callsNote when the calls differ from {@code calls}, e.g. {@code K with --per-chunk} (K =
 *     retrieved chunks); null when they never do
 * @param higherIsBetter false for metrics such as noise sensitivity, where a threshold is a maximum
 * @param summary one line on what it measures
 */
public record MetricInfo(
        String id, Set<SampleField> requires, boolean needsLlm, int calls, String callsNote, boolean higherIsBetter,
        String summary) {

    public MetricInfo {
        requires = Set.copyOf(requires);
    }

    /** {@code 2}, or {@code 1 (K with --per-chunk)}. */
    public String callsPerSample() {
        return calls + (callsNote == null ? "" : " (" + callsNote + ")");
    }
}
