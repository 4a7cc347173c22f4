/**
 * The scenario file: a bounded YAML reader that keeps every value's file:line:column
 * ({@link io.smsim.scenario.YamlReader}), binders that validate each section and report every problem
 * at once ({@link io.smsim.scenario.Problems}), {@code --set} overrides, variants, expectations, the one
 * duration grammar ({@link io.smsim.scenario.DurationGrammar}) and the JSON Schema of the format. The
 * result is an immutable, validated {@link io.smsim.scenario.Scenario} that both clocks read.
 *
 * <p>Layer 3. May import: {@code workload}, {@code metrics}, {@code duis}, {@code model},
 * {@code engine}.
 */
package io.smsim.scenario;
