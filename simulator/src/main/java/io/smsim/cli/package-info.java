/**
 * The {@code smsim} command line on picocli: one class per command, shared options as mixins, the
 * one duration converter, exit statuses (0 ok, 1 an expectation or SLO failed, 2 bad input) and
 * error lines that start with {@code smsim: }. Commands parse, check the output directory before
 * work starts, call the packages below and write through {@link io.smsim.cli.CommandOutput}.
 *
 * <p>Layer 8 (the top; nothing imports it). May import: {@code load}, {@code report},
 * {@code spark}, {@code analysis}, {@code sim}, {@code live}, {@code scenario}, {@code workload}, {@code metrics},
 * {@code duis.xmldsig}, {@code duis}, {@code model}, {@code engine}, {@code output}.
 */
package io.smsim.cli;
