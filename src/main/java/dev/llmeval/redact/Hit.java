package dev.llmeval.redact;

/**
 * One piece of personal data found in a text: its kind ({@code EMAIL}, {@code PHONE}, ... or a
 * user pattern's name) and where it is ({@code start} inclusive, {@code end} exclusive).
 */
public record Hit(String kind, int start, int end) {

    public Hit {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    int length() {
        return end - start;
    }

    boolean overlaps(Hit other) {
        return start < other.end && other.start < end;
    }
}
