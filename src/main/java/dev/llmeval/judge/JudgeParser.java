package dev.llmeval.judge;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.llmeval.JsonPaths;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a judge reply into the step's record, tolerating what real models write: prose before
 * and after the JSON, code fences, bad escapes, trailing or missing commas, a bare array where
 * an object with one list was asked for. A reply that is cut off or holds no usable JSON fails
 * with {@link JudgeFormatException}; nothing is invented.
 */
final class JudgeParser {

    private static final Pattern FENCE = Pattern.compile("```[A-Za-z0-9_-]*");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a number where text is expected is not a statement (think of a prose "[1]")
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .addModule(new SimpleModule("judge-verdicts")
                    .addDeserializer(Integer.class, new BinaryIntDeserializer()))
            .build();

    private JudgeParser() {}

    /**
     * @throws JudgeFormatException with a message fit to quote back to the model
     */
    static <T> T parse(String raw, OutputSpec<T> spec) {
        if (raw == null || raw.isBlank()) {
            throw new JudgeFormatException("the reply is empty");
        }
        String text = FENCE.matcher(raw).replaceAll("");
        List<JsonScanner.Candidate> candidates = JsonScanner.candidates(text);
        if (candidates.isEmpty()) {
            throw new JudgeFormatException("the reply contains no JSON object");
        }
        // when nothing maps, report the failure of the largest value: it is most likely the answer
        JudgeFormatException failure = null;
        int failedLength = -1;
        for (JsonScanner.Candidate candidate : candidates) {
            String json = candidate.text(text);
            if (!candidate.complete()) {
                if (json.length() > failedLength) {
                    failure = new JudgeFormatException("the JSON is cut off: the value starting at character "
                            + (candidate.start() + 1) + " never closes");
                }
                break;
            }
            try {
                return read(json, spec);
            } catch (JudgeFormatException e) {
                if (json.length() > failedLength) {
                    failure = e;
                    failedLength = json.length();
                }
            }
        }
        throw failure;
    }

    private static <T> T read(String json, OutputSpec<T> spec) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            try {
                node = MAPPER.readTree(JsonRepair.repair(json));
            } catch (JacksonException ignored) {
                throw new JudgeFormatException("invalid JSON: " + describe(e), e);
            }
        }
        JsonNode shaped = ReplyShape.adapt(node, spec.type());
        requireLists(shaped, spec.type());
        T value;
        try {
            value = MAPPER.treeToValue(shaped, spec.type());
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new JudgeFormatException(path(e) + cause.getMessage(), e);
        } catch (JacksonException e) {
            throw new JudgeFormatException(path(e) + describe(e), e);
        }
        if (value == null) {
            throw new JudgeFormatException("the reply is null, expected a JSON object");
        }
        String problem = spec.check() == null ? null : spec.check().apply(value);
        if (problem != null) {
            throw new JudgeFormatException(problem);
        }
        return value;
    }

    /** Rejects a reply whose list properties are missing, null or hold nulls. */
    private static void requireLists(JsonNode node, Class<?> type) {
        if (!type.isRecord() || !node.isObject()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (!List.class.isAssignableFrom(component.getType())) {
                continue;
            }
            String name = component.getName();
            JsonNode list = node.get(name);
            if (list == null || list.isNull()) {
                throw new JudgeFormatException("the reply has no \"" + name + "\" list");
            }
            for (JsonNode item : list) {
                if (item.isNull()) {
                    throw new JudgeFormatException("\"" + name + "\" contains a null item");
                }
            }
        }
    }

    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            message += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return message;
    }

    private static String path(JacksonException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        String path = JsonPaths.of(mapping.getPath());
        return path.isEmpty() ? "" : path + ": ";
    }
}
