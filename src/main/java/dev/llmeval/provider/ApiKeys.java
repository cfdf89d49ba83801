package dev.llmeval.provider;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.util.List;
import java.util.Map;

/** Finds API keys in the environment; a key never appears in a message. */
final class ApiKeys {

    private ApiKeys() {}

    /**
     * The key from {@code settings.apiKeyEnv()} when set, else from the first default variable
     * that holds one.
     *
     * @param flag how the user chose the provider, e.g. {@code --judge anthropic}
     * @throws LlmevalException (exit 3) when no variable holds a key
     */
    static String require(ModelSettings settings, List<String> defaults, Map<String, String> env, String flag) {
        String key = find(settings, defaults, env);
        if (key != null) {
            return key;
        }
        String where = settings.apiKeyEnv() != null
                ? settings.apiKeyEnv() + " (named by api-key-env in llmeval.yaml)"
                : String.join(" or ", defaults) + " (set api-key-env in llmeval.yaml to use another variable)";
        throw new LlmevalException(ExitStatus.INVALID_INPUT, flag + " needs an API key in " + where);
    }

    /** Like {@link #require} but gives null when no variable holds a key. */
    static String find(ModelSettings settings, List<String> defaults, Map<String, String> env) {
        List<String> names = settings.apiKeyEnv() != null ? List.of(settings.apiKeyEnv()) : defaults;
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
