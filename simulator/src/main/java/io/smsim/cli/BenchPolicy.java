package io.smsim.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The failover policies {@code failover-bench --policies} compares (keys as the scenario's, plus the probe). */
enum BenchPolicy {
  HARDWARE_ONLY("hardware-only"),
  HEALTH_CHECK("health-check"),
  HEALTH_CHECK_SYNTHETIC("health-check:synthetic"),
  HEALTH_CHECK_LIVENESS("health-check:liveness"),
  HEALTH_CHECK_HEARTBEAT("health-check:heartbeat");

  private final String key;

  BenchPolicy(String key) {
    this.key = key;
  }

  String key() {
    return key;
  }

  @Override
  public String toString() {
    return key;
  }

  /** Reads a policy by its key. */
  static final class Converter implements ITypeConverter<BenchPolicy> {
    @Override
    public BenchPolicy convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      for (BenchPolicy p : values()) {
        if (p.key.equals(v)) {
          return p;
        }
      }
      throw new TypeConversionException("must be hardware-only, health-check or "
          + "health-check:synthetic|liveness|heartbeat: " + value);
    }
  }
}
