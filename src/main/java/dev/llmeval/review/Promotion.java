package dev.llmeval.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.Utf16;
import dev.llmeval.dataset.DatasetFormat;
import dev.llmeval.dataset.DatasetReader;
import dev.llmeval.dataset.GoldenSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code llmeval review promote}: appends the accepted items of the queue to a JSONL golden set,
 * with their provenance, skipping items already in it (by id) and near-duplicates of its questions
 * (MiniLM cosine at or above the threshold, also between the new items), and records the new version
 * in the sidecar {@code FILE.meta.json}. Near-duplicates are marked {@code duplicate} in the queue.
 */
public final class Promotion {

    /**
     * The cosine of two questions' MiniLM embeddings at or above which they count as the same
     * question; measured on hand-written paraphrase and non-paraphrase pairs (docs/production.md).
     */
    public static final double DEFAULT_THRESHOLD = 0.78;

    /** A near-duplicate that was not appended. */
    public record Duplicate(String id, String of, double cosine) {}

    /** What a promotion did; {@code meta} is the new version, null when nothing was appended. */
    public record Result(List<String> added, List<Duplicate> duplicates, int alreadyThere, GoldenSetMeta meta) {}

    private final EmbeddingModel embeddings;
    private final double threshold;

    public Promotion(EmbeddingModel embeddings, double threshold) {
        this.embeddings = embeddings;
        this.threshold = threshold;
    }

    public Result promote(ReviewQueue queue, Path goldenSet, String date) {
        if (Files.exists(goldenSet) && DatasetFormat.fromPath(goldenSet) != DatasetFormat.JSONL) {
            throw new LlmevalException(ExitStatus.USAGE, goldenSet + ": promote appends to a JSONL golden set (.jsonl)");
        }
        List<GoldenSample> existing = Files.exists(goldenSet) && size(goldenSet) > 0
                ? DatasetReader.read(goldenSet, DatasetFormat.JSONL, Map.of()).samples() : List.of();
        List<String> ids = existing.stream().map(GoldenSample::id).toList();
        List<ReviewItem> accepted = queue.items().stream().filter(i -> i.review().status() == Status.ACCEPTED).toList();
        List<ReviewItem> candidates = accepted.stream().filter(i -> !ids.contains(i.id())).toList();
        int alreadyThere = accepted.size() - candidates.size();
        if (candidates.isEmpty()) {
            return new Result(List.of(), List.of(), alreadyThere, null);
        }

        List<String> knownIds = new ArrayList<>(ids);
        List<float[]> known = new ArrayList<>(embed(existing.stream().map(GoldenSample::userInput).toList()));
        List<float[]> fresh = embed(candidates.stream().map(i -> i.sample().userInput()).toList());
        List<ReviewItem> added = new ArrayList<>();
        List<Duplicate> duplicates = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            int best = -1;
            double bestCos = -1;
            for (int k = 0; k < known.size(); k++) {
                double cos = cosine(fresh.get(c), known.get(k));
                if (cos > bestCos) {
                    bestCos = cos;
                    best = k;
                }
            }
            ReviewItem item = candidates.get(c);
            if (best >= 0 && bestCos >= threshold) {
                duplicates.add(new Duplicate(item.id(), knownIds.get(best), bestCos));
            } else {
                added.add(item);
                known.add(fresh.get(c));
                knownIds.add(item.id());
            }
        }

        for (Duplicate d : duplicates) {
            ReviewItem item = queue.find(d.id());
            queue.save(item.withReview(new Review(Status.DUPLICATE, item.review().reviewer(),
                    String.format(Locale.ROOT, "near-duplicate of %s (cosine %.3f)", d.of(), d.cosine()),
                    item.review().reference(), item.review().relevantContextIds())));
        }
        GoldenSetMeta before = GoldenSetMeta.read(goldenSet);
        if (added.isEmpty()) {
            return new Result(List.of(), duplicates, alreadyThere, null);
        }
        List<GoldenSetMeta.Change> log = new ArrayList<>(before == null ? List.of() : before.changelog());
        int version = before == null ? 0 : before.version();
        if (before != null && Files.exists(goldenSet) && !before.sha256().equalsIgnoreCase(GoldenSetMeta.sha256(goldenSet))) {
            version++;
            log.add(new GoldenSetMeta.Change(version, date, 0, 0, GoldenSetMeta.sha256(goldenSet),
                    "edited outside llmeval review promote (found when promoting)"));
        }
        append(goldenSet, added, version + 1);
        version++;
        String sha = GoldenSetMeta.sha256(goldenSet);
        int count = existing.size() + added.size();
        log.add(new GoldenSetMeta.Change(version, date, added.size(), duplicates.size(), sha,
                "promoted " + added.size() + " accepted item(s) from " + queue.dir().getFileName()
                        + (duplicates.isEmpty() ? "" : ", dropped " + duplicates.size() + " near-duplicate(s)")));
        GoldenSetMeta meta = new GoldenSetMeta(version, sha, count, log);
        meta.write(goldenSet);
        return new Result(added.stream().map(ReviewItem::id).toList(), duplicates, alreadyThere, meta);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, file + ": cannot read: " + e.getMessage());
        }
    }

    /** One JSONL line per item, with golden-set field names and provenance in {@code metadata}. */
    private static void append(Path goldenSet, List<ReviewItem> items, int version) {
        StringBuilder lines = new StringBuilder();
        try {
            if (Files.exists(goldenSet) && size(goldenSet) > 0 && !endsWithNewline(goldenSet)) {
                lines.append('\n');
            }
            for (ReviewItem item : items) {
                lines.append(SampleJson.MAPPER.writeValueAsString(line(item, version))).append('\n');
            }
            Path parent = goldenSet.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(goldenSet, Utf16.utf8(lines.toString()), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, goldenSet + ": cannot write: " + e.getMessage());
        }
    }

    static ObjectNode line(ReviewItem item, int version) {
        GoldenSample s = item.sample();
        Map<String, Object> metadata = new LinkedHashMap<>(s.metadata());
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("review_item", item.id());
        provenance.put("sampling_reason", item.sampling().get("reason"));
        provenance.put("inclusion_probability", item.sampling().get("probability"));
        provenance.put("redactor", item.redactor());
        provenance.put("reviewer", item.review().reviewer());
        provenance.put("golden_set_version", version);
        metadata.put("promoted", provenance);
        Review r = item.review();
        GoldenSample promoted = new GoldenSample(item.id(), 0, s.userInput(), s.retrievedContexts(), s.response(),
                r.reference() != null ? r.reference() : s.reference(), s.referenceContexts(), s.retrievedContextIds(),
                r.relevantContextIds() != null ? r.relevantContextIds() : s.referenceContextIds(), metadata);
        return SampleJson.write(promoted, true);
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return bytes.length == 0 || bytes[bytes.length - 1] == '\n';
    }

    private List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return embeddings.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    /** The cosine of two vectors; 0 when one is all zeros. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
