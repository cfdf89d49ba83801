package dev.llmeval.redact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The redaction of one item: every text of the item goes through {@link #apply}, so that the same
 * value gets the same placeholder in the question, the answer and every context. It holds the
 * original values only in memory, to number them; they are never written.
 */
public final class ItemRedaction {

    private final Redactor redactor;
    private final Map<String, String> placeholders = new HashMap<>();
    private final Map<String, Integer> next = new HashMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("<([A-Z][A-Z0-9_]*)_(\\d+)>");

    ItemRedaction(Redactor redactor, List<String> existing) {
        this.redactor = redactor;
        for (String text : existing) {
            java.util.regex.Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
            while (m.find()) {
                next.merge(m.group(1), Integer.parseInt(m.group(2)), Math::max);
            }
        }
    }

    /** {@code text} with every hit replaced by its placeholder; null stays null. */
    public String apply(String text) {
        if (text == null) {
            return null;
        }
        List<Hit> hits = redactor.scan(text);
        if (hits.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Hit hit : hits) {
            out.append(text, at, hit.start());
            String value = text.substring(hit.start(), hit.end());
            String key = hit.kind() + '\u0000' + normalised(hit.kind(), value);
            String placeholder = placeholders.computeIfAbsent(key, k -> {
                int n = next.merge(hit.kind(), 1, Integer::sum);
                return "<" + hit.kind() + "_" + n + ">";
            });
            counts.merge(hit.kind(), 1, Integer::sum);
            out.append(placeholder);
            at = hit.end();
        }
        out.append(text, at, text.length());
        return out.toString();
    }

    /** {@code apply} on each text of a list; null stays null. */
    public List<String> apply(List<String> texts) {
        return texts == null ? null : texts.stream().map(this::apply).toList();
    }

    /** Hits replaced so far, by kind (sorted by kind). */
    public Map<String, Integer> counts() {
        return Map.copyOf(counts).isEmpty() ? Map.of() : new TreeMap<>(counts);
    }

    /** The same e-mail in another case, or a number written with other separators, is the same value. */
    private static String normalised(String kind, String value) {
        return switch (kind) {
            case Redactor.EMAIL -> value.toLowerCase(java.util.Locale.ROOT);
            case Redactor.PHONE, Redactor.CARD, Redactor.IBAN -> value.replaceAll("[^0-9A-Za-z+]", "");
            default -> value;
        };
    }
}
