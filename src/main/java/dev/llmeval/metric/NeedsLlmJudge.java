package dev.llmeval.metric;

import java.util.Set;

/** Stands in for an LLM-judged metric under the offline judge: every sample is skipped, with the reason. */
public final class NeedsLlmJudge implements Metric {

    static final String REASON = "needs an LLM judge (the offline judge cannot score it honestly); set --judge";

    private final MetricInfo info;

    public NeedsLlmJudge(MetricInfo info) {
        this.info = info;
    }

    @Override
    public String id() {
        return info.id();
    }

    @Override
    public Set<SampleField> requires() {
        return info.requires();
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        return MetricResult.skipped(info.id(), REASON);
    }
}
