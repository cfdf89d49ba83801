package dev.llmeval.target;

import java.util.ArrayList;
import java.util.List;

/** Splits text into sentences: at line breaks and after {@code .!?} followed by a space. */
final class Sentences {

    private Sentences() {}

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            for (String sentence : line.split("(?<=[.!?])\\s+(?=[A-Z0-9`\"(\\[])")) {
                String trimmed = sentence.strip();
                if (!trimmed.isEmpty()) {
                    out.add(trimmed);
                }
            }
        }
        return out;
    }

    /** Sentences worth quoting as an answer: not headings, list markers removed. */
    static List<String> prose(String text) {
        List<String> out = new ArrayList<>();
        for (String sentence : split(text)) {
            if (sentence.startsWith("#")) {
                continue;
            }
            String plain = sentence.replaceFirst("^([-*+]|\\d+\\.)\\s+", "").strip();
            if (plain.length() >= 3) {
                out.add(plain);
            }
        }
        return out;
    }
}
