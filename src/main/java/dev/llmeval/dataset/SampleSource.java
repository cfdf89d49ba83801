package dev.llmeval.dataset;

import java.io.Reader;

/** The samples of one pass over a golden-set file, parsed and checked one at a time. */
interface SampleSource {

    /**
     * The next sample, or {@code null} after the last one once the rest of the file has been
     * checked (a JSON document's closing bracket, for instance), and again on every later call.
     *
     * @throws dev.llmeval.LlmevalException INVALID_INPUT naming the file, line and field at fault
     */
    GoldenSample next();

    /**
     * The source of {@code format} over {@code text}, a pass over {@code file}.
     *
     * @param csvDelimiter a CSV file's delimiter, or null to tell it from the header
     */
    static SampleSource of(DatasetFormat format, DatasetFile file, Reader text, SampleMapper mapper,
            Character csvDelimiter) {
        return switch (format) {
            case JSONL -> new JsonlSamples(file, text, mapper);
            case JSON -> new JsonSamples(file, text, mapper);
            case CSV -> new CsvSamples(file, text, mapper, csvDelimiter);
        };
    }
}
