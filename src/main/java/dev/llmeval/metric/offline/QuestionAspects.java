package dev.llmeval.metric.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a question into the parts an answer must address: at '?' and ';', and at "and" or a
 * comma that starts a new clause (followed by a wh-word or an auxiliary: "..., and who will
 * serve", "and what is its elevation"). "When and where did X happen" stays one part that
 * expects both a date and a place. A "when" asks for a date only at the start of a part, not as
 * a conjunction ("What happens when...", "Can it call a webhook when..."); yes/no, "what
 * happens" and "how do I" parts expect ANY kind of information.
 */
final class QuestionAspects {

    /** The kind of fact a wh-word asks for; ANY when it asks for a description. */
    enum Expect { DATE, NUMBER, NAME, ANY }

    record Aspect(String text, Set<Expect> expects) {}

    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "(?i)[?;]\\s*|,?\\s+and\\s+(?=(?:what|when|where|who|whom|whose|which|why|how|is|are"
                    + "|was|were|did|does|do|has|have|will|can)\\b)|,\\s+(?=(?:what|when|where|who"
                    + "|whom|whose|which|why|how)\\b)");

    private QuestionAspects() {}

    static List<Aspect> of(String question) {
        List<Aspect> out = new ArrayList<>();
        for (String part : CLAUSE_BREAK.split(question.strip())) {
            String p = part.strip();
            if (Lexicon.contentStems(p).isEmpty() && out.size() > 0) {
                continue;
            }
            if (!p.isEmpty()) {
                out.add(new Aspect(p, expects(p)));
            }
        }
        if (out.isEmpty()) {
            out.add(new Aspect(question.strip(), Set.of(Expect.ANY)));
        }
        return out;
    }

    static Set<Expect> expects(String part) {
        String p = " " + part.toLowerCase(Locale.ROOT) + " ";
        Set<Expect> out = new java.util.LinkedHashSet<>();
        if (p.matches("(?s).*\\bhow (many|much|long|old|far|tall|high|big|large)\\b.*")
                || p.contains("what percentage") || p.contains("what number")) {
            out.add(Expect.NUMBER);
        }
        // "when" asks for a date only as the interrogative ("When did...", "and when was..."),
        // not as a conjunction ("What happens when...", "Can it call a webhook when...")
        if (p.matches("(?s)\\W*(?:(?:and|but|so|in|on|at|since|until|from|by)\\s+)?when\\b.*")
                || p.matches("(?s).*\\b(what year|what date|which year)\\b.*")) {
            out.add(Expect.DATE);
        }
        if (p.matches("(?s).*\\b(who|whom|whose|where)\\b.*")) {
            out.add(Expect.NAME);
        }
        if (out.isEmpty()) {
            out.add(Expect.ANY);
        }
        return out;
    }
}
