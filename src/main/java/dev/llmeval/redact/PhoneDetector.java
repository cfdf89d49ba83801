package dev.llmeval.redact;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Phone numbers, found by libphonenumber ({@link PhoneNumberUtil#findNumbers}) with the
 * {@code VALID} leniency: a number must be valid for its region (numbers with a {@code +} country
 * code in any region, national ones in each of the configured regions), and dates, time stamps
 * and page ranges are left alone by libphonenumber itself. A match glued to a letter or a digit
 * (an order number such as {@code ORD-4155550123}) is not a phone number.
 */
final class PhoneDetector implements Detector {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final List<String> regions;

    PhoneDetector(List<String> regions) {
        this.regions = List.copyOf(regions);
    }

    @Override
    public List<Hit> find(String text) {
        List<Hit> hits = new ArrayList<>();
        for (String region : regions) {
            for (PhoneNumberMatch match : UTIL.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                int start = match.start();
                int end = match.end();
                String raw = match.rawString();
                if (glued(text, start, end) || DATE.matcher(raw).matches() || ID_WORDS.contains(Chars.previousWord(text, start))
                        || (PLAIN.matcher(raw).matches() && !cued(text, start))) {
                    continue;
                }
                hits.add(new Hit(Redactor.PHONE, start, end));
            }
        }
        return hits;
    }

    /** 07.11.2022, 3/15/2024, 2024-03-15: dates that national number formats would also allow. */
    private static final Pattern DATE = Pattern.compile("\\d{1,4}([./-])\\d{1,2}\\1\\d{1,4}");

    /** A number with no formatting at all: without a word that announces a phone number it is an id more often than not. */
    private static final Pattern PLAIN = Pattern.compile("\\d+");

    /** Labels of numbers that are not phone numbers, just before the match. */
    private static final Set<String> ID_WORDS = Set.of("isbn", "order", "invoice", "tracking", "ref", "reference",
            "po", "sku", "ticket", "version", "build", "release", "id", "account", "iban", "card", "no");

    private static final Pattern CUE = Pattern.compile(
            "(?i)\\b(phone|call|called|tel|telephone|mobile|cell|reach|text|sms|whatsapp|fax|contact|ring|dial)\\b");

    /** One of the cue words within the 40 characters before the number. */
    private static boolean cued(String text, int start) {
        return CUE.matcher(text.substring(Math.max(0, start - 40), start)).find();
    }

    /** Part of a longer token: a letter, digit, or a hyphen or slash with a word character beyond it. */
    private static boolean glued(String text, int start, int end) {
        if (Chars.wordBefore(text, start) || Chars.wordAfter(text, end)) {
            return true;
        }
        // "ORD-...", "#A19-...", a group of a longer digit run ("9400 1689 1394"), a decimal ("16.825,61")
        if (start >= 2 && "-/#., ".indexOf(text.charAt(start - 1)) >= 0
                && (text.charAt(start - 1) == ' ' ? Chars.digitAt(text, start - 2) : Chars.isWordChar(text.charAt(start - 2)))) {
            return true;
        }
        return end + 1 < text.length() && "-/.,".indexOf(text.charAt(end)) >= 0 && Chars.isWordChar(text.charAt(end + 1))
                || end + 1 < text.length() && text.charAt(end) == ' ' && Chars.digitAt(text, end + 1);
    }

    static boolean knownRegion(String region) {
        return UTIL.getSupportedRegions().contains(region);
    }
}
