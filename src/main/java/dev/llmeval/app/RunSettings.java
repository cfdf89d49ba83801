package dev.llmeval.app;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.config.EvalConfig;
import dev.llmeval.config.Price;
import dev.llmeval.judge.CacheMode;
import dev.llmeval.judge.PriceTable;
import dev.llmeval.provider.ModelSettings;
import dev.llmeval.provider.Providers;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run's settings once flags, llmeval.yaml and defaults are merged (flags win).
 *
 * @param judge the LLM judge, or null for the offline judge
 * @param embeddings the embedding model for answer relevancy
 * @param rpm requests per minute, 0 for no limit
 * @param maxErrors null for the default share of the jobs
 * @param maxCost null for no budget
 */
record RunSettings(ModelSettings judge, ModelSettings embeddings, boolean perChunk, int concurrency, int rpm,
        Integer maxErrors, BigDecimal maxCost, Path cacheDir, CacheMode cacheMode, PriceTable prices) {

    static final String OFFLINE = "offline";
    static final int DEFAULT_CONCURRENCY = 8;
    static final String DEFAULT_CACHE_DIR = ".llmeval/cache";

    static RunSettings resolve(RunRequest request, EvalConfig config, Path workingDir) {
        RunRequest.JudgeFlags flags = request.judge();
        var file = config.judge();
        String provider = first(flags.provider(), file.provider(), OFFLINE);
        if (!OFFLINE.equals(provider) && !Providers.JUDGE_PROVIDERS.contains(provider)) {
            throw new LlmevalException(flags.provider() != null ? ExitStatus.USAGE : ExitStatus.INVALID_INPUT,
                    (flags.provider() != null ? "--judge" : "judge.provider") + ": unknown judge '" + provider
                            + "' (known: " + OFFLINE + ", " + String.join(", ", Providers.JUDGE_PROVIDERS) + ")");
        }
        Integer timeout = first(flags.timeoutSeconds(), file.timeoutSeconds(), null);
        ModelSettings judge = OFFLINE.equals(provider) ? null : new ModelSettings(provider,
                first(flags.model(), file.model(), null),
                first(flags.baseUrl(), file.baseUrl(), null),
                file.apiKeyEnv(), file.apiVersion(),
                timeout == null ? null : Duration.ofSeconds(timeout),
                file.temperature());
        var fileEmbeddings = config.embeddings();
        String embeddingsProvider = first(flags.embeddings(), fileEmbeddings.provider(), "local");
        String embeddingsUrl = fileEmbeddings.baseUrl();
        if (embeddingsUrl == null && judge != null && embeddingsProvider.equals("openai")
                && (judge.provider().equals("openai") || judge.provider().equals("openai-compatible"))) {
            embeddingsUrl = judge.baseUrl();
        }
        ModelSettings embeddings = new ModelSettings(embeddingsProvider,
                first(flags.embeddingModel(), fileEmbeddings.model(), null), embeddingsUrl,
                fileEmbeddings.apiKeyEnv(), fileEmbeddings.apiVersion(),
                timeout == null ? null : Duration.ofSeconds(timeout), null);

        RunRequest.LimitFlags limits = request.limits();
        Double maxCost = first(limits.maxCost(), config.maxCost(), null);
        RunRequest.CacheFlags cache = request.cache();
        Path cacheDir = cache.dir() != null ? cache.dir()
                : workingDir.resolve(config.cache().dir() != null ? config.cache().dir() : DEFAULT_CACHE_DIR);
        if (cache.off() && cache.only()) {
            throw new LlmevalException(ExitStatus.USAGE, "--no-cache and --cache-only exclude each other");
        }
        CacheMode mode = cache.off() || Boolean.FALSE.equals(config.cache().enabled()) ? CacheMode.OFF
                : cache.only() ? CacheMode.ONLY : CacheMode.READ_WRITE;
        if (mode != CacheMode.OFF && Files.exists(cacheDir) && !Files.isDirectory(cacheDir)) {
            throw cache.dir() != null
                    ? new LlmevalException(ExitStatus.USAGE, "--cache-dir " + cacheDir
                            + ": is a file, not a folder; give a folder (it is created when missing) or --no-cache")
                    : new LlmevalException(ExitStatus.INVALID_INPUT, config.at("cache.dir") + ": cache.dir: " + cacheDir
                            + " is a file, not a folder; give a folder (it is created when missing)");
        }
        return new RunSettings(judge, embeddings, flags.perChunk(),
                first(limits.concurrency(), config.concurrency(), DEFAULT_CONCURRENCY),
                first(limits.rpm(), config.rpm(), 0),
                first(limits.maxErrors(), config.maxErrors(), null),
                maxCost == null ? null : BigDecimal.valueOf(maxCost),
                cacheDir, mode, prices(config.prices()));
    }

    boolean offline() {
        return judge == null;
    }

    private static PriceTable prices(Map<String, Price> fromFile) {
        Map<String, PriceTable.Price> overrides = new LinkedHashMap<>();
        fromFile.forEach((model, price) -> overrides.put(model, new PriceTable.Price(
                BigDecimal.valueOf(price.input()), BigDecimal.valueOf(price.output()))));
        return PriceTable.defaults().with(overrides);
    }

    private static <T> T first(T flag, T file, T fallback) {
        return flag != null ? flag : file != null ? file : fallback;
    }
}
