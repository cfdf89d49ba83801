package dev.llmeval.redact;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * E-mail addresses: around every {@code @}, the longest run of address characters, trimmed of
 * trailing punctuation, kept when commons-validator's {@link EmailValidator} accepts it (a real
 * top-level domain, a well-formed local part).
 */
final class EmailDetector implements Detector {

    private static final EmailValidator VALIDATOR = EmailValidator.getInstance(false, false);

    @Override
    public List<Hit> find(String text) {
        List<Hit> hits = new ArrayList<>();
        int from = 0;
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', from)) {
            from = at + 1;
            int start = at;
            while (start > 0 && isLocal(text.charAt(start - 1))) {
                start--;
            }
            while (start < at && text.charAt(start) == '.') {
                start++;
            }
            int end = at + 1;
            while (end < text.length() && isDomain(text.charAt(end))) {
                end++;
            }
            while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                end--;
            }
            if (start < at && end > at + 1 && VALIDATOR.isValid(text.substring(start, end))) {
                hits.add(new Hit(Redactor.EMAIL, start, end));
                from = end;
            }
        }
        return hits;
    }

    private static boolean isLocal(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "._%+-".indexOf(c) >= 0);
    }

    private static boolean isDomain(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
    }
}
