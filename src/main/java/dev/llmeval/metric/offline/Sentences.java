package dev.llmeval.metric.offline;

import dev.llmeval.metric.SentenceSplitter;
import java.util.List;

/** The offline judge's statements: the sentences of a text, split by {@link SentenceSplitter}. */
final class Sentences {

    private Sentences() {}

    static List<String> split(String text) {
        return SentenceSplitter.split(text);
    }
}
