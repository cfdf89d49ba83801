package dev.llmeval.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** The range and shape checks Jackson's types cannot express; each names the file and key. */
final class Checks {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** OpenAI and Anthropic keys start with {@code sk-}, Google API keys with {@code AIza}. */
    private static final Pattern SECRET_VALUE = Pattern.compile("(sk-|AIza)[A-Za-z0-9_\\-]{16,}");

    private Checks() {}

    static void check(KeyLines file, FileSettings s) {
        if (s.judge() != null) {
            JudgeConfig j = s.judge();
            variable(file, "judge.api-key-env", j.apiKeyEnv());
            if (j.timeoutSeconds() != null && j.timeoutSeconds() <= 0) {
                fail(file, "judge.timeout", "must be a number of seconds above 0");
            }
            if (j.temperature() != null && (j.temperature() < 0 || j.temperature() > 2)) {
                fail(file, "judge.temperature", "must be between 0 and 2");
            }
        }
        if (s.embeddings() != null) {
            variable(file, "embeddings.api-key-env", s.embeddings().apiKeyEnv());
        }
        if (s.metrics() != null) {
            for (int i = 0; i < s.metrics().size(); i++) {
                if (s.metrics().get(i) == null || s.metrics().get(i).isBlank()) {
                    fail(file, "metrics[" + i + "]", "must be a metric id");
                }
            }
        }
        if (s.thresholds() != null) {
            for (Map.Entry<String, Double> t : s.thresholds().entrySet()) {
                if (t.getValue() == null || t.getValue() < 0 || t.getValue() > 1) {
                    fail(file, "thresholds." + t.getKey(), "must be a number between 0 and 1");
                }
            }
        }
        atLeastOne(file, "concurrency", s.concurrency());
        atLeastOne(file, "rpm", s.rpm());
        if (s.maxErrors() != null && s.maxErrors() < 0) {
            fail(file, "max-errors", "must be 0 or more");
        }
        if (s.maxCost() != null && s.maxCost() < 0) {
            fail(file, "max-cost", "must be 0 or more (USD)");
        }
        if (s.prices() != null) {
            s.prices().forEach((model, price) -> price(file, "prices." + model, price));
        }
        importSettings(file, s.importSettings());
        TargetConfig t = s.target();
        if (t != null) {
            if (t.kind() != null && !TARGET_KINDS.contains(t.kind())) {
                fail(file, "target.kind", "must be one of " + String.join(", ", TARGET_KINDS));
            }
            atLeastOne(file, "target.timeout", t.timeout());
            atLeastOne(file, "target.concurrency", t.concurrency());
            if (t.maxErrors() != null && t.maxErrors() < 0) {
                fail(file, "target.max-errors", "must be 0 or more");
            }
        }
    }

    /** The {@code import:} section's ranges. */
    private static void importSettings(KeyLines file, ImportConfig c) {
        if (c == null) {
            return;
        }
        share(file, "import.sample-rate", c.sampleRate());
        if (c.stratumRates() != null) {
            c.stratumRates().forEach((k, v) -> share(file, "import.stratum-rates." + k, v));
        }
        atLeastOne(file, "import.per-stratum", c.perStratum());
        atLeastOne(file, "import.max-items", c.maxItems());
        if (c.alwaysInclude() != null && c.alwaysInclude().cap() != null && c.alwaysInclude().cap() < 0) {
            fail(file, "import.always-include.cap", "must be 0 or more");
        }
        if (c.alwaysInclude() != null && c.alwaysInclude().scoresBelow() != null) {
            c.alwaysInclude().scoresBelow().forEach((k, v) -> {
                if (v == null) {
                    fail(file, "import.always-include.scores-below." + k, "must be a number");
                }
            });
        }
    }

    private static void share(KeyLines file, String key, Double value) {
        if (value != null && (value < 0 || value > 1)) {
            fail(file, key, "must be a number between 0 and 1");
        }
    }

    static final java.util.List<String> TARGET_KINDS = java.util.List.of("dataset", "http", "command", "java", "builtin");

    /** Rejects any value that looks like an API key, wherever it is, without echoing it. */
    static void noSecretValues(KeyLines file, JsonNode node, String path) {
        if (node.isTextual() && SECRET_VALUE.matcher(node.asText().trim()).matches()) {
            fail(file, path, "looks like an API key; " + BindingErrors.SECRETS);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                noSecretValues(file, node.get(i), path + "[" + i + "]");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            noSecretValues(file, field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
        }
    }

    private static void price(KeyLines file, String key, Price price) {
        if (price == null || price.input() == null || price.output() == null) {
            fail(file, key, "needs input and output, in USD per 1M tokens, e.g. {input: 0.15, output: 0.60}");
        }
        if (price.input() < 0) {
            fail(file, key + ".input", "must be 0 or more (USD per 1M tokens)");
        }
        if (price.output() < 0) {
            fail(file, key + ".output", "must be 0 or more (USD per 1M tokens)");
        }
    }

    private static void atLeastOne(KeyLines file, String key, Integer value) {
        if (value != null && value < 1) {
            fail(file, key, "must be 1 or more");
        }
    }

    /** api-key-env names a variable; anything else is probably the key itself, so not echoed. */
    private static void variable(KeyLines file, String key, String value) {
        if (value != null && !VARIABLE.matcher(value).matches()) {
            fail(file, key, "must name an environment variable (letters, digits, _), not hold the key; "
                    + BindingErrors.SECRETS);
        }
    }

    private static void fail(KeyLines file, String key, String problem) {
        throw ConfigFile.invalid(file.at(key) + ": '" + key + "' " + problem);
    }
}
