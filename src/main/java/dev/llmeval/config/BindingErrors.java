package dev.llmeval.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.llmeval.JsonPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns Jackson's binding errors into one line naming the file, the line and the key path.
 * Never quotes a value from the file: it might be a secret.
 */
final class BindingErrors {

    static final String SECRETS = "llmeval.yaml holds no keys: put the key in an environment variable and"
            + " name that variable with api-key-env (e.g. api-key-env: MY_OPENAI_KEY)";

    private BindingErrors() {}

    static String message(KeyLines lines, Path file, JsonMappingException e) {
        String path = JsonPaths.of(e.getPath());
        String at = lines.at(path);
        String where = at.equals(file.toString()) ? file + where(e.getLocation()) : at;
        if (e instanceof UnrecognizedPropertyException unknown) {
            String key = unknown.getPropertyName();
            if (looksSecret(key)) {
                return where + ": '" + path + "' looks like a secret; " + SECRETS;
            }
            return where + ": unknown setting '" + path + "' (known: " + known(unknown) + ")";
        }
        if (path.isEmpty()) {
            return where + ": expected a mapping of settings at the top level";
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        return where + ": '" + path + "' must be " + expected(path, target);
    }

    static boolean looksSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace('_', '-');
        return !k.equals("api-key-env") && (k.contains("key") || k.contains("token") || k.contains("secret")
                || k.contains("password"));
    }

    private static String expected(String path, Class<?> target) {
        if (path.startsWith("thresholds.")) {
            return "a number between 0 and 1";
        }
        if (path.equals("metrics") || path.startsWith("metrics[")) {
            return path.equals("metrics") ? "a list of metric ids, e.g. [faithfulness, context_recall]" : "a metric id";
        }
        if (target == null) {
            return "of another type";
        }
        if (target == Integer.class || target == int.class) {
            return "a whole number";
        }
        if (target == Double.class || target == double.class) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == String.class) {
            return "a plain value";
        }
        if (List.class.isAssignableFrom(target)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "a mapping";
        }
        return "of another type";
    }

    private static String known(UnrecognizedPropertyException e) {
        return e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() <= 0 ? "" : ":" + location.getLineNr();
    }
}
