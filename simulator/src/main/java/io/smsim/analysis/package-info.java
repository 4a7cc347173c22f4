/**
 * Many runs and what they say: independent replications with Student-t intervals, compare (variants
 * under common random numbers), sweep, the scenario's expectations ({@code smsim check}) and the
 * machine-readable files these write (JSON and CSV).
 *
 * <p>Layer 5. May import: {@code sim}, {@code scenario}, {@code workload}, {@code metrics},
 * {@code duis}, {@code model}, {@code engine}, {@code output}.
 */
package io.smsim.analysis;
