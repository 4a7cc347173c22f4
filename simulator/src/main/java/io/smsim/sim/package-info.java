/**
 * The virtual clock: one replication of a scenario on the {@code engine}'s event queue
 * ({@link io.smsim.sim.Replay}), regions in parallel and byte-identical whatever the thread count.
 * Requests and journeys live in primitive pools; region-level behaviour is {@code model}'s
 * {@link io.smsim.model.RegionOperations}, driven here by simulator events.
 *
 * <p>Layer 4 (beside {@code live}, which it does not import). May import: {@code scenario},
 * {@code workload}, {@code metrics}, {@code duis}, {@code model}, {@code engine}.
 */
package io.smsim.sim;
