package dev.llmeval.dataset;

import dev.llmeval.EditDistance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a misspelt golden-set field from a field that is only metadata: a key that is close to a
 * field name (a typo, another case or separator, a legacy RAGAS name llmeval does not read, or a
 * name other tools use for the same thing) is most likely meant as that field, and reading it as
 * metadata would silently change what is measured.
 */
final class FieldNames {

    /** Names other tools and older RAGAS versions use, with the field they mean. */
    private static final Map<String, String> VARIANTS = variants();

    private FieldNames() {}

    private static Map<String, String> variants() {
        Map<String, String> v = new LinkedHashMap<>();
        for (String name : List.of("query", "input", "user_query", "user_question", "questions", "user_inputs")) {
            v.put(name, SampleMapper.USER_INPUT);
        }
        for (String name : List.of("context", "retrieved_context", "retrieval_context", "retrieved_documents",
                "retrieved_chunks", "contexts_list")) {
            v.put(name, SampleMapper.RETRIEVED_CONTEXTS);
        }
        for (String name : List.of("answers", "actual_output", "generated_answer", "responses")) {
            v.put(name, SampleMapper.RESPONSE);
        }
        for (String name : List.of("ground_truths", "reference_answer", "expected_answer", "expected_output",
                "ground_truth_answer", "gold_answer", "golden_answer", "references")) {
            v.put(name, SampleMapper.REFERENCE);
        }
        v.put("reference_context", SampleMapper.REFERENCE_CONTEXTS);
        for (String name : List.of("context_ids", "retrieved_ids", "retrieved_context_id")) {
            v.put(name, SampleMapper.RETRIEVED_CONTEXT_IDS);
        }
        v.put("reference_ids", SampleMapper.REFERENCE_CONTEXT_IDS);
        return Map.copyOf(v);
    }

    /**
     * The field {@code key} most likely means, when it is close to one: the same name in another
     * case or with other separators ({@code Question}, {@code userInput}), a known variant ({@code
     * ground_truths}, {@code context}, {@code expected_output}), or a name within a small edit
     * distance of a field or legacy name ({@code refrence}, {@code respones}, {@code contexs}).
     *
     * @param key a key of the file that is not read as a field
     * @param legacy legacy name to the field it is read as
     */
    static Optional<Suggestion> suggestion(String key, Map<String, String> legacy) {
        String normal = normalise(key);
        if (SampleMapper.FIELDS.contains(normal)) {
            return Optional.of(new Suggestion(normal, null));
        }
        if (legacy.containsKey(normal)) {
            return Optional.of(new Suggestion(legacy.get(normal), normal));
        }
        if (VARIANTS.containsKey(normal)) {
            return Optional.of(new Suggestion(VARIANTS.get(normal), null));
        }
        Suggestion best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : SampleMapper.FIELDS) {
            int d = EditDistance.of(normal, name);
            if (close(normal, name, d) && d < bestDistance) {
                best = new Suggestion(name, null);
                bestDistance = d;
            }
        }
        for (Map.Entry<String, String> entry : legacy.entrySet()) {
            int d = EditDistance.of(normal, entry.getKey());
            if (close(normal, entry.getKey(), d) && d < bestDistance) {
                best = new Suggestion(entry.getValue(), entry.getKey());
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The field a key most likely means.
     *
     * @param field the RAGAS name
     * @param legacyName the legacy name the key is close to, or null
     */
    record Suggestion(String field, String legacyName) {

        /** {@code 'reference'}, or {@code 'retrieved_contexts' (legacy name 'contexts')}. */
        String label() {
            return "'" + field + "'" + (legacyName == null ? "" : " (legacy name '" + legacyName + "')");
        }
    }

    /**
     * Close enough to be a typo: names of up to 4 characters only by case or separators; up to 7
     * characters one edit; longer names two edits, the second only when the first letters agree.
     */
    private static boolean close(String key, String name, int distance) {
        if (name.length() <= 4) {
            return false;
        }
        if (name.length() <= 7) {
            return distance <= 1;
        }
        return distance <= 1 || distance == 2 && !key.isEmpty() && key.charAt(0) == name.charAt(0);
    }

    /** Lower case, with {@code -}, spaces and camelCase humps as {@code _}: {@code userInput} is {@code user_input}. */
    static String normalise(String key) {
        String snake = key.strip().replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        return snake.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-.]+", "_");
    }
}
