/**
 * Where requests come from: arrival processes (Poisson with an hourly profile, generated exactly),
 * each category's load and SRV mix, installer retries and journeys, and recorded traffic traces
 * replayed as arrivals ({@link io.smsim.workload.TraceReader}).
 *
 * <p>Layer 2 (beside {@code metrics} and {@code duis}, which it does not import). May import:
 * {@code model}, {@code engine}.
 */
package io.smsim.workload;
