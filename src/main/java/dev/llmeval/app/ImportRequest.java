package dev.llmeval.app;

import java.nio.file.Path;

/**
 * {@code llmeval import}'s options; null when not given (llmeval.yaml's {@code import:} section or
 * the defaults apply).
 */
public record ImportRequest(String source, Path input, Double sampleRate, String salt, Path out, Path config,
        String stratifyBy, Integer perStratum, Integer maxItems, Integer alwaysCap) {}
