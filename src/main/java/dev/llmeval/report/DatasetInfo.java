package dev.llmeval.report;

/**
 * The golden set that was evaluated.
 *
 * @param path the path as the user gave it
 * @param sha256 the hex SHA-256 of the file's bytes
 * @param format {@code jsonl} or {@code csv}
 * @param samples how many samples it holds
 * @param version the golden set's version from its sidecar {@code FILE.meta.json} when that
 *     records this SHA-256 ({@code llmeval review promote} writes it); null otherwise, and in
 *     reports written before versions existed
 */
public record DatasetInfo(String path, String sha256, String format, int samples, Integer version) {

    public DatasetInfo(String path, String sha256, String format, int samples) {
        this(path, sha256, format, samples, null);
    }
}
