/**
 * Calibration ({@code smsim calibrate}): fits a scenario's free settings to the facts its
 * {@code observed:} block states, by weighted least squares of the facts against replication means
 * under common random numbers (Brent for one setting, BOBYQA or CMA-ES from Commons Math for
 * several), with 95% intervals from the sandwich formula, and writes the calibrated scenario back
 * into the file's own text with each fitted value marked.
 *
 * <p>Layer 7 (beside {@code load}; only {@code cli} imports it).
 * May import: {@code report}, {@code analysis}, {@code sim}, {@code scenario}, {@code metrics},
 * {@code model}.
 */
package io.smsim.calibrate;
