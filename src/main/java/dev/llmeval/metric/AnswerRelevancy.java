package dev.llmeval.metric;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
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
 * Answer relevancy: the judge writes questions the answer would fit; the score is their mean
 * cosine similarity to the real question (each clipped at 0), or 0 when every generated question
 * was flagged noncommittal. One judge call and one embedding batch.
 */
public final class AnswerRelevancy implements Metric {

    public static final String ID = "answer_relevancy";
    public static final int DEFAULT_QUESTION_COUNT = 3;
    static final String QUESTIONS_PROMPT = "answer_relevancy/questions";

    private final Judge judge;
    private final EmbeddingModel embeddings;
    private final int questionCount;

    public AnswerRelevancy(Judge judge, EmbeddingModel embeddings, int questionCount) {
        this.judge = Objects.requireNonNull(judge, "judge == null");
        this.embeddings = Objects.requireNonNull(embeddings, "embeddings == null");
        if (questionCount < 1) {
            throw new IllegalArgumentException("questionCount must be >= 1, got " + questionCount);
        }
        this.questionCount = questionCount;
    }

    public AnswerRelevancy(Judge judge, EmbeddingModel embeddings) {
        this(judge, embeddings, DEFAULT_QUESTION_COUNT);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<SampleField> requires() {
        return Set.of(SampleField.QUESTION, SampleField.ANSWER);
    }

    public static List<String> promptIds() {
        return List.of(QUESTIONS_PROMPT);
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        Optional<MetricResult> skipped = RequiredFields.missing(this, sample);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        if (Texts.isBlank(sample.answer())) {
            return MetricResult.scored(ID, 0.0, "the answer is empty", Map.of(), JudgeUsage.NONE);
        }
        JudgeUsage usage = JudgeUsage.NONE;
        try {
            Judged<Replies.Questions> judged = judge.ask(
                    QUESTIONS_PROMPT,
                    Map.of("answer", sample.answer(), "count", questionCount),
                    Replies.QUESTIONS.requiring(reply -> questions(reply).isEmpty()
                            ? "the list \"questions\" is empty, but the ANSWER has text: write the questions it answers"
                            : null));
            usage = JudgeCosts.of(judged);
            List<Replies.Question> questions = questions(judged.value());
            if (questions.isEmpty()) {
                return MetricResult.error(ID, "the judge generated no questions for an answer that has text", usage);
            }
            List<Double> similarities = similarities(sample.question(), questions);
            List<Boolean> flags = questions.stream().map(q -> q.noncommittal() == 1).toList();
            double score = Scoring.relevancy(similarities, flags).orElseThrow();
            return MetricResult.scored(ID, score, reason(questions, similarities, flags),
                    Map.of("questions", details(questions, similarities)), usage);
        } catch (JudgeException e) {
            return MetricResult.error(ID, e.getMessage(), usage.plus(JudgeCosts.of(e)));
        } catch (RuntimeException e) {
            return MetricResult.error(ID, "embedding failed: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage(), usage);
        }
    }

    private static List<Replies.Question> questions(Replies.Questions reply) {
        return reply.questions().stream().filter(q -> !Texts.isBlank(q.question())).toList();
    }

    private List<Double> similarities(String question, List<Replies.Question> generated) {
        List<TextSegment> texts = new ArrayList<>();
        texts.add(TextSegment.from(question));
        generated.forEach(q -> texts.add(TextSegment.from(q.question())));
        Response<List<Embedding>> response = embeddings.embedAll(texts);
        List<Embedding> vectors = response == null ? null : response.content();
        if (vectors == null || vectors.size() != texts.size()) {
            throw new IllegalStateException("expected " + texts.size() + " embeddings, got "
                    + (vectors == null ? 0 : vectors.size()));
        }
        float[] reference = vectors.get(0).vector();
        List<Double> similarities = new ArrayList<>();
        for (int i = 1; i < vectors.size(); i++) {
            similarities.add(Scoring.cosine(reference, vectors.get(i).vector()));
        }
        return similarities;
    }

    private static String reason(List<Replies.Question> questions, List<Double> similarities, List<Boolean> flags) {
        int n = questions.size();
        long noncommittal = flags.stream().filter(Boolean::booleanValue).count();
        if (noncommittal == n) {
            return "the answer is noncommittal: all " + n + " generated questions were flagged evasive";
        }
        double mean = similarities.stream().mapToDouble(c -> Math.max(0.0, c)).average().orElse(0);
        StringBuilder reason = new StringBuilder()
                .append(n).append(n == 1 ? " generated question" : " generated questions")
                .append(", mean similarity to the question ").append(Texts.twoDecimals(mean));
        if (noncommittal > 0) {
            reason.append("; ").append(noncommittal).append(" flagged noncommittal");
        }
        if (n > 1) {
            int worst = 0;
            for (int i = 1; i < n; i++) {
                if (similarities.get(i) < similarities.get(worst)) {
                    worst = i;
                }
            }
            reason.append("; least similar (").append(Texts.twoDecimals(similarities.get(worst))).append("): ")
                    .append(Texts.quote(questions.get(worst).question()));
        }
        return reason.toString();
    }

    private static List<Map<String, Object>> details(List<Replies.Question> questions, List<Double> similarities) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("question", questions.get(i).question());
            row.put("similarity", similarities.get(i));
            row.put("noncommittal", questions.get(i).noncommittal() == 1);
            rows.add(row);
        }
        return rows;
    }

}
