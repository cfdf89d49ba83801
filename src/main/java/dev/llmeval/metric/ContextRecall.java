package dev.llmeval.metric;

import dev.llmeval.Plural;
import dev.llmeval.judge.Judge;
import dev.llmeval.judge.JudgeException;
import dev.llmeval.judge.Judged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Context recall: the share of the reference answer's sentences that the retrieved context
 * supports. One judge call splits the reference and attributes each sentence. With no context
 * retrieved the score is 0 without a call. A reply that lists no sentence of the (non-blank)
 * reference is not usable: after the repair request the sample is an error, never not_applicable.
 */
public final class ContextRecall implements Metric {

    public static final String ID = "context_recall";
    static final String ATTRIBUTION_PROMPT = "context_recall/attribution";

    private final Judge judge;

    public ContextRecall(Judge judge) {
        this.judge = Objects.requireNonNull(judge, "judge == null");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<SampleField> requires() {
        return Set.of(SampleField.QUESTION, SampleField.CONTEXTS, SampleField.REFERENCE);
    }

    public static List<String> promptIds() {
        return List.of(ATTRIBUTION_PROMPT);
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        Optional<MetricResult> skipped = RequiredFields.missing(this, sample);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        if (sample.contexts() == null || sample.contexts().isEmpty()) {
            return MetricResult.scored(ID, 0.0, "no contexts were retrieved, so nothing of the reference is covered",
                    Map.of(), JudgeUsage.NONE);
        }
        JudgeUsage usage = JudgeUsage.NONE;
        try {
            Judged<Replies.Attributions> judged = judge.ask(
                    ATTRIBUTION_PROMPT,
                    Map.of("question", sample.question(),
                            "context", String.join("\n", sample.contexts()),
                            "reference", sample.reference()),
                    Replies.ATTRIBUTIONS.requiring(reply -> sentences(reply).isEmpty()
                            ? "the list \"sentences\" is empty, but the REFERENCE has text: list each of its sentences"
                            : null));
            usage = JudgeCosts.of(judged);
            List<Replies.Attribution> sentences = sentences(judged.value());
            if (sentences.isEmpty()) {
                return MetricResult.error(ID, "the judge listed no sentences of a reference that has text", usage);
            }
            List<Boolean> attributed = sentences.stream().map(s -> s.attributed() == 1).toList();
            double score = Scoring.share(attributed).orElseThrow();
            return MetricResult.scored(ID, score, reason(sentences), Map.of("sentences", details(sentences)), usage);
        } catch (JudgeException e) {
            return MetricResult.error(ID, e.getMessage(), usage.plus(JudgeCosts.of(e)));
        } catch (RuntimeException e) {
            return MetricResult.error(ID, "context_recall failed: " + e, usage);
        }
    }

    private static List<Replies.Attribution> sentences(Replies.Attributions reply) {
        return reply.sentences().stream().filter(s -> !Texts.isBlank(s.sentence())).toList();
    }

    private static String reason(List<Replies.Attribution> sentences) {
        List<String> missing = sentences.stream().filter(s -> s.attributed() == 0)
                .map(Replies.Attribution::sentence).toList();
        int n = sentences.size();
        if (missing.isEmpty()) {
            return Plural.allOf(n, "reference sentence") + " " + Plural.is(n) + " supported by the context";
        }
        return missing.size() + " of " + Plural.of(n, "reference sentence") + " not supported by the context: "
                + Texts.quoted(missing);
    }

    private static List<Map<String, Object>> details(List<Replies.Attribution> sentences) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Replies.Attribution s : sentences) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sentence", s.sentence().strip());
            row.put("attributed", s.attributed() == 1);
            row.put("reason", s.reason() == null ? "" : s.reason());
            rows.add(row);
        }
        return rows;
    }
}
