package dev.llmeval.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a report.html in headless Chromium (the browser tests' DevTools driver) and times what a
 * reader does: the page opening (navigation to its load event, which comes after the page's
 * script has shown the table), then, inside the page, a sort, a filter, the next page and a
 * search, each timed with {@code performance.now()} around the synchronous handler.
 * For {@code bin/benchmark --scenario html}; uses no test-scope library.
 */
public final class HtmlOpenProbe {

    private HtmlOpenProbe() {}

    /** The Chromium to use, as the browser tests find it ($LLMEVAL_CHROMIUM, then the PATH). */
    public static Optional<Path> browser() {
        return Chromium.find(System.getenv());
    }

    /**
     * Opens {@code page} {@code times} times in one browser.
     *
     * @return measure → one value per opening (milliseconds; "shown" is the page's count line)
     */
    public static Map<String, List<String>> measure(Path binary, Path page, Path workDir, int times) throws Exception {
        Map<String, List<String>> results = new LinkedHashMap<>();
        try (Chromium chromium = Chromium.start(binary, Files.createDirectories(workDir))) {
            for (int i = 0; i < times; i++) {
                chromium.navigate("about:blank");
                long t0 = System.nanoTime();
                int mark = chromium.navigate(page.toUri().toString());
                double open = (System.nanoTime() - t0) / 1e6;
                add(results, "open (navigation to load event, ms)", open);
                add(results, "load event after navigation start (browser clock, ms)", chromium.evaluate(
                        "performance.timing.loadEventStart - performance.timing.navigationStart").asDouble());
                add(results, "sort by the first metric (ms)", timed(chromium,
                        "document.querySelector('#sample-table thead th:nth-child(3)').click()"));
                add(results, "filter: outcome scored (ms)", timed(chromium,
                        "var o = document.getElementById('outcome'); o.value = 'scored';"
                                + " o.dispatchEvent(new Event('change'))"));
                add(results, "next page (ms)", timed(chromium, "document.getElementById('next').click()"));
                add(results, "search an id (ms)", timed(chromium,
                        "var f = document.getElementById('find'); f.value = 's-4242';"
                                + " f.dispatchEvent(new Event('input'))"));
                results.computeIfAbsent("shown after the search", k -> new ArrayList<>())
                        .add(chromium.evaluate("document.getElementById('shown').textContent").asText());
                results.computeIfAbsent("page problems (errors, CSP violations)", k -> new ArrayList<>())
                        .add(Integer.toString(chromium.problems(mark).size()));
            }
        }
        return results;
    }

    private static double timed(Chromium chromium, String action) {
        return chromium.evaluate("(function () { var t = performance.now(); " + action
                + "; return performance.now() - t; })()").asDouble();
    }

    private static void add(Map<String, List<String>> results, String measure, double ms) {
        results.computeIfAbsent(measure, k -> new ArrayList<>()).add(String.format(java.util.Locale.ROOT, "%.0f", ms));
    }
}
