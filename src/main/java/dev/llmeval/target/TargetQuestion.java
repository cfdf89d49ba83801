package dev.llmeval.target;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One golden question sent to the system under test.
 *
 * @param id the sample id, unique within a run (the command target matches replies by it)
 * @param userInput the question text ({@code user_input})
 * @param fields the sample's other fields by their golden-set name ({@code reference},
 *     {@code metadata} as a nested map, ...), as plain Jackson-friendly values; never null
 */
public record TargetQuestion(String id, String userInput, Map<String, Object> fields) {

    public TargetQuestion {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(userInput, "userInput == null");
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public TargetQuestion(String id, String userInput) {
        this(id, userInput, Map.of());
    }
}
