package dev.llmeval.dataset;

import java.nio.file.Path;
import java.util.List;

/** A golden set as read from a file: where it came from, its SHA-256 and its samples in order. */
public record Dataset(Path path, String sha256, DatasetFormat format, List<GoldenSample> samples) {

    public Dataset {
        samples = List.copyOf(samples);
    }

    /**
     * Where a sample is in the file, for messages: {@code demo.jsonl:7}, {@code gold.csv:12 (row
     * 3)} or {@code gold.json:40 (sample 3)}, using the path as given.
     */
    public String location(GoldenSample s) {
        int index = indexOf(s);
        if (index < 0) {
            return path + ":" + s.line();
        }
        return Position.of(format, s.line(), index + 1).prefix(path);
    }

    private int indexOf(GoldenSample s) {
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i) == s) {
                return i;
            }
        }
        return samples.indexOf(s);
    }
}
