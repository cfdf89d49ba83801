package dev.llmeval.metric;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A custom criterion from the {@code criteria:} section of llmeval.yaml: a question an LLM judge
 * answers about each sample, scored as a metric whose id is {@code name}.
 *
 * @param name the metric id, lower-snake
 * @param kind an aspect critic (yes/no) or a 1–5 rubric
 * @param definition what the judge decides; required for an aspect, optional for a rubric
 * @param rubric for a rubric: the description of each score 1 to 5; empty for an aspect
 * @param votes for an aspect: how many independent verdicts decide by majority (odd); 1 for a rubric
 * @param uses the sample fields shown to the judge, in the order shown
 */
public record Criterion(String name, Kind kind, String definition, SortedMap<Integer, String> rubric, int votes,
        List<SampleField> uses) {

    /** The fields a criterion may show to the judge. */
    public static final List<SampleField> USABLE = List.of(
            SampleField.QUESTION, SampleField.ANSWER, SampleField.CONTEXTS, SampleField.REFERENCE);

    /** The fields shown when {@code uses} is not given. */
    public static final List<SampleField> DEFAULT_USES = List.of(SampleField.QUESTION, SampleField.ANSWER);

    public enum Kind {
        /** A yes/no verdict with a reason: score 1 or 0. */
        ASPECT,
        /** A score from 1 to 5 with feedback, normalised to (s - 1) / 4. */
        RUBRIC
    }

    public Criterion {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(kind, "kind == null");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("criterion name must be lower_snake, got '" + name + "'");
        }
        definition = definition == null ? "" : definition.strip();
        rubric = Collections.unmodifiableSortedMap(new TreeMap<>(rubric == null ? Map.of() : rubric));
        uses = List.copyOf(uses == null || uses.isEmpty() ? DEFAULT_USES : uses);
        if (kind == Kind.ASPECT && definition.isEmpty()) {
            throw new IllegalArgumentException(name + ": an aspect needs a definition");
        }
        if (kind == Kind.ASPECT && !rubric.isEmpty()) {
            throw new IllegalArgumentException(name + ": an aspect has no rubric");
        }
        if (kind == Kind.RUBRIC && !rubric.keySet().equals(Set.of(1, 2, 3, 4, 5))) {
            throw new IllegalArgumentException(name + ": a rubric describes exactly the scores 1 to 5");
        }
        if (votes < 1 || votes % 2 == 0) {
            throw new IllegalArgumentException(name + ": votes must be odd and at least 1, got " + votes);
        }
        if (kind == Kind.RUBRIC && votes != 1) {
            throw new IllegalArgumentException(name + ": votes are for aspects only");
        }
        if (!USABLE.containsAll(uses)) {
            throw new IllegalArgumentException(name + ": a criterion can use only " + USABLE);
        }
    }

    /** An aspect critic. */
    public static Criterion aspect(String name, String definition, int votes, List<SampleField> uses) {
        return new Criterion(name, Kind.ASPECT, definition, null, votes, uses);
    }

    /** A 1–5 rubric. */
    public static Criterion rubric(String name, String definition, SortedMap<Integer, String> rubric,
            List<SampleField> uses) {
        return new Criterion(name, Kind.RUBRIC, definition, rubric, 1, uses);
    }
}
