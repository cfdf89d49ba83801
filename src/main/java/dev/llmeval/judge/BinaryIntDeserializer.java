package dev.llmeval.judge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads an integer the way judges write verdicts: {@code 1}, {@code 1.0}, {@code true},
 * {@code "1"}, {@code "yes"} (and their negatives) all count. Range checks belong to the record.
 */
final class BinaryIntDeserializer extends StdDeserializer<Integer> {
    private static final long serialVersionUID = 1L;

    BinaryIntDeserializer() {
        super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        switch (p.currentToken()) {
            case VALUE_NUMBER_INT:
                return p.getIntValue();
            case VALUE_NUMBER_FLOAT:
                double d = p.getDoubleValue();
                if (d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
                    return (int) d;
                }
                return (Integer) ctxt.handleWeirdNumberValue(Integer.class, d, "expected a whole number");
            case VALUE_TRUE:
                return 1;
            case VALUE_FALSE:
                return 0;
            case VALUE_STRING:
                return fromText(p.getText(), ctxt);
            default:
                return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
        }
    }

    private static Integer fromText(String text, DeserializationContext ctxt) throws IOException {
        String s = text.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "yes", "true", "y":
                return 1;
            case "no", "false", "n":
                return 0;
            default:
                try {
                    return Integer.valueOf(s);
                } catch (NumberFormatException e) {
                    return (Integer) ctxt.handleWeirdStringValue(Integer.class, text, "expected 0 or 1");
                }
        }
    }
}
