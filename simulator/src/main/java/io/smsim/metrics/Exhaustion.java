package io.smsim.metrics;

import java.time.Instant;

/**
 * When a region's process table first refused a child: the first spawn failure on either of its
 * servers, the moment "time to exhaustion" measures (for leaks at rate ℓλ from the run's start
 * it is Gamma(P, ℓλ) distributed, mean P/(ℓλ), as the P-th event of a Poisson process of rate ℓλ).
 *
 * @param minutes from the run's start
 * @param timeOfDay minutes after local midnight
 */
public record Exhaustion(Instant at, double minutes, double timeOfDay) implements java.io.Serializable {
}
