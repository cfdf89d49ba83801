package dev.llmeval.report;

/**
 * The golden set that was evaluated.
 *
 * @param path the path as the user gave it
 * @param sha256 the hex SHA-256 of the file's bytes
 * @param format {@code jsonl} or {@code csv}
 * @param samples how many samples it holds
 */
public record DatasetInfo(String path, String sha256, String format, int samples) {}
