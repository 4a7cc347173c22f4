/**
 * What people read: the console summary, {@code summary.json} and {@code timeline.csv} (output
 * contract v1), the self-contained HTML reports with ECharts, the incident review, and JUnit XML.
 *
 * <p>Layer 6. May import: {@code analysis}, {@code sim}, {@code scenario}, {@code workload},
 * {@code metrics}, {@code duis}, {@code model}, {@code engine}, {@code output}.
 */
package io.smsim.report;
