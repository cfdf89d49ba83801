package dev.llmeval.gate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What is wrong with a {@code metric=value} spec that did not parse, for one-line messages. */
final class MetricSpecs {

    private static final Pattern SHAPE = Pattern.compile("\\s*([^=\\s]+)\\s*=\\s*(\\S.*?)\\s*");

    private MetricSpecs() {}

    /**
     * @param expected the message when the spec is not {@code name=value} at all
     * @param valueKind what the value should have been, e.g. {@code a number between 0 and 1}
     */
    static String problem(String spec, String expected, String valueKind) {
        Matcher shape = SHAPE.matcher(spec);
        if (!shape.matches()) {
            return expected;
        }
        if (!shape.group(1).matches("[a-z][a-z0-9_]*")) {
            return "'" + shape.group(1) + "' is not a metric id (lower_snake_case)";
        }
        return "'" + shape.group(2) + "' is not " + valueKind;
    }
}
