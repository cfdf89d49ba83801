package dev.llmeval.app;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.Plural;
import dev.llmeval.Urls;
import dev.llmeval.config.TargetConfig;
import dev.llmeval.dataset.Dataset;
import dev.llmeval.dataset.GoldenSample;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.report.TargetCall;
import dev.llmeval.report.TargetSummary;
import dev.llmeval.target.BuiltinTarget;
import dev.llmeval.target.CommandTarget;
import dev.llmeval.target.HttpTarget;
import dev.llmeval.target.HttpTargetSettings;
import dev.llmeval.target.JavaTargets;
import dev.llmeval.target.LatencyStats;
import dev.llmeval.target.RagTarget;
import dev.llmeval.target.ResponsesFile;
import dev.llmeval.target.TargetAnswer;
import dev.llmeval.target.TargetQuestion;
import dev.llmeval.target.TargetResult;
import dev.llmeval.target.TargetRunner;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Calls the RAG system under test for every golden question (flags over the {@code target:}
 * section of llmeval.yaml) and puts what it answered into the samples that are then scored.
 *
 * <p>The golden set is streamed to build the questions and again, when scoring, to merge each
 * sample with its answer ({@link #answered}); what the target answered is held until then.
 *
 * @param answers per sample, what the target answered, or null where the call failed
 * @param notes per sample, the note of what was repaired in its answer, or null
 * @param calls per sample, what the call did
 * @param summary the target and its latency
 * @param errors samples whose call failed
 */
record TargetStep(List<TargetAnswer> answers, List<String> notes, List<TargetCall> calls, TargetSummary summary, int errors) {

    static final String DATASET = "dataset";

    /** The kind asked for: {@code dataset} (score the stored responses) unless a target is named. */
    static String kind(RunRequest.TargetFlags flags, TargetConfig config) {
        String kind = flags.kind() != null ? flags.kind() : config.kind() != null ? config.kind() : DATASET;
        if (!List.of(DATASET, "http", "command", "java", "builtin").contains(kind)) {
            throw new LlmevalException(ExitStatus.USAGE,
                    "--target: unknown target '" + kind + "' (known: dataset, http, command, java, builtin)");
        }
        return kind;
    }

    /** {@code --max-target-errors}, else {@code target.max-errors}, else 10% of the samples. */
    static int maxErrors(RunRequest.TargetFlags flags, TargetConfig config, int samples) {
        Integer bound = flags.maxErrors() != null ? flags.maxErrors() : config.maxErrors();
        return bound != null ? bound : (int) Math.ceil(samples * 0.10);
    }

    /** Marks every metric of a sample whose target call failed as skipped, with the target's error. */
    void skipFailed(Map<Integer, Map<String, MetricResult>> preset, List<Metric> metrics) {
        for (int i = 0; i < calls.size(); i++) {
            String error = calls.get(i).error();
            if (error != null) {
                Map<String, MetricResult> skipped = preset.computeIfAbsent(i, k -> new HashMap<>());
                metrics.forEach(m -> skipped.put(m.id(),
                        MetricResult.skipped(m.id(), "not scored: the target failed: " + error)));
            }
        }
    }

    static TargetStep run(String kind, RunRequest.TargetFlags flags, TargetConfig config, Path workingDir,
            Dataset dataset, Map<String, String> env, EmbeddingModel embeddings, Supplier<ChatModel> chat,
            PrintWriter err, PrintWriter info) {
        int concurrency = first(flags.concurrency(), config.concurrency(), 4);
        Duration timeout = Duration.ofSeconds(first(flags.timeoutSeconds(), config.timeout(), 60));
        List<TargetQuestion> questions;
        try (Stream<GoldenSample> golden = dataset.stream()) {
            questions = golden.map(TargetStep::question).toList();
        }
        String description;
        List<TargetResult> results;
        try (RagTarget target = open(kind, flags, config, workingDir, env, embeddings, chat, timeout, concurrency,
                err)) {
            description = describe(kind, flags, config);
            info.println("llmeval: asking the " + kind + " target (" + description + ") "
                    + Plural.of(questions.size(), "question") + ", " + concurrency + " at a time");
            info.flush();
            results = TargetRunner.run(target, questions, concurrency, r -> { });
        } catch (LlmevalException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new LlmevalException(ExitStatus.USAGE, "--target " + kind + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new LlmevalException(ExitStatus.TARGET_FAILED, "target failed: " + e.getMessage(), e);
        }
        List<String> notes = new ArrayList<>();
        List<TargetResult> repaired = new ArrayList<>(results.size());
        for (TargetResult r : results) {
            TargetRepair repair = TargetRepair.of(r);
            repaired.add(repair.result());
            notes.add(repair.note());
            if (repair.note() != null) {
                err.println("llmeval: warning: target answer for sample '" + r.id() + "': " + repair.note());
            }
        }
        results = repaired;
        Path save = flags.saveResponses();
        if (save != null) {
            try {
                ResponsesFile.write(save, questions, results);
            } catch (IOException e) {
                throw new LlmevalException(ExitStatus.INVALID_INPUT, "--save-responses " + save + ": " + e.getMessage(), e);
            }
        }
        List<TargetAnswer> answers = new ArrayList<>();
        List<TargetCall> calls = new ArrayList<>();
        for (TargetResult r : results) {
            TargetAnswer a = r.answer();
            answers.add(a);
            calls.add(new TargetCall(r.latencyMillis(), r.error(), a == null ? List.of() : a.contextIds()));
        }
        LatencyStats stats = LatencyStats.of(results);
        return new TargetStep(answers, notes, calls,
                new TargetSummary(kind, description, results.size(), stats.errors(), stats.p50(), stats.p95(), stats.max()),
                stats.errors());
    }

    /**
     * The golden samples, in dataset order, with the target's response, contexts and context ids;
     * a sample whose call failed is left as it is.
     */
    Stream<GoldenSample> answered(Stream<GoldenSample> golden) {
        int[] index = {0};
        return golden.sequential().map(s -> {
            String note = notes.get(index[0]);
            TargetAnswer a = answers.get(index[0]++);
            List<String> warnings = new ArrayList<>(s.warnings());
            if (note != null) {
                warnings.add(note);
            }
            return a == null ? s : new GoldenSample(s.id(), s.line(), s.userInput(), a.contexts(), a.response(),
                    s.reference(), s.referenceContexts(), a.contextIds().isEmpty() ? null : a.contextIds(),
                    s.referenceContextIds(), s.metadata(), warnings);
        });
    }

    private static RagTarget open(String kind, RunRequest.TargetFlags flags, TargetConfig config, Path workingDir,
            Map<String, String> env, EmbeddingModel embeddings, Supplier<ChatModel> chat, Duration timeout,
            int concurrency, PrintWriter err) throws IOException {
        return switch (kind) {
            case "http" -> new HttpTarget(new HttpTargetSettings(
                    required(first(flags.url(), config.url(), null), "--target-url"),
                    first(flags.method(), config.method(), null),
                    first(flags.body(), config.body(), null),
                    first(flags.answer(), config.answer(), null),
                    first(flags.contexts(), config.contexts(), null),
                    first(flags.contextIds(), config.contextIds(), null),
                    headers(flags.headers(), config.headers()), timeout, -1, concurrency), env);
            case "command" -> CommandTarget.start(required(first(flags.command(), config.command(), null),
                    "--target-command"), workingDir, timeout, err);
            case "java" -> JavaTargets.load(required(first(flags.className(), config.className(), null),
                    "--target-class"), classpath(flags.classpath(), config.classpath(), workingDir));
            case "builtin" -> BuiltinTarget.create(workingDir.resolve(required(
                    flags.docs() != null ? flags.docs().toString() : config.docs(), "--docs")), embeddings, chat.get(), 3);
            default -> throw new IllegalStateException("no target " + kind);
        };
    }

    private static String describe(String kind, RunRequest.TargetFlags flags, TargetConfig config) {
        return switch (kind) {
            case "http" -> Urls.mask(first(flags.url(), config.url(), "?"));
            case "command" -> first(flags.command(), config.command(), "?");
            case "java" -> first(flags.className(), config.className(), "?");
            default -> "docs " + (flags.docs() != null ? flags.docs().toString() : config.docs());
        };
    }

    private static TargetQuestion question(GoldenSample s) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", s.id());
        fields.put("user_input", s.userInput());
        if (s.reference() != null) {
            fields.put("reference", s.reference());
        }
        if (s.referenceContexts() != null) {
            fields.put("reference_contexts", s.referenceContexts());
        }
        if (s.referenceContextIds() != null) {
            fields.put("reference_context_ids", s.referenceContextIds());
        }
        fields.put("metadata", s.metadata());
        return new TargetQuestion(s.id(), s.userInput(), fields);
    }

    /** {@code Name: value} flags over the config's map; flags win per header. */
    private static Map<String, String> headers(List<String> fromFlags, Map<String, String> fromConfig) {
        Map<String, String> headers = new LinkedHashMap<>(fromConfig);
        for (String header : fromFlags) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new LlmevalException(ExitStatus.USAGE,
                        "--target-header '" + header + "': expected 'Name: value', e.g. 'Authorization: Bearer ${TOKEN}'");
            }
            headers.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        return headers;
    }

    private static List<Path> classpath(String fromFlag, List<String> fromConfig, Path workingDir) {
        List<String> entries = fromFlag != null ? List.of(fromFlag.split(File.pathSeparator)) : fromConfig;
        return entries.stream().filter(e -> !e.isBlank()).map(e -> workingDir.resolve(e)).toList();
    }

    private static String required(String value, String flag) {
        if (value == null || value.isBlank()) {
            throw new LlmevalException(ExitStatus.USAGE, "this target needs " + flag + " (or its key under target: in llmeval.yaml)");
        }
        return value;
    }

    private static <T> T first(T flag, T file, T fallback) {
        return flag != null ? flag : file != null ? file : fallback;
    }
}
