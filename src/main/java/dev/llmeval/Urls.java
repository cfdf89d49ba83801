package dev.llmeval;

import java.util.regex.Pattern;

/**
 * Hides the credentials of URLs before they are printed or written: the user information
 * ({@code http://user:password@host} → {@code http://***@host}) and the values of query
 * parameters that look secret ({@code ?api_key=…}, {@code token}, {@code sig}, …).
 */
public final class Urls {

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/?#@\\s'\"]+@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&][^=&#\\s'\"]*(?:key|token|secret|passw|pwd|sig|auth|credential)[^=&#\\s'\"]*=)[^&#\\s'\"]+");

    private Urls() {}

    /** {@code text} with the credentials of every URL in it replaced by {@code ***}; null stays null. */
    public static String mask(String text) {
        if (text == null || text.indexOf("://") < 0) {
            return text;
        }
        String masked = USER_INFO.matcher(text).replaceAll("***@");
        return SECRET_PARAMETER.matcher(masked).replaceAll("$1***");
    }
}
