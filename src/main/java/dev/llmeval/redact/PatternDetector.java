package dev.llmeval.redact;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/** A user pattern from llmeval.yaml, matched with RE2/J in time linear in the text (no catastrophic backtracking). */
final class PatternDetector implements Detector {

    private final String kind;
    private final Pattern pattern;

    PatternDetector(String kind, Pattern pattern) {
        this.kind = kind;
        this.pattern = pattern;
    }

    @Override
    public List<Hit> find(String text) {
        List<Hit> hits = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (m.end() > m.start()) {
                hits.add(new Hit(kind, m.start(), m.end()));
            }
        }
        return hits;
    }
}
