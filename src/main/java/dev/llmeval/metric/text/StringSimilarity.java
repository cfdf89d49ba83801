package dev.llmeval.metric.text;

import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.MetricResult;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The {@link Measure} similarity of the response and the reference ({@code measure:}, Levenshtein by default). */
final class StringSimilarity extends AnswerReferenceMetric {

    static final String ID = "string_similarity";
    static final String MEASURE = "measure";

    private final Measure measure;

    StringSimilarity(Measure measure) {
        super(ID);
        this.measure = measure;
    }

    static StringSimilarity from(MetricOptions options) {
        options.allowOnly(Set.of(MEASURE));
        return new StringSimilarity(measure(options));
    }

    /** The {@code measure} option, shared with the non-LLM context metrics. */
    static Measure measure(MetricOptions options) {
        return Measure.of(options.choice(MEASURE, Measure.LEVENSHTEIN.optionName(), Measure.optionNames()));
    }

    @Override
    MetricResult score(String response, String reference) {
        double similarity = measure.similarity(response, reference);
        return MetricResult.scored(ID, similarity,
                String.format(Locale.ROOT, "%s similarity of response and reference: %.2f", measure.optionName(),
                        similarity),
                Map.of("measure", measure.optionName()), JudgeUsage.NONE);
    }
}
