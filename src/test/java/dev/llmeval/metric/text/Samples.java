package dev.llmeval.metric.text;

import dev.llmeval.metric.EvaluatedSample;
import java.util.List;

/** Samples for the text metric tests. */
final class Samples {

    private Samples() {}

    /** A response and a reference, nothing else. */
    static EvaluatedSample answer(String response, String reference) {
        return new EvaluatedSample("s1", "q", response, null, reference);
    }

    /** Retrieved and reference contexts, nothing else. */
    static EvaluatedSample contexts(List<String> retrieved, List<String> reference) {
        return new EvaluatedSample("s1", "q", null, retrieved, null, reference, null, null);
    }

    /** Retrieved and reference context ids, nothing else. */
    static EvaluatedSample ids(List<String> retrieved, List<String> reference) {
        return new EvaluatedSample("s1", "q", null, null, null, null, retrieved, reference);
    }
}
