package io.smsim.spark;

import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Prints the JVM options spark-submit gives Spark's driver and executors on Java 17+ (module
 * opens, Netty settings), from the Spark on the classpath: the {@code ./smsim} launcher starts
 * Spark local mode with them, as spark-submit would.
 */
public final class JavaOptions {

  private JavaOptions() {
  }

  public static void main(String[] args) {
    System.out.println(JavaModuleOptions.defaultModuleOptions());
  }
}
