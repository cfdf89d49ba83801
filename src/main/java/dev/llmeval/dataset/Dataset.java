package dev.llmeval.dataset;

import dev.llmeval.LlmevalException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A validated golden set: where it came from, its SHA-256, its format and how many samples it has.
 * It does not hold the samples: {@link #stream()} reads them from the file again, one at a time,
 * so a run's memory does not grow with the golden set. Only each sample's line is kept, for
 * messages.
 */
public final class Dataset {

    private final DatasetFile file;
    private final DatasetFormat format;
    private final Map<String, String> columnMap;
    private final Character csvDelimiter;
    private final int[] lines;
    private final List<String> extraFields;

    Dataset(DatasetFile file, DatasetFormat format, Map<String, String> columnMap, Character csvDelimiter,
            int[] lines, List<String> extraFields) {
        this.file = file;
        this.format = format;
        this.columnMap = Map.copyOf(columnMap);
        this.csvDelimiter = csvDelimiter;
        this.lines = lines.clone();
        this.extraFields = List.copyOf(extraFields);
    }

    /**
     * The keys (CSV columns) of the file that are not golden-set fields, in first-seen order: each
     * sample keeps them in its metadata. Keys inside an explicit {@code metadata} object are not
     * listed.
     */
    public List<String> extraFields() {
        return extraFields;
    }

    /** The path as given. */
    public Path path() {
        return file.path();
    }

    /** The SHA-256 of the file's bytes, in lower-case hex. */
    public String sha256() {
        return file.sha256();
    }

    public DatasetFormat format() {
        return format;
    }

    /** How many samples the golden set has. */
    public int size() {
        return lines.length;
    }

    /**
     * The samples in file order, read from the file again (it must not have changed since it was
     * validated) and parsed one at a time as the stream is consumed. Close the stream.
     *
     * @throws dev.llmeval.LlmevalException INVALID_INPUT, also while the stream is consumed, when the
     *     file changed or cannot be read
     */
    public Stream<GoldenSample> stream() {
        DatasetFile.Reading reading = file.open();
        SampleSource source = SampleSource.of(format, file, reading.text(), new SampleMapper(file.path(), columnMap),
                csvDelimiter);
        Spliterator<GoldenSample> samples = new Spliterators.AbstractSpliterator<>(lines.length,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED) {
            private boolean finished;
            private int read;

            @Override
            public boolean tryAdvance(Consumer<? super GoldenSample> action) {
                if (finished) {
                    return false;
                }
                GoldenSample sample;
                try {
                    sample = source.next();
                } catch (LlmevalException e) {
                    // e.g. cut in the middle of a sample: the file parsed and checked when validated
                    throw file.changedUnlessUnreadable(e);
                }
                if (sample == null) {
                    finished = true;
                    reading.verifyUnchanged();
                    return false;
                }
                if (++read > lines.length) {
                    // samples added since validation: no caller may see more samples than size()
                    throw file.changed();
                }
                action.accept(sample);
                return true;
            }
        };
        return StreamSupport.stream(samples, false).onClose(reading::close);
    }

    /**
     * Every sample in memory at once: for small sets and tests. A run streams them with {@link
     * #stream()} instead.
     */
    public List<GoldenSample> samples() {
        try (Stream<GoldenSample> samples = stream()) {
            return samples.toList();
        }
    }

    /**
     * Where the sample at {@code index} (0-based) is in the file, for messages: {@code
     * demo.jsonl:7}, {@code gold.csv:12 (row 3)} or {@code gold.json:40 (sample 3)}, using the path
     * as given.
     */
    public String location(int index) {
        return Position.of(format, lines[index], index + 1).prefix(file.path());
    }

    /** Where {@code s}, a sample of this set, is in the file; see {@link #location(int)}. */
    public String location(GoldenSample s) {
        int index = indexOf(s);
        return index < 0 ? file.path() + ":" + s.line() : location(index);
    }

    /** The index of the only sample on {@code s}'s line, else of the one with its id (ids are unique). */
    private int indexOf(GoldenSample s) {
        int first = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i] == s.line()) {
                if (first >= 0) {
                    return indexById(s);
                }
                first = i;
            }
        }
        return first;
    }

    private int indexById(GoldenSample s) {
        try (Stream<GoldenSample> samples = stream()) {
            int[] index = {0};
            return samples.peek(x -> index[0]++).anyMatch(x -> x.id().equals(s.id())) ? index[0] - 1 : -1;
        }
    }
}
