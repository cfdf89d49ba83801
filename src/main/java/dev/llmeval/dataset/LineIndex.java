package dev.llmeval.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Maps a character offset of a text to its 1-based line. */
final class LineIndex {

    private final List<Integer> lineStarts = new ArrayList<>();

    LineIndex(String text) {
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
    }

    int lineAt(int offset) {
        int found = Collections.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
