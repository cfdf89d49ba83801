package dev.llmeval.traces;

/**
 * Why a trace was kept, recorded with each queue item.
 *
 * @param reason {@code rate} (its hash fell under the rate) or {@code always:<rule>} (e.g.
 *     {@code always:error}, {@code always:negative_feedback:thumbs}, {@code always:refusal})
 * @param probability the probability that a trace like it is kept by this import: the rate, times
 *     the share a quota let through; 1 for an always-included trace under the cap
 * @param hash the trace's hash in [0, 1): kept by the rate when below it
 * @param rate the rate that applied (its stratum's rate when one is set)
 * @param stratum {@code field=value} when stratified, else null
 * @param note how a cap or quota applied, or null
 */
public record Sampling(String reason, double probability, double hash, double rate, String stratum, String note) {}
