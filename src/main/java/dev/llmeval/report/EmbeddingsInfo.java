package dev.llmeval.report;

/** The embedding model used, e.g. {@code all-minilm-l6-v2 (in-process)}. */
public record EmbeddingsInfo(String model) {}
