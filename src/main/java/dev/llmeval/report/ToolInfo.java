package dev.llmeval.report;

/** Which tool wrote the report. */
public record ToolInfo(String name, String version) {}
