/**
 * The discrete-event kernel: virtual time as a {@code long} of nanoseconds, a primitive event queue
 * that breaks ties by insertion order ({@link io.smsim.engine.Simulation}), seeded random streams
 * derived from (scenario seed, replication, stream name) ({@link io.smsim.engine.RandomStreams},
 * xoshiro256++) and the distributions drawn from them. It knows nothing of meters, regions or
 * requests, and never reads the wall clock.
 *
 * <p>Layer 0 (the bottom, beside {@code output}). May import: nothing of smsim's.
 */
package io.smsim.engine;
