package dev.llmeval.target;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a document into chunks: paragraphs (separated by blank lines) merged up to
 * {@code maxChars}; a chunk starts with the previous chunk's last paragraph when that one is
 * short (a heading, a one-liner), so neighbouring chunks overlap. A paragraph longer than
 * {@code maxChars} is cut at sentence ends.
 */
final class Chunker {

    private static final int OVERLAP_MAX = 160;

    private final int maxChars;

    Chunker(int maxChars) {
        this.maxChars = maxChars;
    }

    List<String> split(String text) {
        List<String> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = 0;
        for (String paragraph : paragraphs(text)) {
            if (length > 0 && length + 2 + paragraph.length() > maxChars) {
                chunks.add(String.join("\n\n", current));
                String last = current.get(current.size() - 1);
                current.clear();
                length = 0;
                if (last.length() <= OVERLAP_MAX && last.length() + 2 + paragraph.length() <= maxChars) {
                    current.add(last);
                    length = last.length();
                }
            }
            current.add(paragraph);
            length += (length > 0 ? 2 : 0) + paragraph.length();
        }
        if (!current.isEmpty()) {
            chunks.add(String.join("\n\n", current));
        }
        return chunks;
    }

    private List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            String trimmed = paragraph.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.length() <= maxChars) {
                out.add(trimmed);
            } else {
                out.addAll(cut(trimmed));
            }
        }
        return out;
    }

    private List<String> cut(String paragraph) {
        List<String> out = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String sentence : Sentences.split(paragraph)) {
            if (piece.length() > 0 && piece.length() + 1 + sentence.length() > maxChars) {
                out.add(piece.toString());
                piece.setLength(0);
            }
            while (sentence.length() > maxChars) {
                out.add(sentence.substring(0, maxChars));
                sentence = sentence.substring(maxChars);
            }
            piece.append(piece.length() > 0 ? " " : "").append(sentence);
        }
        if (piece.length() > 0) {
            out.add(piece.toString());
        }
        return out;
    }
}
