package dev.llmeval.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code llmeval.yaml}. Unknown keys, wrong types, values out of range and secrets are
 * errors (exit 3) naming the file, the line where the parser knows it, and the key; never ignored.
 */
public final class ConfigFile {

    /** The file looked for in the working directory when no {@code --config} is given. */
    public static final String DEFAULT_NAME = "llmeval.yaml";

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigFile() {}

    /**
     * Loads the given file, or {@code llmeval.yaml} in {@code workingDir} when {@code explicit}
     * is null; no file there gives {@link EvalConfig#EMPTY}.
     */
    public static EvalConfig load(Path explicit, Path workingDir) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw invalid(explicit + ": no such config file");
            }
            return read(explicit);
        }
        Path implicit = workingDir.resolve(DEFAULT_NAME);
        return Files.isRegularFile(implicit) ? read(implicit) : EvalConfig.EMPTY;
    }

    static EvalConfig read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw invalid(file + ": cannot read: " + e.getMessage());
        }
        JsonNode root = tree(file, bytes);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return EvalConfig.empty(file);
        }
        if (!root.isObject()) {
            throw invalid(file + ": expected a mapping of settings at the top level");
        }
        KeyLines lines = KeyLines.of(file, bytes);
        JsonNode judge = root.path("judge");
        if (judge.has("kind") && judge.has("provider")) {
            throw invalid(lines.at("judge.kind") + ": 'judge.kind' is the old name of 'judge.provider': set one, not both");
        }
        Checks.noSecretValues(lines, root, "");
        FileSettings settings;
        try {
            settings = YAML.readValue(bytes, FileSettings.class);
        } catch (JsonMappingException e) {
            throw invalid(BindingErrors.message(lines, file, e));
        } catch (IOException e) {
            throw invalid(file + ": cannot read: " + e.getMessage());
        }
        Checks.check(lines, settings);
        return new EvalConfig(file, settings.judge(), settings.embeddings(), settings.metrics(),
                settings.thresholds(), settings.concurrency(), settings.rpm(), settings.maxErrors(),
                settings.maxCost(), settings.cache(), settings.prices(), settings.target(),
                metricOptions(lines, settings.metricOptions()), CriteriaChecks.check(lines, settings.criteria()),
                settings.importSettings(), settings.redact(), checkedLater(lines, settings));
    }

    /** Keys that the run checks after loading, beside the metric ids: what the trust checks name. */
    private static final java.util.List<String> TRUST_KEYS = java.util.List.of("judge.base-url", "judge.api-key-env",
            "embeddings.base-url", "embeddings.api-key-env", "target.kind", "target.url", "target.command",
            "target.class", "target.classpath");

    /**
     * The lines of the keys whose values are checked after loading: the metric ids of metrics and
     * thresholds, and the settings that decide where secrets go and what runs ({@link #TRUST_KEYS},
     * {@code target.headers.<name>}).
     */
    private static Map<String, String> checkedLater(KeyLines lines, FileSettings settings) {
        Map<String, String> out = new HashMap<>();
        out.put("metrics", lines.at("metrics"));
        TRUST_KEYS.forEach(key -> out.put(key, lines.at(key)));
        out.put("cache.dir", lines.at("cache.dir"));
        if (settings.target() != null) {
            settings.target().headers().keySet().forEach(name -> out.put("target.headers." + name,
                    lines.at("target.headers." + name)));
        }
        if (settings.thresholds() != null) {
            settings.thresholds().keySet().forEach(id -> out.put("thresholds." + id, lines.at("thresholds." + id)));
        }
        return out;
    }

    private static MetricOptionsConfig metricOptions(KeyLines lines, Map<String, Map<String, Object>> values) {
        if (values == null) {
            return MetricOptionsConfig.EMPTY;
        }
        Map<String, String> where = new HashMap<>();
        Map<String, Map<String, Object>> options = new LinkedHashMap<>();
        values.forEach((metric, map) -> {
            where.put(metric, lines.at("metric-options." + metric));
            if (map != null) {
                map.keySet().forEach(key -> where.put(metric + "." + key,
                        lines.at("metric-options." + metric + "." + key)));
            }
            options.put(metric, map == null ? Map.of() : map);
        });
        return new MetricOptionsConfig(options, where);
    }

    private static JsonNode tree(Path file, byte[] bytes) {
        try {
            return YAML.readTree(bytes);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw invalid(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid(file + ": cannot read: " + e.getMessage());
        }
    }

    static LlmevalException invalid(String message) {
        return new LlmevalException(ExitStatus.INVALID_INPUT, message);
    }
}
