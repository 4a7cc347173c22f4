/**
 * What a run measured, in virtual time: streaming counters and HdrHistograms per server, category
 * and outcome ({@link io.smsim.metrics.Recorder}), minute series, incidents as the alert rule and the
 * attribution see them ({@link io.smsim.metrics.IncidentTracker}), failovers, timeline events and the
 * immutable results of a run ({@link io.smsim.metrics.RunResult}, {@link io.smsim.metrics.RegionResult}).
 * Memory depends on the run's duration, never on the number of requests.
 *
 * <p>Layer 2 (beside {@code duis} and {@code workload}, which it does not import). May import:
 * {@code model}, {@code engine}.
 */
package io.smsim.metrics;
