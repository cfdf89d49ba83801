package dev.llmeval.target;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${VAR}} in header values by environment variables; never puts a value in a message. */
final class EnvValues {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private EnvValues() {}

    static Map<String, String> resolve(Map<String, String> headers, UnaryOperator<String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            Matcher matcher = VARIABLE.matcher(value);
            StringBuilder resolved = new StringBuilder();
            while (matcher.find()) {
                String variable = matcher.group(1);
                String found = env.apply(variable);
                if (found == null) {
                    throw new LlmevalException(ExitStatus.INVALID_INPUT,
                            "target header " + name + ": environment variable " + variable + " is not set");
                }
                matcher.appendReplacement(resolved, Matcher.quoteReplacement(found));
            }
            matcher.appendTail(resolved);
            out.put(name, resolved.toString());
        });
        return out;
    }
}
