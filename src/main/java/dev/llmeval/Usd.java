package dev.llmeval;

import java.math.BigDecimal;
import java.util.Locale;

/** Amounts in US dollars as every console line, report and message writes them: {@code $0.0090}. */
public final class Usd {

    private Usd() {}

    public static String format(double usd) {
        return String.format(Locale.ROOT, "$%.4f", usd);
    }

    public static String format(BigDecimal usd) {
        return format(usd.doubleValue());
    }
}
