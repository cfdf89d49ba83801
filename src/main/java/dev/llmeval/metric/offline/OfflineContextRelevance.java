package dev.llmeval.metric.offline;

import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.SampleField;
import dev.llmeval.metric.Scoring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Context relevance (RAGAS paper) without an LLM: a context sentence counts as needed when it is
 * about the question in meaning and in words, i.e. its MiniLM cosine to the question is at least
 * {@value #MIN_SIMILARITY} <b>and</b> it contains at least {@value #MIN_QUESTION_WORDS} of the
 * question's content words (stems; all of them count as present when the question has none). The
 * score is the share of such sentences among all sentences of the contexts. It cannot tell which
 * on-topic sentence actually answers the question; see {@code docs/offline-judge.md}.
 */
final class OfflineContextRelevance implements Metric {

    static final String ID = "context_relevance";
    static final double MIN_SIMILARITY = 0.4;
    static final double MIN_QUESTION_WORDS = 0.3;

    private final Embedder embedder;

    OfflineContextRelevance(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<SampleField> requires() {
        return Set.of(SampleField.QUESTION, SampleField.CONTEXTS);
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        List<String> sentences = sample.contexts().stream().flatMap(c -> Sentences.split(c).stream()).toList();
        if (sentences.isEmpty()) {
            return MetricResult.notApplicable(ID, "the retrieved contexts have no sentences", Map.of(), JudgeUsage.NONE);
        }
        List<String> texts = new ArrayList<>();
        texts.add(sample.question());
        texts.addAll(sentences);
        List<float[]> vectors = embedder.embed(texts);
        Set<String> questionWords = Lexicon.contentStems(sample.question());
        List<Map<String, Object>> needed = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            double similarity = Math.max(0.0, Scoring.cosine(vectors.get(0), vectors.get(i + 1)));
            Set<String> stems = Lexicon.allStems(sentences.get(i));
            double words = questionWords.isEmpty() ? 1.0
                    : (double) questionWords.stream().filter(stems::contains).count() / questionWords.size();
            if (similarity >= MIN_SIMILARITY && words >= MIN_QUESTION_WORDS) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("sentence", i + 1);
                row.put("text", sentences.get(i));
                row.put("similarity", Support.round(similarity));
                row.put("question_words", Support.round(words));
                needed.add(row);
            }
        }
        int total = sentences.size();
        double score = Scoring.sentenceShare(needed.size(), total).orElseThrow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", OfflineMetrics.method());
        details.put("context_sentences", total);
        details.put("needed", needed);
        String rule = String.format(Locale.ROOT, " (MiniLM similarity to the question >= %.1f and >= %d%% of its"
                + " content words)", MIN_SIMILARITY, Math.round(MIN_QUESTION_WORDS * 100));
        String reason = needed.isEmpty()
                ? "none of the " + total + " context sentences is about the question" + rule
                : needed.size() + " of " + total + (total == 1 ? " context sentence is" : " context sentences are") + " about the question" + rule;
        return MetricResult.scored(ID, score, reason, details, JudgeUsage.NONE);
    }
}
