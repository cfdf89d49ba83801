package dev.llmeval.app;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.config.ConfigFile;
import dev.llmeval.config.EvalConfig;
import dev.llmeval.config.ImportConfig;
import dev.llmeval.dataset.GoldenSample;
import dev.llmeval.redact.ItemRedaction;
import dev.llmeval.redact.RedactSettings;
import dev.llmeval.redact.Redactor;
import dev.llmeval.review.Review;
import dev.llmeval.review.ReviewItem;
import dev.llmeval.review.ReviewQueue;
import dev.llmeval.traces.AlwaysInclude;
import dev.llmeval.traces.Sampler;
import dev.llmeval.traces.Sampling;
import dev.llmeval.traces.SamplingSettings;
import dev.llmeval.traces.Trace;
import dev.llmeval.traces.TraceFields;
import dev.llmeval.traces.TraceSource;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code llmeval import} without picocli: read a trace export, sample it, redact personal data and
 * write each kept trace into the review queue as a pending item. Nothing is written before it is
 * redacted; an item already in the queue (same source and trace id) is left as it is.
 */
public final class TraceImport {

    private static final Map<String, String> EXPECTED = Map.of(
            "otlp", "expected OTLP/JSON lines with resourceSpans[].scopeSpans[].spans[]",
            "langfuse", "expected Langfuse observations, traces or scores: {\"data\": [...]}, an array, JSON lines or CSV",
            "langsmith", "expected LangSmith runs: an array, {\"runs\": [...]} or JSON lines");

    /** The queue folder when neither {@code --out} nor {@code import.queue} names one. */
    public static final String DEFAULT_QUEUE = "review-queue";

    private final PrintWriter out;
    private final Path workingDir;

    public TraceImport(PrintWriter out, Path workingDir) {
        this.out = out;
        this.workingDir = workingDir;
    }

    public ExitStatus run(ImportRequest request) {
        EvalConfig config = ConfigFile.load(request.config(), workingDir);
        ImportConfig c = config.importSettings();
        if (!TraceSource.SYSTEMS.contains(request.source())) {
            throw new LlmevalException(ExitStatus.USAGE, "--source " + request.source() + ": unknown source; accepted: "
                    + String.join(", ", TraceSource.SYSTEMS));
        }
        SamplingSettings sampling = sampling(request, c);
        Redactor redactor = redactor(config);
        ImportConfig.FieldsConfig f = c.fields(request.source());
        TraceFields fields = f == null ? TraceFields.DEFAULT : new TraceFields(f.question(), f.answer(), f.contexts());
        ReviewQueue queue = new ReviewQueue(queueDir(request.out(), c, workingDir));

        Sampler sampler = new Sampler(sampling);
        int[] counts = new int[2]; // traces, without content
        TraceSource.of(request.source(), fields).read(request.input(), trace -> {
            counts[0]++;
            if (trace.hasContent()) {
                sampler.offer(trace);
            } else {
                counts[1]++;
            }
        });
        if (counts[0] == 0) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, request.input() + ": no traces found for --source "
                    + request.source() + " (" + EXPECTED.get(request.source()) + ")");
        }
        List<Sampler.Picked> picked = sampler.picked();
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, Integer> redacted = new TreeMap<>();
        int written = 0;
        int already = 0;
        for (Sampler.Picked p : picked) {
            reasons.merge(p.sampling().reason(), 1, Integer::sum);
            String id = itemId(p.trace());
            if (queue.contains(id)) {
                already++;
                continue;
            }
            ReviewItem item = item(id, p.trace(), p.sampling(), redactor.forItem());
            item.redactions().forEach((kind, n) -> redacted.merge(kind, n, Integer::sum));
            queue.save(item);
            written++;
        }
        out.printf(Locale.ROOT, "import: %d traces in %s (%s): %d without captured content (not queued), %d with content%n",
                counts[0], request.input(), request.source(), counts[1], counts[0] - counts[1]);
        out.printf(Locale.ROOT, "sampling: rate %s, salt '%s'%s: %d kept (%s)%n", plain(sampling.rate()), sampling.salt(),
                sampling.stratifyBy() == null ? "" : ", stratified by " + sampling.stratifyBy(), picked.size(),
                reasons.isEmpty() ? "none" : String.join(", ", reasons.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).toList()));
        out.printf(Locale.ROOT, "redaction (%s): %s%n", Redactor.VERSION, redacted.isEmpty() ? "nothing found"
                : "replaced " + String.join(", ", redacted.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .toList()));
        out.printf(Locale.ROOT, "queue: %d new pending item(s) in %s%s%n", written, queue.dir(),
                already == 0 ? "" : ", " + already + " already queued (left as they are)");
        out.flush();
        return ExitStatus.PASSED;
    }

    /** {@code otlp-} and the first 16 hex digits of SHA-256(system, trace id): the same trace gets the same id. */
    static String itemId(Trace trace) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(
                    (trace.system() + "\u0000" + trace.traceId()).getBytes(StandardCharsets.UTF_8));
            return trace.system() + "-" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The queue item: every text redacted with one numbering, provenance in {@code metadata.source}. */
    static ReviewItem item(String id, Trace trace, Sampling s, ItemRedaction redaction) {
        GoldenSample raw = trace.sample();
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("system", trace.system());
        source.put("convention", trace.convention());
        source.put("trace_id", trace.traceId());
        source.put("span_ids", trace.spanIds());
        source.put("timestamp", trace.timestamp());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("source", source);
        GoldenSample sample = new GoldenSample(id, 0, redaction.apply(raw.userInput()),
                redaction.apply(raw.retrievedContexts()), redaction.apply(raw.response()), null, null,
                raw.retrievedContextIds(), null, metadata);
        Map<String, Object> sampling = new LinkedHashMap<>();
        sampling.put("reason", s.reason());
        sampling.put("probability", s.probability());
        sampling.put("hash", s.hash());
        sampling.put("rate", s.rate());
        sampling.put("stratum", redaction.apply(s.stratum()));
        sampling.put("note", s.note());
        return new ReviewItem(id, trace.system(), sampling, Redactor.VERSION, redaction.counts(), sample, null,
                Review.PENDING);
    }

    static SamplingSettings sampling(ImportRequest r, ImportConfig c) {
        double rate = r.sampleRate() != null ? r.sampleRate() : c.sampleRate() != null ? c.sampleRate() : 1.0;
        if (rate < 0 || rate > 1) {
            throw new LlmevalException(ExitStatus.USAGE, "--sample-rate " + rate + ": must be between 0 and 1");
        }
        ImportConfig.AlwaysIncludeConfig a = c.alwaysInclude();
        AlwaysInclude always = a == null ? AlwaysInclude.DEFAULT : new AlwaysInclude(
                a.errors() == null || a.errors(), a.refusals() == null || a.refusals(),
                a.negativeFeedback() == null ? AlwaysInclude.DEFAULT_FEEDBACK : a.negativeFeedback(), a.scoresBelow());
        int cap = r.alwaysCap() != null ? r.alwaysCap() : a != null && a.cap() != null ? a.cap()
                : SamplingSettings.DEFAULT_ALWAYS_CAP;
        Integer perStratum = r.perStratum() != null ? r.perStratum() : c.perStratum();
        Integer maxItems = r.maxItems() != null ? r.maxItems() : c.maxItems();
        if ((perStratum != null && perStratum < 1) || (maxItems != null && maxItems < 1) || cap < 0) {
            throw new LlmevalException(ExitStatus.USAGE, "--per-stratum and --max-items must be 1 or more, --always-cap 0 or more");
        }
        String stratifyBy = r.stratifyBy() != null ? r.stratifyBy() : c.stratifyBy();
        if (perStratum != null && stratifyBy == null) {
            throw new LlmevalException(ExitStatus.USAGE, "--per-stratum needs --stratify-by ATTRIBUTE");
        }
        return new SamplingSettings(rate, r.salt() != null ? r.salt() : c.salt(), always, cap, stratifyBy,
                c.stratumRates(), perStratum, maxItems);
    }

    static Redactor redactor(EvalConfig config) {
        return new Redactor(new RedactSettings(config.redact().phoneRegions(), config.redact().patterns()));
    }

    static Path queueDir(Path flag, ImportConfig c, Path workingDir) {
        if (flag != null) {
            return flag;
        }
        Path p = Path.of(c.queue() != null ? c.queue() : DEFAULT_QUEUE);
        // relative to the working directory; kept as typed when that is the JVM's own, for messages
        return p.isAbsolute() || workingDir.equals(Path.of("").toAbsolutePath()) ? p : workingDir.resolve(p).normalize();
    }

    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
