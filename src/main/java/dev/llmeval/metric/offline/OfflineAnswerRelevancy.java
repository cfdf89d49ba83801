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
import java.util.regex.Pattern;

/**
 * Answer relevancy without an LLM. RAGAS asks "which question does this answer answer?" and
 * compares it with the question asked; offline we ask the converse, "is every part of the
 * question answered?":
 * <ol>
 *   <li>split the question into aspects ({@link QuestionAspects});
 *   <li>an answer sentence can answer an aspect only if it is not evasive and adds information
 *       beyond the question's words: a new number, a new name, or two new content words;
 *   <li>each aspect scores the best cosine to such a sentence, scaled by the share of the kinds
 *       of fact the aspect asks for (a date for "when", a number for "how many", a name for
 *       "who"/"where") that the sentence supplies;
 *   <li>score = mean over aspects × share of non-evasive sentences; 0 when every sentence is
 *       evasive (RAGAS's noncommittal flag).
 * </ol>
 */
final class OfflineAnswerRelevancy implements Metric {

    static final String ID = "answer_relevancy";

    private static final Pattern MONTH = Pattern.compile(
            "(?i)\\b(january|february|march|april|may|june|july|august|september|october"
                    + "|november|december|spring|summer|autumn|fall|winter|century|decade)\\b");

    private final Embedder embedder;

    OfflineAnswerRelevancy(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<SampleField> requires() {
        return Set.of(SampleField.QUESTION, SampleField.ANSWER);
    }

    /** What one answer sentence adds to the question. */
    record Contribution(String sentence, boolean evasive, Set<String> newWords,
            Set<String> newNumbers, Set<String> newNames, boolean timeWord) {

        boolean informative() {
            return !evasive && (newWords.size() >= 2 || !newNumbers.isEmpty() || !newNames.isEmpty());
        }

        double supplies(Set<QuestionAspects.Expect> expects) {
            long met = expects.stream().filter(this::supplies).count();
            return (double) met / expects.size();
        }

        private boolean supplies(QuestionAspects.Expect e) {
            return switch (e) {
                case DATE -> !newNumbers.isEmpty() || timeWord;
                case NUMBER -> !newNumbers.isEmpty();
                case NAME -> !newNames.isEmpty();
                case ANY -> newWords.size() >= 2 || !newNumbers.isEmpty() || !newNames.isEmpty();
            };
        }
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        List<String> sentences = Sentences.split(sample.answer());
        if (sentences.isEmpty()) {
            return MetricResult.notApplicable(ID, "the answer is empty",
                    Map.of("sentences", List.of()), JudgeUsage.NONE);
        }
        String question = sample.question();
        List<QuestionAspects.Aspect> aspects = QuestionAspects.of(question);
        List<Contribution> contributions = new ArrayList<>();
        for (String s : sentences) {
            contributions.add(contribution(s, question));
        }
        long evasive = contributions.stream().filter(Contribution::evasive).count();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", OfflineMetrics.method());
        details.put("sentences", contributions.stream().map(c -> Map.of(
                "sentence", c.sentence(), "noncommittal", c.evasive(),
                "informative", c.informative())).toList());
        if (evasive == contributions.size()) {
            details.put("noncommittal", true);
            return MetricResult.scored(ID, 0.0,
                    "noncommittal answer: " + SampleText.quote(sentences.get(0)), details,
                    JudgeUsage.NONE);
        }

        List<String> texts = new ArrayList<>();
        aspects.forEach(a -> texts.add(a.text()));
        texts.addAll(sentences);
        List<float[]> vectors = embedder.embed(texts);

        List<Map<String, Object>> aspectDetails = new ArrayList<>();
        double sum = 0;
        List<String> unanswered = new ArrayList<>();
        for (int a = 0; a < aspects.size(); a++) {
            QuestionAspects.Aspect aspect = aspects.get(a);
            double best = 0;
            String bestSentence = "";
            for (int s = 0; s < sentences.size(); s++) {
                Contribution c = contributions.get(s);
                if (!c.informative()) {
                    continue;
                }
                double value = Math.max(0, Scoring.cosine(vectors.get(a), vectors.get(aspects.size() + s)))
                        * c.supplies(aspect.expects());
                if (value > best) {
                    best = value;
                    bestSentence = c.sentence();
                }
            }
            best = Math.min(1.0, best);
            if (best == 0) {
                unanswered.add(aspect.text());
            }
            sum += best;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("aspect", aspect.text());
            d.put("expects", aspect.expects().stream().map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
            d.put("bestSentence", bestSentence);
            d.put("score", Support.round(best));
            aspectDetails.add(d);
        }
        double coverage = sum / aspects.size();
        double committed = 1.0 - (double) evasive / contributions.size();
        double score = Math.max(0.0, Math.min(1.0, coverage * committed));
        details.put("aspects", aspectDetails);
        details.put("aspectCoverage", Support.round(coverage));
        details.put("committedShare", Support.round(committed));
        details.put("noncommittal", false);
        return MetricResult.scored(ID, score, reason(aspects.size(), unanswered, evasive),
                details, JudgeUsage.NONE);
    }

    private static String reason(int aspects, List<String> unanswered, long evasive) {
        StringBuilder sb = new StringBuilder();
        if (unanswered.isEmpty()) {
            sb.append(aspects == 1 ? "the only part" : "all " + aspects + " parts")
                    .append(" of the question addressed with new information");
        } else {
            sb.append(unanswered.size()).append(" of ").append(aspects)
                    .append(" question parts not answered: ").append(SampleText.quote(unanswered.get(0)));
        }
        if (evasive > 0) {
            sb.append("; ").append(evasive).append(evasive == 1 ? " sentence is" : " sentences are")
                    .append(" noncommittal");
        }
        return sb.toString();
    }

    static Contribution contribution(String sentence, String question) {
        Set<String> asked = Lexicon.allStems(question);
        Set<String> newWords = new java.util.LinkedHashSet<>(Lexicon.contentStems(sentence));
        newWords.removeAll(asked);
        Set<String> newNumbers = new java.util.LinkedHashSet<>(Lexicon.numbers(sentence));
        newNumbers.removeAll(Lexicon.numbers(question));
        String askedPhrase = " " + Lexicon.stemPhrase(question) + " ";
        Set<String> newNames = new java.util.LinkedHashSet<>();
        for (String n : Lexicon.names(sentence)) {
            if (!askedPhrase.contains(" " + Lexicon.stemPhrase(n) + " ")) {
                newNames.add(n);
            }
        }
        // a path, URL or code identifier names a place or thing as a proper name does
        for (String id : Lexicon.identifiers(sentence)) {
            if (!question.contains(id)) {
                newNames.add(id);
            }
        }
        boolean timeWord = MONTH.matcher(sentence).find() && !MONTH.matcher(question).find();
        return new Contribution(sentence, Evasion.evasive(sentence), newWords, newNumbers,
                newNames, timeWord);
    }
}
