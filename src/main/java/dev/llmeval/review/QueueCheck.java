package dev.llmeval.review;

import dev.llmeval.LlmevalException;
import dev.llmeval.dataset.GoldenSample;
import dev.llmeval.redact.Hit;
import dev.llmeval.redact.Redactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code llmeval review check}: every item file must be a valid item, and a fresh scan of its texts
 * must find no personal data (say a reviewer pasted a phone number into a corrected reference).
 * Problems name the file, the field and the kind, never the value.
 */
public final class QueueCheck {

    /** What the check found. */
    public record Result(int items, List<String> invalid, List<String> pii) {}

    private QueueCheck() {}

    public static Result run(ReviewQueue queue, Redactor redactor) {
        List<String> invalid = new ArrayList<>();
        List<String> pii = new ArrayList<>();
        List<Path> files = queue.files();
        for (Path file : files) {
            ReviewItem item;
            try {
                item = queue.read(file);
            } catch (LlmevalException e) {
                invalid.add(e.getMessage());
                continue;
            }
            texts(item).forEach((field, text) -> {
                for (Hit hit : redactor.scan(text)) {
                    pii.add(file + ": field '" + field + "': " + hit.kind() + " at characters " + hit.start() + ".."
                            + hit.end());
                }
            });
        }
        return new Result(files.size(), invalid, pii);
    }

    /** Every free text of an item, by field path. */
    public static Map<String, String> texts(ReviewItem item) {
        Map<String, String> out = new LinkedHashMap<>();
        GoldenSample s = item.sample();
        put(out, "sample.user_input", s.userInput());
        list(out, "sample.retrieved_contexts", s.retrievedContexts());
        put(out, "sample.response", s.response());
        put(out, "sample.reference", s.reference());
        list(out, "sample.reference_contexts", s.referenceContexts());
        metadata(out, "sample.metadata", s.metadata());
        put(out, "review.notes", item.review().notes());
        put(out, "review.reference", item.review().reference());
        put(out, "review.reviewer", item.review().reviewer());
        return out;
    }

    private static void put(Map<String, String> out, String field, String text) {
        if (text != null) {
            out.put(field, text);
        }
    }

    private static void list(Map<String, String> out, String field, List<String> texts) {
        if (texts != null) {
            for (int i = 0; i < texts.size(); i++) {
                put(out, field + "[" + i + "]", texts.get(i));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void metadata(Map<String, String> out, String field, Object value) {
        if (value instanceof String text) {
            put(out, field, text);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> metadata(out, field + "." + k, v));
        } else if (value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                metadata(out, field + "[" + i + "]", items.get(i));
            }
        }
    }
}
