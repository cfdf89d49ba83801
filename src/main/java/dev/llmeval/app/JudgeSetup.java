package dev.llmeval.app;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.config.MetricOptionsConfig;
import dev.llmeval.judge.CallLimiter;
import dev.llmeval.judge.ChatModelJudge;
import dev.llmeval.judge.EstimatingJudge;
import dev.llmeval.judge.Judge;
import dev.llmeval.judge.JudgeCache;
import dev.llmeval.judge.JudgeRuntime;
import dev.llmeval.judge.JudgeSettings;
import dev.llmeval.judge.OutputMode;
import dev.llmeval.judge.PromptLibrary;
import dev.llmeval.judge.RetryPolicy;
import dev.llmeval.judge.RunMeter;
import dev.llmeval.judge.TokenCounter;
import dev.llmeval.metric.Criteria;
import dev.llmeval.metric.Criterion;
import dev.llmeval.metric.LlmMetrics;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricCatalog;
import dev.llmeval.metric.MetricInfo;
import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.NeedsLlmJudge;
import dev.llmeval.metric.offline.OfflineMetrics;
import dev.llmeval.metric.text.TextMetrics;
import dev.llmeval.provider.ModelSettings;
import dev.llmeval.provider.Providers;
import dev.llmeval.provider.Tokenizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The judge that scores a run and the metrics built on it.
 *
 * @param kind {@code offline} or the LLM provider
 * @param model the judge model's name ({@code null} for the offline judge)
 * @param method one line on how scores are produced, for the console and the report
 * @param baseUrl the provider's base URL, or null
 * @param guard the LLM judge's guard, or null for the offline judge
 */
record JudgeSetup(String kind, String model, String method, String baseUrl, List<Metric> metrics,
        Map<String, String> promptHashes, GuardedJudge guard) {

    static JudgeSetup offline(List<String> metricIds, EmbeddingModel embeddings, MetricOptionsConfig options,
            List<Criterion> criteria) {
        Function<String, MetricOptions> lookup = options(options, criteria);
        // the metrics an LLM judge would score are built too, never called: a bad option of a metric
        // the offline judge skips fails here as it would with --judge, not later in CI
        built(() -> judgedMetrics(new EstimatingJudge(PromptLibrary.builtIn(), "offline"), embeddings, false, lookup,
                criteria, metricIds));
        built(() -> configuredTextMetrics(options, embeddings, lookup));
        return new JudgeSetup(RunSettings.OFFLINE, null, OfflineMetrics.method(), null,
                built(() -> offlineMetrics(metricIds, embeddings, lookup, criteria)), Map.of(), null);
    }

    /**
     * The offline version of each metric that has one, and the text metrics (which need no judge);
     * a metric that needs an LLM and has no offline version (a custom criterion too) is skipped on
     * every sample with the reason.
     */
    static List<Metric> offlineMetrics(List<String> metricIds, EmbeddingModel embeddings,
            Function<String, MetricOptions> options, List<Criterion> criteria) {
        List<String> offlineIds = metricIds.stream().filter(OfflineMetrics.supportedIds()::contains).toList();
        Map<String, Metric> byId = new HashMap<>();
        OfflineMetrics.create(embeddings, offlineIds).forEach(m -> byId.put(m.id(), m));
        textMetrics(metricIds, embeddings, options).forEach(m -> byId.put(m.id(), m));
        for (String id : metricIds) {
            if (!byId.containsKey(id)) {
                MetricInfo info = MetricCatalog.find(id)
                        .or(() -> criteria.stream().filter(c -> c.name().equals(id)).findFirst().map(Criteria::info))
                        .orElseThrow(() -> new IllegalArgumentException("unknown metric " + id));
                byId.put(id, new NeedsLlmJudge(info));
            }
        }
        return metricIds.stream().map(byId::get).toList();
    }

    static JudgeSetup llm(RunSettings settings, Path promptsDir, List<String> metricIds, Map<String, String> env,
            EmbeddingModel embeddings, RunControl control, RunMeter meter, JudgeCache cache,
            MetricOptionsConfig options, List<Criterion> criteria, PrintWriter err) {
        Function<String, MetricOptions> lookup = options(options, criteria);
        ModelSettings judge = settings.judge();
        ChatModel chat = Providers.chatModel(judge, env);
        PromptLibrary prompts = prompts(promptsDir);
        List<Criterion> scored = criteria.stream().filter(c -> metricIds.contains(c.name())).toList();
        CriteriaSetup.checkPrompts(prompts, scored);
        OutputMode mode = outputMode(judge);
        double temperature = judge.temperature() == null ? 0.0 : judge.temperature();
        JudgeRuntime runtime = JudgeRuntime.builder()
                .retry(RetryPolicy.defaults())
                .limiter(CallLimiter.of(settings.concurrency(), settings.rpm()))
                .cache(cache, Providers.namespace(judge))
                .meter(meter)
                .prices(settings.prices())
                .maxCostUsd(settings.maxCost())
                .tokens(counter(Providers.tokenizer(judge)))
                .waits(new WaitNotices(err, Clock.systemDefaultZone()))
                .build();
        GuardedJudge guard = new GuardedJudge(
                new ChatModelJudge(chat, prompts, new JudgeSettings(mode, temperature, 1), runtime), control);
        String description = Providers.describe(judge);
        List<Metric> metrics = built(
                () -> judgedMetrics(guard, embeddings, settings.perChunk(), lookup, scored, metricIds));
        built(() -> configuredTextMetrics(options, embeddings, lookup));
        // the criteria this run does not score too, as the offline judge does: their options are checked
        built(() -> Criteria.create(guard, criteria, lookup));
        Map<String, String> hashes =
                new TreeMap<>(prompts.hashes(LlmMetrics.promptIds(metricIds, settings.perChunk(), lookup)));
        hashes.putAll(Criteria.promptHashes(prompts, scored));
        return new JudgeSetup(judge.provider(), guard.modelName(), "LLM-as-judge: " + description
                + ", structured JSON verdicts", judge.baseUrl(), metrics, Collections.unmodifiableMap(hashes), guard);
    }

    /**
     * The judge of a dry run: the LLM judge's metrics over an {@link EstimatingJudge}, which builds
     * each request as the real judge would and counts its tokens with the model's tokenizer; no
     * model is built, so no key is needed and nothing is called.
     */
    static JudgeSetup estimate(RunSettings settings, Path promptsDir, List<String> metricIds,
            EmbeddingModel embeddings, MetricOptionsConfig options, List<Criterion> criteria) {
        Function<String, MetricOptions> lookup = options(options, criteria);
        ModelSettings judge = settings.judge();
        PromptLibrary prompts = prompts(promptsDir);
        List<Criterion> scored = criteria.stream().filter(c -> metricIds.contains(c.name())).toList();
        CriteriaSetup.checkPrompts(prompts, scored);
        Tokenizer tokenizer = Providers.tokenizer(judge);
        EstimatingJudge estimating = new EstimatingJudge(prompts, Providers.modelName(judge),
                counter(tokenizer), outputMode(judge));
        List<Metric> metrics = built(
                () -> judgedMetrics(estimating, embeddings, settings.perChunk(), lookup, scored, metricIds));
        built(() -> configuredTextMetrics(options, embeddings, lookup));
        built(() -> Criteria.create(estimating, criteria, lookup));
        return new JudgeSetup(judge.provider(), estimating.modelName(), "input tokens counted with "
                + tokenizer.description(), judge.baseUrl(), metrics, Map.of(), null);
    }

    /** How the judge asks for JSON: a schema where the provider takes one, the prompt alone for Anthropic. */
    private static OutputMode outputMode(ModelSettings judge) {
        return Providers.supportsJsonMode(judge.provider()) ? OutputMode.AUTO : OutputMode.TEXT;
    }

    /** The provider's tokenizer as the judge package counts tokens. */
    static TokenCounter counter(Tokenizer tokenizer) {
        return new TokenCounter() {
            @Override
            public long count(String text) {
                return tokenizer.count(text);
            }

            @Override
            public String description() {
                return tokenizer.description();
            }

            @Override
            public boolean exact() {
                return tokenizer.exact();
            }
        };
    }

    /**
     * The metrics an LLM judge scores, named by {@code metricIds} and in that order: the built-in
     * LLM-judged ones, the text metrics (which need no judge) and the custom criteria.
     */
    static List<Metric> judgedMetrics(Judge judge, EmbeddingModel embeddings, boolean perChunk,
            Function<String, MetricOptions> options, List<Criterion> criteria, List<String> metricIds) {
        List<Metric> all = new ArrayList<>(LlmMetrics.create(judge, embeddings, perChunk, options));
        all.addAll(textMetrics(metricIds, embeddings, options));
        all.addAll(Criteria.create(judge, criteria, options));
        return metrics(all, metricIds);
    }

    /**
     * Each metric's options from {@code metric-options:}; an entry for an unknown metric is an
     * input error (exit 3) naming the file and line.
     */
    static Function<String, MetricOptions> options(MetricOptionsConfig config, List<Criterion> criteria) {
        List<String> known = MetricPlan.known(CriteriaSetup.ids(criteria));
        config.values().keySet().forEach(id -> {
            if (!known.contains(id)) {
                throw new LlmevalException(ExitStatus.INVALID_INPUT, config.where().get(id)
                        + ": metric-options: unknown metric '" + id + "' (known: "
                        + String.join(", ", known) + ")");
            }
        });
        return id -> {
            Map<String, String> optionWhere = new HashMap<>();
            config.where().forEach((key, where) -> {
                if (key.startsWith(id + ".")) {
                    optionWhere.put(key.substring(id.length() + 1), where);
                }
            });
            return MetricOptions.of(id, config.where().get(id), config.values().getOrDefault(id, Map.of()),
                    optionWhere);
        };
    }

    /**
     * The text metrics that {@code metric-options:} configures, built only to check their options:
     * a bad option fails the run whether or not the metric is scored, as for the judged metrics.
     */
    private static List<Metric> configuredTextMetrics(MetricOptionsConfig config, EmbeddingModel embeddings,
            Function<String, MetricOptions> options) {
        return textMetrics(List.copyOf(config.values().keySet()), embeddings, options);
    }

    private static List<Metric> textMetrics(List<String> metricIds, EmbeddingModel embeddings,
            Function<String, MetricOptions> options) {
        return TextMetrics.create(embeddings, options,
                metricIds.stream().filter(TextMetrics.supportedIds()::contains).toList());
    }

    /** Builds metrics, turning a bad metric option into an input error (exit 3). */
    private static List<Metric> built(Supplier<List<Metric>> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, e.getMessage());
        }
    }

    static PromptLibrary prompts(Path promptsDir) {
        return promptsDir == null ? PromptLibrary.builtIn() : PromptLibrary.withOverrides(promptsDir);
    }

    /** The metrics named by {@code ids}, in that order. */
    static List<Metric> metrics(List<Metric> available, List<String> ids) {
        Map<String, Metric> byId = new HashMap<>();
        available.forEach(m -> byId.put(m.id(), m));
        return ids.stream().map(id -> {
            Metric metric = byId.get(id);
            if (metric == null) {
                throw new IllegalStateException("metric " + id + " has no implementation for this judge");
            }
            return metric;
        }).toList();
    }
}
