package dev.llmeval.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code llmeval.yaml}. Unknown keys and wrong types are errors, never ignored. */
public final class ConfigFile {

    /** The file looked for in the working directory when no {@code --config} is given. */
    public static final String DEFAULT_NAME = "llmeval.yaml";

    private static final Set<String> TOP_KEYS = Set.of("judge", "metrics", "thresholds");
    private static final Set<String> JUDGE_KEYS = Set.of("kind", "model", "base-url");

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
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw invalid(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid(file + ": cannot read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new EvalConfig(file, null, null, null, List.of(), Map.of());
        }
        if (!root.isObject()) {
            throw invalid(file + ": expected a mapping of settings at the top level");
        }
        checkKeys(file, root, TOP_KEYS, "");
        JsonNode judge = root.path("judge");
        String kind = null;
        String model = null;
        String baseUrl = null;
        if (!judge.isMissingNode() && !judge.isNull()) {
            if (!judge.isObject()) {
                throw invalid(file + ": 'judge' must be a mapping with kind, model and base-url");
            }
            checkKeys(file, judge, JUDGE_KEYS, "judge.");
            kind = text(file, judge, "kind", "judge.kind");
            model = text(file, judge, "model", "judge.model");
            baseUrl = text(file, judge, "base-url", "judge.base-url");
        }
        return new EvalConfig(file, kind, model, baseUrl, metrics(file, root.path("metrics")),
                thresholds(file, root.path("thresholds")));
    }

    private static List<String> metrics(Path file, JsonNode node) {
        List<String> metrics = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return metrics;
        }
        if (!node.isArray()) {
            throw invalid(file + ": 'metrics' must be a list of metric ids, e.g. [faithfulness, context_recall]");
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw invalid(file + ": 'metrics'[" + i + "] must be a metric id");
            }
            metrics.add(node.get(i).asText());
        }
        return metrics;
    }

    private static Map<String, Double> thresholds(Path file, JsonNode node) {
        Map<String, Double> thresholds = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return thresholds;
        }
        if (!node.isObject()) {
            throw invalid(file + ": 'thresholds' must map metric ids to minimum means, e.g. faithfulness: 0.9");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber()) {
                throw invalid(file + ": 'thresholds." + e.getKey() + "' must be a number between 0 and 1");
            }
            thresholds.put(e.getKey(), e.getValue().asDouble());
        }
        return thresholds;
    }

    private static String text(Path file, JsonNode parent, String key, String path) {
        JsonNode value = parent.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isValueNode() || value.isContainerNode()) {
            throw invalid(file + ": '" + path + "' must be a plain value");
        }
        return value.asText();
    }

    private static void checkKeys(Path file, JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw invalid(file + ": unknown setting '" + prefix + key + "' (known: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static LlmevalException invalid(String message) {
        return new LlmevalException(ExitStatus.INVALID_INPUT, message);
    }
}
