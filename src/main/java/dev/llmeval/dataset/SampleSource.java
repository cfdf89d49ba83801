package dev.llmeval.dataset;

/** The samples of one pass over a golden-set file, parsed and checked one at a time. */
interface SampleSource {

    /**
     * The next sample, or {@code null} after the last one once the rest of the file has been
     * checked (a JSON document's closing bracket, for instance).
     *
     * @throws dev.llmeval.LlmevalException INVALID_INPUT naming the file, line and field at fault
     */
    GoldenSample next();

    /** Opens the reader of {@code format} over {@code text}. */
    static SampleSource of(DatasetFormat format, DatasetFile file, java.io.Reader text, SampleMapper mapper) {
        return switch (format) {
            case JSONL -> new JsonlSamples(file, text, mapper);
            case JSON -> new JsonSamples(file, text, mapper);
            case CSV -> new CsvSamples(file, text, mapper);
        };
    }
}
