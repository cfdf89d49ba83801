package dev.llmeval.app;

import dev.llmeval.Utf16;
import dev.llmeval.target.TargetAnswer;
import dev.llmeval.target.TargetResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What a target answered, with unpaired UTF-16 surrogates replaced by U+FFFD (a reply's JSON may
 * hold {@code "\ud83d"}, an emoji cut in half), as the golden set's text is when it is read.
 *
 * @param result the result with every text repaired
 * @param note the one-line note of what was repaired, or null when nothing was
 */
record TargetRepair(TargetResult result, String note) {

    static TargetRepair of(TargetResult result) {
        List<String> paths = new ArrayList<>();
        if (result.failed()) {
            String error = Utf16.repair(result.error());
            return new TargetRepair(TargetResult.failure(result.id(), error, result.latencyMillis()), null);
        }
        TargetAnswer a = result.answer();
        String response = text(a.response(), "response", paths);
        List<String> contexts = texts(a.contexts(), "retrieved_contexts", paths);
        List<String> ids = texts(a.contextIds(), "retrieved_context_ids", paths);
        if (paths.isEmpty()) {
            return new TargetRepair(result, null);
        }
        return new TargetRepair(TargetResult.success(result.id(), new TargetAnswer(response, contexts, ids),
                result.latencyMillis()),
                "unpaired UTF-16 surrogates replaced with U+FFFD in the target's " + String.join(", ", paths));
    }

    private static String text(String text, String path, List<String> paths) {
        if (Utf16.hasUnpaired(text)) {
            paths.add(path);
            return Utf16.repair(text);
        }
        return text;
    }

    private static List<String> texts(List<String> texts, String path, List<String> paths) {
        List<String> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(text(texts.get(i), path + "[" + i + "]", paths));
        }
        return out;
    }
}
