package dev.llmeval.metric.text;

import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.MetricResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ROUGE-L of the whole response (candidate) against the reference, on case-folded word tokens
 * ({@link Tokens#words}); {@code mode:} fmeasure (default), precision or recall.
 */
final class RougeL extends AnswerReferenceMetric {

    static final String ID = "rouge_l";
    static final String MODE = "mode";
    static final List<String> MODES = List.of("fmeasure", "precision", "recall");

    private final String mode;

    RougeL(String mode) {
        super(ID);
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("unknown mode " + mode);
        }
        this.mode = mode;
    }

    static RougeL from(MetricOptions options) {
        options.allowOnly(Set.of(MODE));
        return new RougeL(options.choice(MODE, "fmeasure", MODES));
    }

    @Override
    MetricResult score(String response, String reference) {
        List<String> referenceWords = Tokens.words(reference);
        if (referenceWords.isEmpty()) {
            return MetricResult.notApplicable(ID, "the reference has no words", Map.of(), JudgeUsage.NONE);
        }
        Lcs.Score s = Lcs.score(Tokens.words(response), referenceWords);
        double score = switch (mode) {
            case "precision" -> s.precision();
            case "recall" -> s.recall();
            default -> s.fmeasure();
        };
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", mode);
        details.put("lcs", s.lcs());
        details.put("precision", s.precision());
        details.put("recall", s.recall());
        details.put("fmeasure", s.fmeasure());
        String reason = String.format(Locale.ROOT,
                "longest common subsequence %d words: precision %.2f (of %d response words), recall %.2f (of %d reference words)",
                s.lcs(), s.precision(), s.candidateLength(), s.recall(), s.referenceLength());
        return MetricResult.scored(ID, score, reason, details, JudgeUsage.NONE);
    }
}
