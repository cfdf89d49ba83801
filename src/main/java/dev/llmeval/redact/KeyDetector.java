package dev.llmeval.redact;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * API keys, tokens and secrets: the well-known prefixes of provider keys (OpenAI, Anthropic,
 * GitHub, GitLab, Slack, AWS, Google, Stripe, SendGrid, Hugging Face, npm, PyPI), JSON Web Tokens,
 * and any other high-entropy token: at least 24 characters of letters, digits and {@code +/_=-},
 * mixing upper case, lower case and at least two digits, not only hex digits, with a Shannon
 * entropy of at least {@value #MIN_ENTROPY} bits per character.
 */
final class KeyDetector implements Detector {

    static final double MIN_ENTROPY = 4.0;

    private static final Pattern KNOWN = Pattern.compile(String.join("|",
            "sk-(?:proj-|ant-(?:api03-|admin01-)?|svcacct-)?[A-Za-z0-9_-]{20,}",
            "gh[pousr]_[A-Za-z0-9]{36,}",
            "github_pat_[A-Za-z0-9_]{22,}",
            "glpat-[A-Za-z0-9_-]{20,}",
            "xox[abprs]-[A-Za-z0-9-]{10,}",
            "(?:AKIA|ASIA)[0-9A-Z]{16}",
            "AIza[0-9A-Za-z_-]{35}",
            "(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,}",
            "SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}",
            "hf_[A-Za-z0-9]{30,}",
            "npm_[A-Za-z0-9]{36}",
            "pypi-[A-Za-z0-9_-]{50,}",
            "eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"));

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/_=-]{24,}");

    @Override
    public List<Hit> find(String text) {
        List<Hit> hits = new ArrayList<>();
        Matcher known = KNOWN.matcher(text);
        while (known.find()) {
            if (!Chars.wordBefore(text, known.start())) {
                hits.add(new Hit(Redactor.KEY, known.start(), known.end()));
            }
        }
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            int start = token.start();
            int end = token.end();
            while (end > start && "=-_/+".indexOf(text.charAt(end - 1)) >= 0 && text.charAt(end - 1) != '=') {
                end--;
            }
            if (end - start >= 24 && !Chars.wordBefore(text, start) && random(text.substring(start, end))) {
                hits.add(new Hit(Redactor.KEY, start, end));
            }
        }
        return hits;
    }

    static boolean random(String token) {
        boolean upper = false;
        boolean lower = false;
        int digits = 0;
        boolean nonHex = false;
        for (char c : token.toCharArray()) {
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
            if (Character.isDigit(c)) {
                digits++;
            }
            nonHex |= Character.isLetter(c) && Character.digit(c, 16) < 0;
        }
        return upper && lower && digits >= 2 && nonHex && !token.contains("//") && entropy(token) >= MIN_ENTROPY;
    }

    static double entropy(String s) {
        int[] counts = new int[128];
        int other = 0;
        for (char c : s.toCharArray()) {
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        for (int n : counts) {
            if (n > 0) {
                double p = (double) n / s.length();
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        if (other > 0) {
            double p = (double) other / s.length();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }
}
