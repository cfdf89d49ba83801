package dev.llmeval.metric.offline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word-level text features: content-word stems, numbers, capitalised names and negation. */
final class Lexicon {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

    static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "then", "than", "so", "of", "in", "on",
            "at", "to", "for", "from", "by", "with", "about", "as", "into", "onto", "over",
            "under", "after", "before", "between", "during", "through", "up", "down", "out",
            "off", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did",
            "done", "doing", "have", "has", "had", "having", "will", "would", "shall", "should",
            "can", "could", "may", "might", "must", "it", "its", "it's", "this", "that", "these",
            "those", "there", "here", "he", "she", "they", "them", "their", "theirs", "his",
            "her", "hers", "him", "we", "us", "our", "you", "your", "i", "me", "my", "who",
            "whom", "whose", "which", "what", "when", "where", "why", "how", "also", "such",
            "some", "any", "each", "other", "another", "more", "most", "many", "much", "very",
            "just", "only", "both", "all", "own", "same", "too", "while", "not", "no", "nor",
            "yes", "one's", "per", "via", "including", "include", "includes", "known", "called",
            "well", "however", "although", "though", "because", "since", "until", "against",
            "within", "without", "upon", "among", "across", "along", "around", "whether",
            "several", "various", "new", "first", "s");

    static final Set<String> NEGATIONS = Set.of(
            "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without",
            "cannot", "n't", "didn't", "doesn't", "don't", "isn't", "wasn't", "weren't",
            "aren't", "won't", "wouldn't", "couldn't", "shouldn't", "hasn't", "haven't",
            "hadn't", "can't", "unable", "fails", "failed");

    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("zero", "0"), Map.entry("one", "1"), Map.entry("two", "2"),
            Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"),
            Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
            Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"),
            Map.entry("twelve", "12"), Map.entry("thirteen", "13"), Map.entry("fourteen", "14"),
            Map.entry("fifteen", "15"), Map.entry("sixteen", "16"), Map.entry("seventeen", "17"),
            Map.entry("eighteen", "18"), Map.entry("nineteen", "19"), Map.entry("twenty", "20"),
            Map.entry("thirty", "30"), Map.entry("forty", "40"), Map.entry("fifty", "50"),
            Map.entry("hundred", "100"), Map.entry("thousand", "1000"),
            Map.entry("million", "1000000"), Map.entry("billion", "1000000000"));

    private Lexicon() {}

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group().replace('’', '\''));
        }
        return out;
    }

    /** Stems of the words that are not stop words and not pure numbers. */
    static Set<String> contentStems(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : words(text)) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (!STOP_WORDS.contains(lower) && !NUMBER_WORDS.containsKey(lower)
                    && !lower.chars().allMatch(Character::isDigit)) {
                out.add(stem(lower));
            }
        }
        return out;
    }

    /** Stems of every word, stop words included (what a text "contains"). */
    static Set<String> allStems(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : words(text)) {
            out.add(stem(w.toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    /** Numbers, normalised ("8,192" → "8192", "seven" → "7"). */
    static Set<String> numbers(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String n = m.group().replaceAll(",(?=\\d{3}(?:\\D|$))", "");
            out.add(n.replaceFirst("\\.0+$", ""));
        }
        for (String w : words(text)) {
            String digits = NUMBER_WORDS.get(w.toLowerCase(Locale.ROOT));
            if (digits != null && !w.equalsIgnoreCase("one")) {
                out.add(digits);
            }
        }
        return out;
    }

    /**
     * Generic technical acronyms and units: ordinary words, not names ("4 GB RAM", "the API",
     * "a JSON body").
     */
    static final Set<String> GENERIC_ACRONYMS = Set.of(
            "api", "url", "uri", "cli", "ui", "gui", "id", "os", "cpu", "gpu", "ram", "gb", "mb",
            "kb", "tb", "pb", "am", "pm", "utc", "faq", "sdk", "http", "json", "ok");

    /** Punctuation between two capitalised words that ends a name ("Okta, Entra ID"). */
    private static final Pattern NAME_BREAK = Pattern.compile("[,;:()\\[\\]{}\"“”`|/=<>→+*]");

    /**
     * Names a statement asserts, in their original spelling: runs of capitalised words ("Amy Jo
     * Johnson", "Plum Organics") not separated by punctuation, and acronyms ("SAML", "POSTs") on
     * their own. A lone capitalised first word is skipped (it is just the sentence start), and so
     * is a leading stop word ("The"). Generic acronyms ({@link #GENERIC_ACRONYMS}) are ordinary
     * words. Compare names with {@link #stemPhrase}: case-insensitive, on word stems.
     */
    static Set<String> names(String sentence) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = WORD.matcher(sentence);
        List<String> run = new ArrayList<>();
        boolean runAtStart = false;
        int index = 0;
        int lastEnd = 0;
        while (m.find()) {
            String w = m.group().replace('’', '\'');
            boolean broken = NAME_BREAK.matcher(sentence.substring(lastEnd, m.start())).find();
            lastEnd = m.end();
            if (broken && !run.isEmpty()) {
                addName(run, runAtStart, out);
                run.clear();
            }
            if (isAcronym(w)) {
                if (!run.isEmpty()) {
                    addName(run, runAtStart, out);
                    run.clear();
                }
                if (!GENERIC_ACRONYMS.contains(stem(w.toLowerCase(Locale.ROOT)))) {
                    out.add(w);
                }
            } else if (Character.isUpperCase(w.charAt(0))
                    && !NUMBER_WORDS.containsKey(w.toLowerCase(Locale.ROOT))) {
                if (run.isEmpty()) {
                    runAtStart = index == 0;
                }
                run.add(w);
            } else if (!run.isEmpty()) {
                addName(run, runAtStart, out);
                run.clear();
            }
            index++;
        }
        if (!run.isEmpty()) {
            addName(run, runAtStart, out);
        }
        return out;
    }

    /** An all-capitals word of two or more letters or digits ("SAML", "OIDC"), plural "s" allowed ("POSTs"). */
    static boolean isAcronym(String w) {
        String core = w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
        return core.length() >= 2 && core.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))
                && Character.isUpperCase(core.charAt(0)) && Character.isUpperCase(core.charAt(1));
    }

    private static void addName(List<String> run, boolean atStart, Set<String> out) {
        List<String> name = new ArrayList<>(run);
        while (!name.isEmpty() && STOP_WORDS.contains(name.get(0).toLowerCase(Locale.ROOT))) {
            name.remove(0);
            atStart = false;
        }
        if (name.isEmpty() || (atStart && name.size() == 1) || String.join("", name).length() < 2) {
            return;
        }
        out.add(String.join(" ", name));
    }

    private static final Pattern IDENTIFIER = Pattern.compile(
            "`[^`]+`|[\\w.~-]*(?:://|[/_])[\\w./:~-]*\\w");

    /**
     * Code-ish tokens: backticked spans, paths, URLs and {@code snake_case} identifiers
     * ({@code /etc/app.toml}, {@code listen_port}); each needs at least one letter.
     */
    static Set<String> identifiers(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            String id = m.group().replace("`", "");
            if (id.chars().anyMatch(Character::isLetter)) {
                out.add(id);
            }
        }
        return out;
    }

    /** The stems of all words, joined by single spaces: names match on this, inflection-tolerant. */
    static String stemPhrase(String text) {
        List<String> out = new ArrayList<>();
        for (String w : words(text)) {
            out.add(stem(w.toLowerCase(Locale.ROOT)));
        }
        return String.join(" ", out);
    }

    /**
     * Whether a sentence is negated. Not negations: a capitalised negation word inside the
     * sentence, which belongs to a title ("the \"Not Ready for Prime Time Players\"", "Never Give
     * Up"), and "No." before a number ("World No. 1").
     */
    static boolean negated(String sentence) {
        Matcher m = WORD.matcher(sentence);
        boolean first = true;
        while (m.find()) {
            String w = m.group().replace('’', '\'');
            String lower = w.toLowerCase(Locale.ROOT);
            boolean title = !first && Character.isUpperCase(w.charAt(0));
            first = false;
            if (!(NEGATIONS.contains(lower) || lower.endsWith("n't")) || title) {
                continue;
            }
            if (lower.equals("no") && NUMBER_ABBREVIATION.matcher(sentence.substring(m.end())).lookingAt()) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static final Pattern NUMBER_ABBREVIATION = Pattern.compile("\\.\\s*\\d");

    /** A light suffix stripper: "released", "releases", "releasing" → "releas". */
    static String stem(String word) {
        String w = word;
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 4 && w.endsWith("es")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
            w = w.substring(0, w.length() - 1);
        } else if (w.length() > 5 && w.endsWith("ly")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }
}
