package dev.llmeval.redact;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * IBANs: a country code, two check digits and the country's number of letters and digits,
 * written together or in groups of four separated by single spaces, whose mod-97 check (ISO
 * 13616) gives 1. The lengths per country follow the SWIFT IBAN registry.
 */
final class IbanDetector implements Detector {

    /** Country code to the IBAN's total length in characters (SWIFT IBAN registry). */
    static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
            Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28),
            Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23),
            Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
            Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
            Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15),
            Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
            Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("ST", 25), Map.entry("SV", 28),
            Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
            Map.entry("VG", 24), Map.entry("XK", 20));

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    @Override
    public List<Hit> find(String text) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i + 4 <= text.length(); i++) {
            if (!start(text, i)) {
                continue;
            }
            Integer length = LENGTHS.get(text.substring(i, i + 2));
            if (length == null) {
                continue;
            }
            StringBuilder iban = new StringBuilder();
            int j = i;
            int end = i;
            while (j < text.length() && iban.length() < length) {
                char c = text.charAt(j);
                if (isAlnum(c)) {
                    iban.append(c);
                    end = ++j;
                } else if (c == ' ' && j + 1 < text.length() && isAlnum(text.charAt(j + 1)) && iban.length() % 4 == 0) {
                    j++;
                } else {
                    break;
                }
            }
            if (iban.length() == length && !Chars.wordAfter(text, end) && valid(iban.toString())) {
                hits.add(new Hit(Redactor.IBAN, i, end));
                i = end - 1;
            }
        }
        return hits;
    }

    private static boolean start(String text, int i) {
        return isUpper(text.charAt(i)) && isUpper(text.charAt(i + 1)) && Chars.digitAt(text, i + 2)
                && Chars.digitAt(text, i + 3) && !Chars.wordBefore(text, i);
    }

    /** ISO 13616: move the first four characters to the end, letters to 10..35, the number mod 97 is 1. */
    static boolean valid(String iban) {
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : moved.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else {
                digits.append(c - 'A' + 10);
            }
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isAlnum(char c) {
        return isUpper(c) || (c >= '0' && c <= '9');
    }
}
