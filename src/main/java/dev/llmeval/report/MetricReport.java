package dev.llmeval.report;

import dev.llmeval.metric.JudgeUsage;

/**
 * One metric over the whole run, as the report shows it.
 *
 * @param mean mean over scored samples only; {@code null} when none was scored
 * @param threshold the gate's minimum for this metric, or {@code null} when it is not gated
 * @param passed whether the threshold was met; {@code null} when there is no threshold
 * @param costUsd what the judge's calls for this metric cost, from the price table
 */
public record MetricReport(
        Double mean,
        int scored,
        int notApplicable,
        int skipped,
        int errors,
        Double threshold,
        Boolean passed,
        JudgeUsage usage,
        double costUsd) {}
