/**
 * The domain model shared by both clocks: regions, the gateway servers and their Gateway Scheduler
 * ({@link io.smsim.model.GatewayScheduler}: process table, leak, spawn failures), the SRV catalogue,
 * devices, faults and the one rule for overlapping faults ({@link io.smsim.model.FaultState}),
 * failover policies, the reaper, the operator and the alert rule. Region-level behaviour is written
 * once ({@link io.smsim.model.RegionOperations}) and driven by either clock through a
 * {@link io.smsim.model.RegionDriver}: the simulator's event queue ({@code sim}) or a Netty event
 * loop in real time ({@code live}). Event kinds are the closed set {@link io.smsim.model.EventKind}.
 *
 * <p>Layer 1. May import: {@code engine}.
 */
package io.smsim.model;
