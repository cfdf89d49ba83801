package dev.llmeval.metric;

/** What happened when one metric met one sample. Every sample × metric has exactly one. */
public enum Outcome {
    /** A score in [0, 1] was computed. */
    SCORED,
    /** There was nothing to judge (for example no statements in the answer); never NaN. */
    NOT_APPLICABLE,
    /** The sample lacks a field the metric needs, or the sample could not be produced. */
    SKIPPED,
    /** The judge failed for this sample (unreachable, unparseable output); see the reason. */
    ERROR;

    /** The lower-case name used in reports and on the console. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
