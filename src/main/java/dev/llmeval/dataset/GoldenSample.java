package dev.llmeval.dataset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sample of a golden set, with RAGAS field names. Absent fields are {@code null}; lists are
 * immutable; {@code metadata} is never null. {@code line} is the 1-based physical line where the
 * sample starts in its file. Context ids ({@code retrieved_context_ids}, {@code
 * reference_context_ids}) are read from strings or integers and kept as strings. {@code warnings}
 * are one-line notes about what was repaired while reading it (unpaired UTF-16 surrogates replaced
 * by U+FFFD); empty when none.
 */
public record GoldenSample(
        String id,
        int line,
        String userInput,
        List<String> retrievedContexts,
        String response,
        String reference,
        List<String> referenceContexts,
        List<String> retrievedContextIds,
        List<String> referenceContextIds,
        Map<String, Object> metadata,
        List<String> warnings) {

    public GoldenSample {
        retrievedContexts = retrievedContexts == null ? null : List.copyOf(retrievedContexts);
        referenceContexts = referenceContexts == null ? null : List.copyOf(referenceContexts);
        retrievedContextIds = retrievedContextIds == null ? null : List.copyOf(retrievedContextIds);
        referenceContextIds = referenceContextIds == null ? null : List.copyOf(referenceContextIds);
        metadata = metadata == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A sample read without any repair. */
    public GoldenSample(String id, int line, String userInput, List<String> retrievedContexts, String response,
            String reference, List<String> referenceContexts, List<String> retrievedContextIds,
            List<String> referenceContextIds, Map<String, Object> metadata) {
        this(id, line, userInput, retrievedContexts, response, reference, referenceContexts, retrievedContextIds,
                referenceContextIds, metadata, List.of());
    }
}
