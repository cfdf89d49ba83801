package dev.llmeval.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code cache:} section of {@code llmeval.yaml}; every field is null when unset.
 *
 * @param dir the cache directory as written (relative paths are the caller's to resolve)
 * @param enabled whether judge replies are cached
 */
public record CacheConfig(@JsonProperty("dir") String dir, @JsonProperty("enabled") Boolean enabled) {

    public static final CacheConfig EMPTY = new CacheConfig(null, null);
}
