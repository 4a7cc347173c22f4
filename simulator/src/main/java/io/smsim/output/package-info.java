/**
 * Where smsim's files go, and how they get there: an output directory is checked before any work
 * starts ({@link io.smsim.output.OutputFiles#prepareDirectory}), a scenario name becomes one safe
 * path segment ({@link io.smsim.output.OutputFiles#segment}), and every file is written to a
 * temporary name in its own directory and atomically moved into place
 * ({@link io.smsim.output.AtomicFile}), so a failure (a full disk, a vanished directory) leaves no
 * half-written file and names the file that failed ({@link io.smsim.output.OutputException}).
 *
 * <p>Layer 0 (the bottom, beside {@code engine}): every package that writes files (report,
 * analysis, load, cli) may use it. May import: nothing of smsim's.
 */
package io.smsim.output;
