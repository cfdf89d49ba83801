package dev.llmeval.review;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where a queue item stands in review. */
public enum Status {
    PENDING, ACCEPTED, REJECTED, NEEDS_FIX, DUPLICATE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Status::label).toList();
    }

    /** The status of a label, or null when there is none. */
    public static Status of(String label) {
        for (Status s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        return null;
    }
}
