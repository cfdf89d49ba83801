package dev.llmeval.dataset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sample of a golden set, with RAGAS field names. Absent fields are {@code null}; lists are
 * immutable; {@code metadata} is never null. {@code line} is the 1-based physical line where the
 * sample starts in its file.
 */
public record GoldenSample(
        String id,
        int line,
        String userInput,
        List<String> retrievedContexts,
        String response,
        String reference,
        List<String> referenceContexts,
        Map<String, Object> metadata) {

    public GoldenSample {
        retrievedContexts = retrievedContexts == null ? null : List.copyOf(retrievedContexts);
        referenceContexts = referenceContexts == null ? null : List.copyOf(referenceContexts);
        metadata = metadata == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
