/**
 * The real-time clock: {@code smsim serve}, a DSP and CSP emulation on Netty that speaks DUIS over
 * HTTP ({@link io.smsim.live.LiveEmulator}). The DSP port validates and acknowledges requests, routes
 * them by region to gateway servers that run {@code model}'s Gateway Scheduler and region operations
 * on a region's event loop at a chosen time scale, POSTs final responses, and serves an admin API
 * (loopback only) with status, fault injection, restarts and Prometheus metrics.
 *
 * <p>Layer 4 (beside {@code sim}, which it does not import: the two clocks share only
 * {@code model}). May import: {@code scenario}, {@code workload}, {@code metrics},
 * {@code duis.xmldsig}, {@code duis}, {@code model}, {@code engine}.
 */
package io.smsim.live;
