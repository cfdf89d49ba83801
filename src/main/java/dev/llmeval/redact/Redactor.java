package dev.llmeval.redact;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds personal data in text and replaces it with typed placeholders numbered per item
 * ({@code <EMAIL_1>}, {@code <PHONE_2>}): the same value gets the same placeholder everywhere in
 * one item, so a judge or a reviewer still sees who is who. Thread-safe; the numbering lives in
 * the {@link ItemRedaction} of each item.
 */
public final class Redactor {

    /** Written into every item, so that a queue records which redactor version cleaned it. */
    public static final String VERSION = "llmeval-redact/1";

    static final String EMAIL = "EMAIL";
    static final String PHONE = "PHONE";
    static final String CARD = "CARD";
    static final String IBAN = "IBAN";
    static final String IP = "IP";
    static final String KEY = "KEY";

    /** The built-in kinds, in the order their hits win over overlapping ones of later kinds. */
    public static final List<String> KINDS = List.of(KEY, EMAIL, IBAN, CARD, IP, PHONE);

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("<[A-Z][A-Z0-9_]*_\\d+>");

    private final List<Detector> detectors = new ArrayList<>();
    private final List<String> order = new ArrayList<>();

    public Redactor(RedactSettings settings) {
        for (Map.Entry<String, String> p : settings.patterns().entrySet()) {
            if (!NAME.matcher(p.getKey()).matches() || KINDS.contains(p.getKey())) {
                throw new LlmevalException(ExitStatus.INVALID_INPUT, "redaction pattern '" + p.getKey()
                        + "': the name must be upper case letters, digits and _ (at most 32), and not one of "
                        + String.join(", ", KINDS));
            }
            try {
                detectors.add(new PatternDetector(p.getKey(), Pattern.compile(p.getValue())));
            } catch (PatternSyntaxException e) {
                throw new LlmevalException(ExitStatus.INVALID_INPUT, "redaction pattern '" + p.getKey()
                        + "': not a valid RE2 pattern: " + e.getDescription());
            }
            order.add(p.getKey());
        }
        for (String region : settings.phoneRegions()) {
            if (!PhoneDetector.knownRegion(region)) {
                throw new LlmevalException(ExitStatus.INVALID_INPUT, "redaction phone region '" + region
                        + "': not a region libphonenumber knows (use ISO 3166 codes such as US, GB, DE)");
            }
        }
        detectors.add(new KeyDetector());
        detectors.add(new EmailDetector());
        detectors.add(new IbanDetector());
        detectors.add(new CardDetector());
        detectors.add(new IpDetector());
        detectors.add(new PhoneDetector(settings.phoneRegions()));
        order.addAll(KINDS);
    }

    /**
     * Every piece of personal data in {@code text}, without overlaps, in text order: user patterns
     * first, then keys, e-mails, IBANs, cards, IP addresses and phones; of overlapping hits the one
     * of the earlier kind wins, then the longer. Placeholders such as {@code <EMAIL_1>} are not hits.
     */
    public List<Hit> scan(String text) {
        List<Hit> all = new ArrayList<>();
        for (Detector detector : detectors) {
            all.addAll(detector.find(text));
        }
        all.sort(Comparator.<Hit>comparingInt(h -> order.indexOf(h.kind())).thenComparing(Comparator.comparingInt(Hit::length).reversed()));
        List<Hit> kept = new ArrayList<>();
        List<Hit> placeholders = placeholders(text);
        for (Hit hit : all) {
            if (kept.stream().noneMatch(hit::overlaps) && placeholders.stream().noneMatch(hit::overlaps)) {
                kept.add(hit);
            }
        }
        kept.sort(Comparator.comparingInt(Hit::start));
        return kept;
    }

    /** A fresh numbering for one item (a trace, a queue entry). */
    public ItemRedaction forItem() {
        return new ItemRedaction(this, List.of());
    }

    /**
     * A numbering that continues after the placeholders already in {@code texts} (a reviewer's
     * note added to a redacted item), so that a new value never reuses a number of another one.
     */
    public ItemRedaction forItem(List<String> texts) {
        return new ItemRedaction(this, texts);
    }

    private static List<Hit> placeholders(String text) {
        List<Hit> out = new ArrayList<>();
        java.util.regex.Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(new Hit("PLACEHOLDER", m.start(), m.end()));
        }
        return out;
    }
}
