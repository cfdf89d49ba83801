package dev.llmeval.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The {@code redact:} section of llmeval.yaml: the regions whose national phone numbers are
 * recognised, and the user's own patterns (RE2 syntax, matched in linear time), by placeholder name.
 */
public record RedactConfig(
        @JsonProperty("phone-regions") List<String> phoneRegions,
        @JsonProperty("patterns") Map<String, String> patterns) {

    public static final RedactConfig EMPTY = new RedactConfig(null, null);
}
