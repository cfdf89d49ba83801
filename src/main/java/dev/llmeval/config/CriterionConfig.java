package dev.llmeval.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One checked entry of the {@code criteria:} section.
 *
 * @param name the metric id it defines (lower_snake)
 * @param kind {@code aspect} or {@code rubric}
 * @param definition the question (aspect) or what is graded (rubric; may be empty)
 * @param rubric score 1 to 5 → its description; empty for an aspect
 * @param votes for an aspect: odd, 1 or more; 1 for a rubric
 * @param uses the RAGAS field names shown to the judge, e.g. {@code [user_input, response]}
 * @param where {@code file:line} of the entry's name, for messages
 */
public record CriterionConfig(String name, String kind, String definition, SortedMap<Integer, String> rubric,
        int votes, List<String> uses, String where) {

    /** The fields a criterion may show to the judge, by their RAGAS names. */
    public static final List<String> FIELDS = List.of("user_input", "response", "retrieved_contexts", "reference");

    /** The fields shown when {@code uses} is not given. */
    public static final List<String> DEFAULT_USES = List.of("user_input", "response");

    public CriterionConfig {
        definition = definition == null ? "" : definition;
        rubric = Collections.unmodifiableSortedMap(new TreeMap<>(rubric == null ? Map.of() : rubric));
        uses = List.copyOf(uses);
    }
}
