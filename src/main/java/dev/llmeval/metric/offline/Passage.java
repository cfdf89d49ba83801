package dev.llmeval.metric.offline;

/** One evidence sentence and its embedding; {@code source} is the chunk's rank (0-based). */
record Passage(String text, float[] vector, int source) {}
