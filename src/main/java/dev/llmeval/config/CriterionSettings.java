package dev.llmeval.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One entry of {@code criteria:} as Jackson binds it; {@link CriteriaChecks} checks it. */
record CriterionSettings(
        @JsonProperty("name") String name,
        @JsonProperty("kind") String kind,
        @JsonProperty("definition") String definition,
        @JsonProperty("rubric") Map<String, String> rubric,
        @JsonProperty("votes") Integer votes,
        @JsonProperty("uses") List<String> uses) {}
