package dev.llmeval.metric.offline;

import dev.llmeval.metric.ContextEntityRecall;
import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.SampleField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Context entity recall without an LLM: the reference's entities are found lexically, sentence
 * by sentence: names ({@link Lexicon#names}: runs of capitalised words and acronyms, not a lone
 * sentence-initial word) and numbers as written ({@code 2021}, {@code 1,200}, {@code 3.5}). They
 * are then looked up in the contexts exactly as the LLM version does ({@link
 * ContextEntityRecall#scored}). English capitalisation only; see {@code docs/offline-judge.md}.
 */
final class OfflineContextEntityRecall implements Metric {

    static final String ID = ContextEntityRecall.ID;
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<SampleField> requires() {
        return Set.of(SampleField.CONTEXTS, SampleField.REFERENCE);
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        if (sample.contexts().stream().allMatch(String::isBlank)) {
            return MetricResult.scored(ID, 0.0, "no contexts were retrieved, so no entity of the reference is covered",
                    Map.of("method", OfflineMetrics.method()), JudgeUsage.NONE);
        }
        MetricResult result = ContextEntityRecall.scored(
                entities(sample.reference()), String.join("\n", sample.contexts()), JudgeUsage.NONE);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", OfflineMetrics.method());
        details.putAll(result.details());
        return new MetricResult(result.metricId(), result.outcome(), result.score(), result.reason(), details,
                result.usage());
    }

    /** Names and numbers of a text, in order of appearance, without duplicates. */
    static List<String> entities(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String sentence : Sentences.split(text)) {
            out.addAll(Lexicon.names(sentence));
            Matcher m = NUMBER.matcher(sentence);
            while (m.find()) {
                out.add(m.group());
            }
        }
        return new ArrayList<>(out);
    }
}
