package dev.llmeval.judge;

/** How the judge uses its disk cache. */
public enum CacheMode {
    /** Read hits, write every new reply (the default). */
    READ_WRITE,
    /** Neither read nor write ({@code --no-cache}). */
    OFF,
    /** Read only; a miss fails without calling the model ({@code --cache-only}). */
    ONLY
}
