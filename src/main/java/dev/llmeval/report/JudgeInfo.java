package dev.llmeval.report;

import dev.llmeval.Urls;
import java.util.Objects;

/**
 * Who scored the run.
 *
 * @param kind {@code offline} or {@code openai}
 * @param model the judge model's name
 * @param method a short description of how the judge decides, e.g. {@code offline-v1: ...}
 * @param baseUrl the OpenAI-compatible endpoint, or {@code null} for the default or offline; its
 *     credentials are masked ({@link Urls#mask}), also when read from an older report
 */
public record JudgeInfo(String kind, String model, String method, String baseUrl) {

    public static final String OFFLINE = "offline";

    public JudgeInfo {
        Objects.requireNonNull(kind, "kind == null");
        method = Urls.mask(method);
        baseUrl = Urls.mask(baseUrl);
    }

    /** Whether the offline judge (no LLM) scored the run. */
    public boolean offline() {
        return OFFLINE.equals(kind);
    }
}
