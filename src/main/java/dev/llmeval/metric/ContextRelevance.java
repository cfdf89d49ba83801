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
import java.util.TreeSet;

/**
 * Context relevance as the RAGAS paper defines it: the share of the retrieved context's sentences
 * that are needed to answer the question. One judge call copies the needed sentences out of the
 * joined contexts (none when the context cannot answer the question); the copies are mapped back
 * to the context's sentences ({@link SentenceMatch}), which llmeval counts itself with {@link
 * SentenceSplitter}, chunk by chunk. Score = matched context sentences ÷ context sentences, so a
 * copy the judge invented or a sentence copied twice cannot push it above 1. A context without
 * sentences is NOT_APPLICABLE.
 */
public final class ContextRelevance implements Metric {

    public static final String ID = "context_relevance";
    static final String SENTENCES_PROMPT = "context_relevance/sentences";

    private final Judge judge;

    public ContextRelevance(Judge judge) {
        this.judge = Objects.requireNonNull(judge, "judge == null");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<SampleField> requires() {
        return Set.of(SampleField.QUESTION, SampleField.CONTEXTS);
    }

    public static List<String> promptIds() {
        return List.of(SENTENCES_PROMPT);
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        Optional<MetricResult> skipped = RequiredFields.missing(this, sample);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        List<String> sentences = sample.contexts().stream().flatMap(c -> SentenceSplitter.split(c).stream()).toList();
        if (sentences.isEmpty()) {
            return MetricResult.notApplicable(ID, "the retrieved contexts have no sentences", Map.of(), JudgeUsage.NONE);
        }
        JudgeUsage usage = JudgeUsage.NONE;
        try {
            Judged<Replies.ContextSentences> judged = judge.ask(
                    SENTENCES_PROMPT,
                    Map.of("question", sample.question(), "context", String.join("\n", sample.contexts())),
                    Replies.CONTEXT_SENTENCES);
            usage = JudgeCosts.of(judged);
            List<String> copied = judged.value().sentences().stream().filter(s -> !Texts.isBlank(s)).toList();
            return result(sentences, SentenceMatch.match(sentences, copied), usage);
        } catch (JudgeException e) {
            return MetricResult.error(ID, e.getMessage(), usage.plus(JudgeCosts.of(e)));
        } catch (RuntimeException e) {
            return MetricResult.error(ID, "context_relevance failed: " + e, usage);
        }
    }

    private static MetricResult result(List<String> sentences, List<SentenceMatch.Match> matches, JudgeUsage usage) {
        Set<Integer> needed = new TreeSet<>();
        List<String> unmatched = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SentenceMatch.Match m : matches) {
            needed.addAll(m.sentences());
            if (m.sentences().isEmpty()) {
                unmatched.add(m.copied());
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("copied", m.copied());
            row.put("matched", m.sentences().stream().map(i -> i + 1).toList());
            row.put("rule", m.rule());
            rows.add(row);
        }
        int total = sentences.size();
        double score = Scoring.sentenceShare(needed.size(), total).orElseThrow();
        String reason = needed.isEmpty()
                ? (total == 1 ? "the only context sentence is not" : "none of the " + total + " context sentences is")
                        + " needed to answer the question"
                : needed.size() + " of " + Plural.of(total, "context sentence") + " " + Plural.is(needed.size())
                        + " needed to answer the question";
        if (!unmatched.isEmpty()) {
            reason += "; " + Plural.of(unmatched.size(), "sentence") + " the judge gave " + Plural.is(unmatched.size())
                    + " not in the context: "
                    + Texts.quoted(unmatched);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("context_sentences", total);
        details.put("needed", needed.stream().map(i -> i + 1).toList());
        details.put("copied", rows);
        return MetricResult.scored(ID, score, reason, details, usage);
    }
}
