package dev.llmeval.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * Payment card numbers: a whole run of 13 to 19 digits, written together or in groups separated
 * by single spaces or hyphens, that passes the Luhn check and starts with a prefix of a card
 * network (Visa, Mastercard, American Express, Discover, JCB, Diners Club, UnionPay, Maestro).
 * Only whole runs count, so a card-like stretch inside a longer number (a 22-digit tracking
 * number) is not one.
 */
final class CardDetector implements Detector {

    @Override
    public List<Hit> find(String text) {
        List<Hit> hits = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!Chars.digitAt(text, i) || Chars.wordBefore(text, i) || separatedDigitBefore(text, i)
                    || (i > 0 && text.charAt(i - 1) == '+')) {
                i++;
                continue;
            }
            StringBuilder digits = new StringBuilder();
            List<int[]> groups = new ArrayList<>(); // {digits so far, end offset} at the end of each group
            int end = i;
            int j = i;
            while (j < text.length()) {
                char c = text.charAt(j);
                if (c >= '0' && c <= '9') {
                    digits.append(c);
                    end = ++j;
                } else if ((c == ' ' || c == '-') && Chars.digitAt(text, j - 1) && Chars.digitAt(text, j + 1)) {
                    groups.add(new int[] {digits.length(), j});
                    j++;
                } else {
                    break;
                }
            }
            groups.add(new int[] {digits.length(), end});
            if (!Chars.wordAfter(text, end)) {
                // the whole run, else the longest run of whole groups from its start ("4111 1111 1111 1111 2 days")
                for (int g = groups.size() - 1; g >= 0; g--) {
                    int[] group = groups.get(g);
                    // written in groups, a card number starts with a group of four
                    boolean grouped = groups.size() > 1 && g > 0;
                    if ((!grouped || groups.get(0)[0] == 4) && plausible(digits.substring(0, group[0]))) {
                        hits.add(new Hit(Redactor.CARD, i, group[1]));
                        break;
                    }
                }
            }
            i = Math.max(end, i + 1);
        }
        return hits;
    }

    /** A digit run continued from before, such as the 2 of {@code 5-2...}: not the start of a number. */
    private static boolean separatedDigitBefore(String text, int i) {
        return i >= 2 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '-') && Chars.digitAt(text, i - 2);
    }

    static boolean plausible(String digits) {
        int n = digits.length();
        return n >= 13 && n <= 19 && network(digits) && Luhn.valid(digits) && !sameDigit(digits);
    }

    private static boolean network(String d) {
        int two = Integer.parseInt(d.substring(0, 2));
        int three = Integer.parseInt(d.substring(0, 3));
        int four = Integer.parseInt(d.substring(0, 4));
        int n = d.length();
        if (d.charAt(0) == '4') {
            return n == 13 || n == 16 || n == 19; // Visa
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return n == 16; // Mastercard
        }
        if (two == 34 || two == 37) {
            return n == 15; // American Express
        }
        if (four == 6011 || (three >= 644 && three <= 649) || two == 65) {
            return n >= 16; // Discover
        }
        if (four >= 3528 && four <= 3589) {
            return n >= 16; // JCB
        }
        if ((three >= 300 && three <= 305) || two == 36 || two == 38 || two == 39) {
            return n >= 14; // Diners Club
        }
        if (two == 62) {
            return n >= 16; // UnionPay
        }
        return (two == 50 || (two >= 56 && two <= 69)) && n >= 12; // Maestro
    }

    private static boolean sameDigit(String d) {
        return d.chars().distinct().count() == 1;
    }
}
