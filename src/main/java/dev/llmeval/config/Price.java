package dev.llmeval.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A model's price in USD per one million tokens, from {@code prices:} in {@code llmeval.yaml}.
 * Both are set and non-negative once {@link ConfigFile} has checked the file.
 */
public record Price(@JsonProperty("input") Double input, @JsonProperty("output") Double output) {}
