package dev.llmeval.target;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{name}}} placeholders from a question: {@code id}, {@code user_input}, any other
 * field, and {@code metadata.key} (a dotted path into nested maps). A string is inserted escaped
 * but without quotes (write {@code "{{user_input}}"}); a list, map, number or boolean is inserted as
 * JSON. A missing field is an error.
 */
final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([\\w.\\-]+)\\s*}}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Template() {}

    static String renderJson(String template, TargetQuestion question) {
        return render(template, question, text -> new String(JsonStringEncoder.getInstance().quoteAsString(text)));
    }

    static String renderUrl(String template, TargetQuestion question) {
        return render(template, question, text -> URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    private static String render(String template, TargetQuestion question, UnaryOperator<String> escape) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = lookup(matcher.group(1), question);
            String text = value instanceof String s ? escape.apply(s) : toJson(value);
            matcher.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Object lookup(String name, TargetQuestion question) {
        if (name.equals("id")) {
            return question.id();
        }
        if (name.equals("user_input")) {
            return question.userInput();
        }
        if (question.fields().containsKey(name)) {
            return question.fields().get(name);
        }
        Object value = question.fields();
        for (String part : name.split("\\.")) {
            if (!(value instanceof Map<?, ?> map) || !map.containsKey(part)) {
                throw new IllegalArgumentException("template placeholder {{" + name + "}}: sample has no such field");
            }
            value = map.get(part);
        }
        return value;
    }

    private static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
        }
    }
}
