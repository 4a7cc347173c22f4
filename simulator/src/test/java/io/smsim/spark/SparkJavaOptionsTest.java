package io.smsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The root pom's copy of the JVM options spark-submit gives Spark on Java 17+ (the Spark tests'
 * argLine) is Spark's own list for the Spark version built against, and this JVM has them.
 */
@Tag("spark")
class SparkJavaOptionsTest {

  @Test
  void thePomsSparkJavaOptionsAreSparksOwnAndTheSparkTestsRunWithThem() {
    List<String> spark = LocalSpark.javaModuleOptions();
    String fromPom = System.getProperty("smsim.sparkJavaOptions");
    assertThat(fromPom).as("smsim.sparkJavaOptions (set by the spark-test surefire execution)").isNotNull();
    assertThat(Arrays.asList(fromPom.trim().split("\\s+"))).isEqualTo(spark);
    assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).containsAll(spark);
  }
}
