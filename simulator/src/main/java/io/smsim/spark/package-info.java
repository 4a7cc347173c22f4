/**
 * What-if studies on Apache Spark: each run of a study (a variant's or a sweep point's
 * replication) is one Spark task. The driver ships each point as its scenario file's text plus the
 * recipe that binds it ({@link io.smsim.scenario.ScenarioOrigin}), executors bind and run it, and
 * the driver gathers the compact results by task index, so the study's files are the bytes the
 * local runner writes. Spark is provided by the cluster (or by {@code ./smsim} from the local
 * Maven repository in local mode), never bundled into {@code smsim.jar}; nothing outside this
 * package refers to Spark's classes.
 *
 * <p>Layer 6 (beside {@code report}, which it does not import; only {@code cli} imports it).
 * May import: {@code analysis}, {@code sim}, {@code scenario}, {@code workload}, {@code metrics},
 * {@code duis}, {@code model}, {@code engine}, {@code output}.
 */
package io.smsim.spark;
