package dev.llmeval.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.validator.routines.InetAddressValidator;

/**
 * IPv4 and IPv6 addresses, validated by commons-validator's {@link InetAddressValidator}. An
 * IPv4 address is four dot-separated numbers of 0..255 that are not part of a longer dotted
 * number and not a version (after "v", "version", "release", "build" or "section"). An IPv6
 * address is a run of hex digits and colons (with at least two colons) that the validator accepts.
 */
final class IpDetector implements Detector {

    private static final InetAddressValidator VALIDATOR = InetAddressValidator.getInstance();
    private static final Set<String> VERSION_WORDS = Set.of("v", "version", "release", "build", "section", "ver");

    @Override
    public List<Hit> find(String text) {
        List<Hit> hits = new ArrayList<>();
        ipv4(text, hits);
        ipv6(text, hits);
        return hits;
    }

    private static void ipv4(String text, List<Hit> hits) {
        int i = 0;
        while (i < text.length()) {
            if (!Chars.digitAt(text, i) || Chars.wordBefore(text, i) || (i > 0 && text.charAt(i - 1) == '.')) {
                i++;
                continue;
            }
            int j = i;
            int dots = 0;
            while (j < text.length() && (Chars.digitAt(text, j) || (text.charAt(j) == '.' && Chars.digitAt(text, j + 1)))) {
                if (text.charAt(j) == '.') {
                    dots++;
                }
                j++;
            }
            String candidate = text.substring(i, j);
            if (dots == 3 && !Chars.wordAfter(text, j) && VALIDATOR.isValidInet4Address(candidate)
                    && !VERSION_WORDS.contains(Chars.previousWord(text, i))) {
                hits.add(new Hit(Redactor.IP, i, j));
            }
            i = j;
        }
    }

    private static void ipv6(String text, List<Hit> hits) {
        int i = 0;
        while (i < text.length()) {
            if (!isV6(text.charAt(i)) || (i > 0 && isV6(text.charAt(i - 1))) || Chars.wordBefore(text, i)) {
                i++;
                continue;
            }
            int j = i;
            while (j < text.length() && (isV6(text.charAt(j)) || text.charAt(j) == '.')) {
                j++;
            }
            int end = j;
            while (end > i && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ':')
                    && !text.substring(i, end).endsWith("::")) {
                end--;
            }
            String candidate = text.substring(i, end);
            if (colons(candidate) >= 2 && hexDigits(candidate) >= 2 && !Chars.wordAfter(text, end)
                    && VALIDATOR.isValidInet6Address(candidate)) {
                hits.add(new Hit(Redactor.IP, i, end));
            }
            i = Math.max(j, i + 1);
        }
    }

    private static boolean isV6(char c) {
        return c == ':' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static long colons(String s) {
        return s.chars().filter(c -> c == ':').count();
    }

    private static long hexDigits(String s) {
        return s.chars().filter(c -> c != ':' && c != '.').count();
    }
}
