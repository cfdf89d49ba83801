package dev.llmeval.metric.text;

import dev.llmeval.metric.MetricOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the non-LLM context metrics match one context list against another: a text matches when its
 * best {@link Measure} similarity to any text of the other list is at least {@code threshold}
 * (options {@code threshold}, default 0.5, and {@code measure}, default levenshtein).
 */
record ContextMatch(Measure measure, double threshold) {

    static final String THRESHOLD = "threshold";
    static final double DEFAULT_THRESHOLD = 0.5;

    static ContextMatch from(MetricOptions options) {
        options.allowOnly(Set.of(THRESHOLD, StringSimilarity.MEASURE));
        return new ContextMatch(StringSimilarity.measure(options),
                Guard.threshold(options, THRESHOLD, DEFAULT_THRESHOLD));
    }

    /**
     * One text's best match in the other list.
     *
     * @param index the 0-based position of the most similar text of the other list, -1 if it is empty
     */
    record Best(int index, double similarity, boolean matched) {}

    /** For each text of {@code texts}, its best match among {@code others}, in order. */
    List<Best> best(List<String> texts, List<String> others) {
        List<int[]> targets = others.stream().map(Text::codePoints).toList();
        List<Best> out = new ArrayList<>();
        for (String text : texts) {
            int[] source = Text.codePoints(text);
            int index = -1;
            double best = 0.0;
            for (int j = 0; j < targets.size(); j++) {
                double similarity = measure.similarity(source, targets.get(j));
                if (index < 0 || similarity > best) {
                    index = j;
                    best = similarity;
                }
            }
            out.add(new Best(index, best, index >= 0 && best >= threshold));
        }
        return out;
    }

    /**
     * One row of a result's details, {@code {<position>: k, <other>: j, similarity: s, matched: b}},
     * 1-based, with snake_case keys as report.json has them.
     */
    static Map<String, Object> row(String position, int k, String otherName, Best best) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(position, k + 1);
        row.put(otherName, best.index() < 0 ? null : best.index() + 1);
        row.put("similarity", best.similarity());
        row.put("matched", best.matched());
        return row;
    }
}
