package dev.llmeval.redact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to redact: the regions whose national phone numbers are recognised (numbers with a
 * {@code +} country code are recognised in any case), and the user's own patterns, by name.
 *
 * @param phoneRegions ISO 3166 region codes such as {@code US}, {@code GB}, {@code DE}
 * @param patterns placeholder name (upper case, e.g. {@code EMPLOYEE_ID}) to an RE2 pattern
 */
public record RedactSettings(List<String> phoneRegions, Map<String, String> patterns) {

    /** The regions used when llmeval.yaml names none. */
    public static final List<String> DEFAULT_REGIONS = List.of("US", "GB", "DE", "FR", "IN");

    public static final RedactSettings DEFAULT = new RedactSettings(DEFAULT_REGIONS, Map.of());

    public RedactSettings {
        phoneRegions = phoneRegions == null || phoneRegions.isEmpty() ? DEFAULT_REGIONS : List.copyOf(phoneRegions);
        patterns = patterns == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(patterns));
    }
}
