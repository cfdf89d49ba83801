package dev.llmeval.dataset;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.regex.Pattern;

/** The shared Jackson mapper and the wording used for JSON in messages. */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Reads one value from a parser positioned inside a larger document. */
    static final ObjectReader IN_STREAM = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at \\[Source:.*?\\]\\)");
    private static final Pattern SOURCE = Pattern.compile("\\s*at \\[Source:.*", Pattern.DOTALL);
    private static final int MAX_MESSAGE = 160;

    private Json() {
    }

    /** "a string", "a number", "an array"... as in "expected a string, got a number". */
    static String typeName(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Jackson refuses a string longer than this (its {@code StreamReadConstraints}). */
    static final int MAX_STRING = StreamReadConstraints.DEFAULT_MAX_STRING_LEN;

    /** Our message for a string over {@link #MAX_STRING}, else null. */
    static String tooLong(JacksonException e) {
        if (e instanceof StreamConstraintsException && String.valueOf(e.getOriginalMessage()).startsWith("String value length")) {
            return String.format(java.util.Locale.ROOT, "a text value is longer than %,d characters, the most llmeval"
                    + " reads in one field; shorten it or split the sample", MAX_STRING);
        }
        return null;
    }

    /** What is wrong with the JSON, for a message: our own for a too long text, else Jackson's, short. */
    static String problem(JacksonException e) {
        String tooLong = tooLong(e);
        return tooLong != null ? tooLong : "not valid JSON: " + shortMessage(e);
    }

    /** Jackson's message on one short line, without the source and location noise. */
    static String shortMessage(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        message = START_MARKER.matcher(message).replaceAll("");
        message = SOURCE.matcher(message).replaceAll("");
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        message = message.strip();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE - 3) + "...";
        }
        return message;
    }
}
