package dev.llmeval.app;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.config.ConfigFile;
import dev.llmeval.config.EvalConfig;
import dev.llmeval.gate.Baseline;
import dev.llmeval.review.Promotion;
import dev.llmeval.review.QueueCheck;
import dev.llmeval.review.Review;
import dev.llmeval.review.ReviewItem;
import dev.llmeval.review.ReviewQueue;
import dev.llmeval.review.Status;
import dev.llmeval.provider.Providers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** {@code llmeval review ...} without picocli: list, show, accept or reject, check and promote queue items. */
public final class Reviews {

    private final PrintWriter out;
    private final Path workingDir;
    private final Path config;
    private final Path queueFlag;

    /**
     * @param queueFlag {@code --queue}, or null: then {@code import.queue} of llmeval.yaml, else review-queue
     * @param config {@code --config}, or null: ./llmeval.yaml when present
     */
    public Reviews(PrintWriter out, Path workingDir, Path queueFlag, Path config) {
        this.out = out;
        this.workingDir = workingDir;
        this.queueFlag = queueFlag;
        this.config = config;
    }

    private EvalConfig config() {
        return ConfigFile.load(config, workingDir);
    }

    private ReviewQueue queue() {
        return new ReviewQueue(TraceImport.queueDir(queueFlag, config().importSettings(), workingDir));
    }

    public ExitStatus list(String status) {
        ReviewQueue queue = queue();
        checkStatus(status);
        List<ReviewItem> items = queue.items().stream()
                .filter(i -> status == null || i.review().status().label().equals(status)).toList();
        out.printf(Locale.ROOT, "%-26s %-10s %-36s %s%n", "id", "status", "picked", "question");
        for (ReviewItem i : items) {
            out.printf(Locale.ROOT, "%-26s %-10s %-36s %s%n", i.id(), i.review().status().label(),
                    cut(String.valueOf(i.sampling().get("reason")), 36), cut(oneLine(i.sample().userInput()), 60));
        }
        out.printf(Locale.ROOT, "%d item(s)%s in %s%n", items.size(), status == null ? "" : " " + status, queue.dir());
        out.flush();
        return ExitStatus.PASSED;
    }

    public ExitStatus show(String id) {
        ReviewQueue queue = queue();
        ReviewItem item = queue.find(id);
        try {
            out.print(Files.readString(queue.file(item.id()), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, queue.file(item.id()) + ": cannot read: " + e.getMessage());
        }
        out.flush();
        return ExitStatus.PASSED;
    }

    /**
     * Sets the status of the items; only the fields given change, so a plain accept is a one-line
     * diff. A reference, note or reviewer goes through the redactor first.
     */
    public ExitStatus accept(List<String> ids, String reviewer, String notes, String reference, List<String> contextIds) {
        return decide(ids, Status.ACCEPTED, reviewer, notes, reference, contextIds);
    }

    public ExitStatus reject(List<String> ids, String reviewer, String notes) {
        return decide(ids, Status.REJECTED, reviewer, notes, null, null);
    }

    private ExitStatus decide(List<String> ids, Status status, String reviewer, String notes, String reference,
            List<String> contextIds) {
        EvalConfig c = config();
        ReviewQueue queue = new ReviewQueue(TraceImport.queueDir(queueFlag, c.importSettings(), workingDir));
        var redactor = TraceImport.redactor(c);
        for (String id : ids) {
            ReviewItem item = queue.find(id);
            Review r = item.review();
            var redaction = redactor.forItem(QueueCheck.texts(item).values().stream().toList());
            Review next = new Review(status, reviewer != null ? redaction.apply(reviewer) : r.reviewer(),
                    notes != null ? redaction.apply(notes) : r.notes(),
                    reference != null ? redaction.apply(reference) : r.reference(),
                    contextIds != null && !contextIds.isEmpty() ? contextIds : r.relevantContextIds());
            queue.save(item.withReview(next));
            out.println(item.id() + ": " + r.status().label() + " -> " + status.label()
                    + (redaction.counts().isEmpty() ? "" : " (personal data in the text you gave was replaced: "
                            + redaction.counts() + ")"));
        }
        out.flush();
        return ExitStatus.PASSED;
    }

    /** Exit 0 when every item is valid and clean, 1 when a re-scan finds personal data, 3 when an item is invalid. */
    public ExitStatus check() {
        EvalConfig c = config();
        ReviewQueue queue = new ReviewQueue(TraceImport.queueDir(queueFlag, c.importSettings(), workingDir));
        QueueCheck.Result result = QueueCheck.run(queue, TraceImport.redactor(c));
        result.invalid().forEach(line -> out.println("invalid: " + line));
        result.pii().forEach(line -> out.println("personal data: " + line));
        out.printf(Locale.ROOT, "review check: %d item(s), %d invalid, %d personal-data hit(s)%n", result.items(),
                result.invalid().size(), result.pii().size());
        out.flush();
        if (!result.invalid().isEmpty()) {
            return ExitStatus.INVALID_INPUT;
        }
        return result.pii().isEmpty() ? ExitStatus.PASSED : ExitStatus.GATE_FAILED;
    }

    public ExitStatus promote(Path goldenSet, Double threshold) {
        ReviewQueue queue = queue();
        double t = threshold == null ? Promotion.DEFAULT_THRESHOLD : threshold;
        if (t <= 0 || t > 1) {
            throw new LlmevalException(ExitStatus.USAGE, "--duplicate-threshold " + t + ": must be above 0 and at most 1");
        }
        Promotion.Result result = new Promotion(new LazyEmbeddingModel(Providers::localEmbeddings), t)
                .promote(queue, goldenSet, LocalDate.now(ZoneOffset.UTC).toString());
        for (Promotion.Duplicate d : result.duplicates()) {
            out.printf(Locale.ROOT, "%s: near-duplicate of %s (cosine %.3f >= %.2f), marked duplicate%n", d.id(), d.of(),
                    d.cosine(), t);
        }
        if (result.alreadyThere() > 0) {
            out.println(result.alreadyThere() + " accepted item(s) already in " + goldenSet);
        }
        if (result.meta() == null) {
            out.println("nothing promoted: no accepted item that is not already in " + goldenSet);
        } else {
            out.printf(Locale.ROOT, "promoted %d item(s) to %s: version %d, %d samples%n", result.added().size(), goldenSet,
                    result.meta().version(), result.meta().count());
            out.println("sha256 " + result.meta().sha256());
        }
        out.flush();
        return ExitStatus.PASSED;
    }

    /** Writes the queue's items (optionally of one status) as a JSONL golden set, to score with {@code llmeval run}. */
    public ExitStatus export(String status, Path file) {
        ReviewQueue queue = queue();
        checkStatus(status);
        List<ReviewItem> items = queue.items().stream()
                .filter(i -> status == null || i.review().status().label().equals(status)).toList();
        int n = queue.export(items, file);
        out.println("exported " + n + " item(s)" + (status == null ? "" : " " + status) + " to " + file
                + "; score them with: llmeval run --dataset " + file);
        out.flush();
        return ExitStatus.PASSED;
    }

    /** Copies each sample's scores from a report.json of a run over the queue into the item with that id. */
    public ExitStatus scores(Path report) {
        ReviewQueue queue = queue();
        Baseline run = Baseline.read(report);
        int updated = 0;
        for (ReviewItem item : queue.items()) {
            Map<String, Double> scores = new LinkedHashMap<>();
            for (String metric : run.metrics()) {
                Double score = run.scores(metric).get(item.id());
                if (score != null) {
                    scores.put(metric, score);
                }
            }
            if (!scores.isEmpty() && !scores.equals(item.scores())) {
                queue.save(item.withScores(scores));
                updated++;
            }
        }
        out.println("scores of " + report + " written into " + updated + " item(s) of " + queue.dir());
        out.flush();
        return ExitStatus.PASSED;
    }

    private static void checkStatus(String status) {
        if (status != null && Status.of(status) == null) {
            throw new LlmevalException(ExitStatus.USAGE, "--status " + status + ": expected one of "
                    + String.join(", ", Status.labels()));
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 3) + "...";
    }
}
