package dev.llmeval.metric.offline;

import java.util.regex.Pattern;

/**
 * Detects noncommittal sentences: refusals, "I don't know", "no information", "not mentioned",
 * deflections ("Please contact support").
 * The offline counterpart of RAGAS's {@code noncommittal} flag.
 */
final class Evasion {

    private static final Pattern EVASIVE = Pattern.compile(
            "\\b(?:i\\s+(?:do\\s+not|don't|dont)\\s+know"
                    + "|(?:i'm|i\\s+am)\\s+(?:not\\s+sure|sorry|unable|not\\s+aware)"
                    + "|not\\s+sure|unsure|as\\s+an\\s+ai|knowledge\\s+cut-?off"
                    + "|(?:cannot|can't|can\\s+not|unable\\s+to|could\\s+not|couldn't)\\s+"
                    + "(?:provide|find|determine|answer|say|confirm|access|give|tell|be\\s+determined)"
                    + "|(?:do|does|did)\\s*(?:not|n't)\\s+have\\s+(?:any\\s+|the\\s+|specific\\s+"
                    + "|enough\\s+|that\\s+|more\\s+|further\\s+|access\\s+to\\s+|exact\\s+)*"
                    + "(?:information|details|data|knowledge|duration|date|answer)"
                    + "|no\\s+(?:specific\\s+|available\\s+|further\\s+|additional\\s+)?"
                    + "(?:information|details|data)\\s+(?:is|was|are|about|on|available|regarding)"
                    + "|(?:is|are|was|were)\\s+not\\s+(?:mentioned|specified|provided|known|available"
                    + "|clear|disclosed)"
                    + "|(?:is|are|remains?)\\s+(?:currently\\s+)?unknown"
                    + "|please\\s+(?:contact|reach\\s+out\\s+to|ask|consult)\\b)",
            Pattern.CASE_INSENSITIVE);

    private Evasion() {}

    static boolean evasive(String sentence) {
        return EVASIVE.matcher(sentence.replace('’', '\'')).find();
    }
}
