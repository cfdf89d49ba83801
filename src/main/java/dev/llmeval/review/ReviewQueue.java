package dev.llmeval.review;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.Utf16;
import dev.llmeval.dataset.GoldenSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The review queue: a folder in git with one file per item, {@code <id>.json}. Items are written
 * whole to a temporary file and moved into place, so an interrupted write never leaves half a file.
 */
public final class ReviewQueue {

    private final Path dir;

    public ReviewQueue(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path file(String id) {
        return dir.resolve(id + ".json");
    }

    /** Whether an item with this id is already queued (imported before, maybe reviewed). */
    public boolean contains(String id) {
        return Files.exists(file(id));
    }

    /** Writes the item, replacing its file. */
    public void save(ReviewItem item) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + item.id(), ".tmp");
            Files.write(tmp, Utf16.utf8(ItemFile.write(item)));
            Files.move(tmp, file(item.id()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, dir + ": cannot write " + item.id() + ".json: " + e.getMessage());
        }
    }

    /** The item files, sorted by name. */
    public List<Path> files() {
        if (!Files.isDirectory(dir)) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, dir + ": no such review queue (run llmeval import first)");
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, dir + ": cannot list the queue: " + e.getMessage());
        }
    }

    /** Reads one item file; a bad file is an INVALID_INPUT error naming it. */
    public ReviewItem read(Path file) {
        try {
            ReviewItem item = ItemFile.read(Files.readString(file, StandardCharsets.UTF_8));
            if (!file.getFileName().toString().equals(item.id() + ".json")) {
                throw new IllegalArgumentException("field 'id': '" + item.id() + "' does not match the file name");
            }
            return item;
        } catch (IllegalArgumentException e) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, file + ": cannot read: " + e.getMessage());
        }
    }

    /** Every item, by id. */
    public List<ReviewItem> items() {
        List<ReviewItem> items = new ArrayList<>();
        for (Path f : files()) {
            items.add(read(f));
        }
        return items;
    }

    /**
     * Writes the items as a JSONL golden set (the item id as the sample id), so that {@code
     * llmeval run} can score the queue.
     *
     * @return how many were written
     */
    public int export(List<ReviewItem> items, Path file) {
        StringBuilder lines = new StringBuilder();
        try {
            for (ReviewItem item : items) {
                GoldenSample s = item.sample();
                GoldenSample withId = new GoldenSample(item.id(), 0, s.userInput(), s.retrievedContexts(), s.response(),
                        item.review().reference() != null ? item.review().reference() : s.reference(),
                        s.referenceContexts(), s.retrievedContextIds(), s.referenceContextIds(), s.metadata());
                lines.append(SampleJson.MAPPER.writeValueAsString(SampleJson.write(withId, true))).append('\n');
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, Utf16.utf8(lines.toString()));
        } catch (IOException e) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, file + ": cannot write: " + e.getMessage());
        }
        return items.size();
    }

    /** The item with this id, or the only one whose id starts with it. */
    public ReviewItem find(String idOrPrefix) {
        if (contains(idOrPrefix)) {
            return read(file(idOrPrefix));
        }
        List<Path> matches = files().stream().filter(p -> p.getFileName().toString().startsWith(idOrPrefix)).toList();
        if (matches.size() == 1) {
            return read(matches.get(0));
        }
        throw new LlmevalException(ExitStatus.USAGE, matches.isEmpty()
                ? "no item '" + idOrPrefix + "' in " + dir
                : "'" + idOrPrefix + "' matches " + matches.size() + " items in " + dir + "; give more of the id");
    }
}
