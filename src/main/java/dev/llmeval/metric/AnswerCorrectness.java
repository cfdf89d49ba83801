package dev.llmeval.metric;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
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
 * Answer correctness: how well the response matches the reference, as a weighted mean of
 * factuality (F-beta of the response's statements against the reference's) and the semantic
 * similarity of the two texts. Judge calls: the statements of each text (the faithfulness
 * prompt), then one call that marks each response statement supported or not by the reference
 * (TP / FP) and each reference statement covered or not by the response (FN when not). The
 * similarity is the cosine of the two embeddings clipped at 0; it is not computed when its
 * weight is 0.
 */
public final class AnswerCorrectness implements Metric {

    public static final String ID = "answer_correctness";
    static final String CLASSIFY_PROMPT = "answer_correctness/classify";
    static final List<Double> DEFAULT_WEIGHTS = List.of(0.75, 0.25);
    static final double DEFAULT_BETA = 1.0;

    private final Judge judge;
    private final EmbeddingModel embeddings;
    private final double factualityWeight;
    private final double similarityWeight;
    private final double beta;

    /**
     * @throws IllegalArgumentException for a negative or non-finite weight, two zero weights or a
     *     beta that is not a finite number above 0
     */
    public AnswerCorrectness(Judge judge, EmbeddingModel embeddings, double factualityWeight,
            double similarityWeight, double beta) {
        this.judge = Objects.requireNonNull(judge, "judge == null");
        this.embeddings = Objects.requireNonNull(embeddings, "embeddings == null");
        if (!validWeights(factualityWeight, similarityWeight)) {
            throw new IllegalArgumentException("weights must be two finite numbers >= 0, not both 0, got "
                    + factualityWeight + " and " + similarityWeight);
        }
        if (!validBeta(beta)) {
            throw new IllegalArgumentException("beta must be a finite number > 0, got " + beta);
        }
        this.factualityWeight = factualityWeight;
        this.similarityWeight = similarityWeight;
        this.beta = beta;
    }

    /**
     * Built from {@code metric-options: answer_correctness:} ({@code weights}, {@code beta}).
     *
     * @throws IllegalArgumentException naming the file, line and option when an option is bad
     */
    public static AnswerCorrectness of(Judge judge, EmbeddingModel embeddings, MetricOptions options) {
        options.allowOnly(Set.of("weights", "beta"));
        List<Double> weights = options.numbers("weights", DEFAULT_WEIGHTS);
        if (weights.size() != 2) {
            throw options.problem("weights", "expected two numbers [factuality, similarity], got "
                    + weights.size());
        }
        if (!validWeights(weights.get(0), weights.get(1))) {
            throw options.problem("weights", "expected two finite numbers >= 0, not both 0, got " + weights);
        }
        double beta = options.number("beta", DEFAULT_BETA);
        if (!validBeta(beta)) {
            throw options.problem("beta", "must be greater than 0, got " + beta);
        }
        return new AnswerCorrectness(judge, embeddings, weights.get(0), weights.get(1), beta);
    }

    private static boolean validWeights(double w0, double w1) {
        return Double.isFinite(w0) && Double.isFinite(w1) && w0 >= 0 && w1 >= 0 && w0 + w1 > 0;
    }

    static boolean validBeta(double beta) {
        return Double.isFinite(beta) && beta > 0;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<SampleField> requires() {
        return Set.of(SampleField.QUESTION, SampleField.ANSWER, SampleField.REFERENCE);
    }

    public static List<String> promptIds() {
        return List.of(Faithfulness.STATEMENTS_PROMPT, CLASSIFY_PROMPT);
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        Optional<MetricResult> skipped = RequiredFields.missing(this, sample);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        if (Texts.isBlank(sample.answer())) {
            return MetricResult.scored(ID, 0.0, "the response is empty", Map.of(), JudgeUsage.NONE);
        }
        JudgeUsage usage = JudgeUsage.NONE;
        try {
            Judged<Replies.Statements> answerReply = statements(sample.question(), sample.answer());
            usage = JudgeCosts.of(answerReply);
            Judged<Replies.Statements> referenceReply = statements(sample.question(), sample.reference());
            usage = usage.plus(JudgeCosts.of(referenceReply));
            List<String> answer = clean(answerReply.value().statements());
            List<String> reference = clean(referenceReply.value().statements());

            Classes classes;
            if (answer.isEmpty() || reference.isEmpty()) {
                classes = Classes.withoutJudge(answer, reference);
            } else {
                Judged<CorrectnessReplies.Classification> judged = judge.ask(CLASSIFY_PROMPT, Map.of(
                                "question", sample.question(),
                                "answer_statements", Texts.numbered(answer),
                                "reference_statements", Texts.numbered(reference)),
                        CorrectnessReplies.CLASSIFICATION.requiring(c -> unclassified(c, answer, reference)));
                usage = usage.plus(JudgeCosts.of(judged));
                String unclassified = unclassified(judged.value(), answer, reference);
                if (unclassified != null) {
                    return MetricResult.error(ID, unclassified, usage);
                }
                classes = Classes.from(judged.value(), answer, reference);
            }
            // both lists empty: neither text states a fact, so they agree (RAGAS also gives 1.0)
            double factuality = Scoring.fBeta(classes.tp().size(), classes.fp().size(), classes.fn().size(), beta)
                    .orElse(1.0);
            Double similarity = similarityWeight == 0 ? null : similarity(sample.answer(), sample.reference());
            double score = Scoring.weighted(factuality, similarity == null ? 0.0 : similarity,
                    factualityWeight, similarityWeight);
            return MetricResult.scored(ID, score, reason(classes, factuality, similarity, answer, reference),
                    details(classes, factuality, similarity), usage);
        } catch (JudgeException e) {
            return MetricResult.error(ID, e.getMessage(), usage.plus(JudgeCosts.of(e)));
        } catch (RuntimeException e) {
            return MetricResult.error(ID, "answer correctness failed: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage(), usage);
        }
    }

    private Judged<Replies.Statements> statements(String question, String text) {
        return judge.ask(Faithfulness.STATEMENTS_PROMPT, Map.of("question", question, "answer", text),
                Replies.STATEMENTS);
    }

    /**
     * Why a classification cannot be scored (a side left empty), said so that the repair request
     * can quote it to the judge; null when it can be scored.
     */
    private static String unclassified(CorrectnessReplies.Classification c, List<String> answer, List<String> reference) {
        return c.answer().isEmpty() || c.reference().isEmpty()
                ? "classify every statement: " + Plural.of(c.answer().size(), "answer statement") + " of "
                        + answer.size() + " and " + Plural.of(c.reference().size(), "reference statement") + " of "
                        + reference.size() + " were classified"
                : null;
    }

    private static List<String> clean(List<String> statements) {
        return statements.stream().filter(s -> !Texts.isBlank(s)).map(String::strip).toList();
    }

    /** Cosine of the two embeddings, clipped to [0, 1]. */
    private double similarity(String answer, String reference) {
        Response<List<Embedding>> response = embeddings.embedAll(
                List.of(TextSegment.from(answer), TextSegment.from(reference)));
        List<Embedding> vectors = response == null ? null : response.content();
        if (vectors == null || vectors.size() != 2) {
            throw new IllegalStateException("expected 2 embeddings, got " + (vectors == null ? 0 : vectors.size()));
        }
        double cosine = Scoring.cosine(vectors.get(0).vector(), vectors.get(1).vector());
        return Math.max(0.0, Math.min(1.0, cosine));
    }

    /** One classified statement. */
    private record Classified(String statement, String reason) {}

    /**
     * The statements by class; {@code covered} holds the reference statements the response
     * covers (they count for nothing, as in RAGAS: the TP are counted on the response side).
     */
    private record Classes(List<Classified> tp, List<Classified> fp, List<Classified> fn,
            List<Classified> covered, String note) {

        /** When one list is empty no judge is needed: every response statement is FP, every reference one FN. */
        static Classes withoutJudge(List<String> answer, List<String> reference) {
            return new Classes(List.of(),
                    answer.stream().map(s -> new Classified(s, "the reference makes no factual statements")).toList(),
                    reference.stream().map(s -> new Classified(s, "the response makes no factual statements")).toList(),
                    List.of(), "");
        }

        static Classes from(CorrectnessReplies.Classification reply, List<String> answer, List<String> reference) {
            List<Classified> tp = new ArrayList<>();
            List<Classified> fp = new ArrayList<>();
            List<Classified> fn = new ArrayList<>();
            List<Classified> covered = new ArrayList<>();
            for (int i = 0; i < reply.answer().size(); i++) {
                CorrectnessReplies.AnswerStatement item = reply.answer().get(i);
                Classified c = new Classified(text(item.statement(), answer, i), reasonOf(item.reason()));
                (item.supported() == 1 ? tp : fp).add(c);
            }
            for (int i = 0; i < reply.reference().size(); i++) {
                CorrectnessReplies.ReferenceStatement item = reply.reference().get(i);
                Classified c = new Classified(text(item.statement(), reference, i), reasonOf(item.reason()));
                (item.covered() == 1 ? covered : fn).add(c);
            }
            List<String> notes = new ArrayList<>();
            if (reply.answer().size() != answer.size()) {
                notes.add(Plural.of(reply.answer().size(), "verdict") + " for "
                        + Plural.of(answer.size(), "response statement"));
            }
            if (reply.reference().size() != reference.size()) {
                notes.add(Plural.of(reply.reference().size(), "verdict") + " for "
                        + Plural.of(reference.size(), "reference statement"));
            }
            String note = notes.isEmpty() ? "" : " (the judge returned " + String.join(" and ", notes) + ")";
            return new Classes(tp, fp, fn, covered, note);
        }

        private static String text(String fromJudge, List<String> ours, int index) {
            return !Texts.isBlank(fromJudge) ? fromJudge.strip() : index < ours.size() ? ours.get(index) : "";
        }

        private static String reasonOf(String reason) {
            return reason == null ? "" : reason;
        }
    }

    private String reason(Classes classes, double factuality, Double similarity, List<String> answer,
            List<String> reference) {
        StringBuilder text = new StringBuilder();
        if (answer.isEmpty() && reference.isEmpty()) {
            text.append("neither the response nor the reference makes a factual statement: factuality 1.00");
        } else {
            text.append("factuality ").append(Texts.twoDecimals(factuality)).append(" (")
                    .append(classes.tp().size()).append(" supported, ")
                    .append(classes.fp().size()).append(" unsupported, ")
                    .append(classes.fn().size()).append(" missing)");
        }
        text.append(similarity == null ? ", similarity not used (weight 0)"
                : ", similarity " + Texts.twoDecimals(similarity));
        if (!classes.fp().isEmpty()) {
            text.append("; unsupported: ").append(Texts.quoted(classes.fp().stream().map(Classified::statement).toList()));
        }
        if (!classes.fn().isEmpty()) {
            text.append("; missing: ").append(Texts.quoted(classes.fn().stream().map(Classified::statement).toList()));
        }
        return text.append(classes.note()).toString();
    }

    private Map<String, Object> details(Classes classes, double factuality, Double similarity) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tp", rows(classes.tp()));
        details.put("fp", rows(classes.fp()));
        details.put("fn", rows(classes.fn()));
        details.put("reference_covered", rows(classes.covered()));
        details.put("factuality", factuality);
        if (similarity != null) {
            details.put("similarity", similarity);
        }
        details.put("weights", List.of(factualityWeight, similarityWeight));
        details.put("beta", beta);
        return details;
    }

    private static List<Map<String, Object>> rows(List<Classified> statements) {
        return statements.stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("statement", c.statement());
            row.put("reason", c.reason());
            return row;
        }).toList();
    }
}
