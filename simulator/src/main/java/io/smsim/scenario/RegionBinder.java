package io.smsim.scenario;

import io.smsim.engine.Distribution;
import io.smsim.model.Category;
import io.smsim.model.FailoverPolicy;
import io.smsim.model.GatewaySpec;
import io.smsim.model.MonitoringSpec;
import io.smsim.model.OperatorSpec;
import io.smsim.model.ReaperSpec;
import io.smsim.model.Region;
import io.smsim.workload.RateProfile;
import java.util.EnumMap;
import java.util.Map;

/** Binds one region (after {@code defaults} were merged under it). Defaults are in the README. */
final class RegionBinder {

  static final long SECOND = 1_000_000_000L;
  static final long MINUTE = 60 * SECOND;

  private RegionBinder() {
  }

  static RegionSpec bind(Region region, YamlNode node, Map<String, RateProfile> profiles, double scale,
      TraceBinder.Context ctx, Problems problems) {
    Fields f = Fields.of(node, problems);
    GatewaySpec gateway = f.node("gateway").map(n -> gateway(n, problems)).orElseGet(() -> gateway(null, problems));
    FailoverPolicy failover = f.node("failover").map(n -> failover(n, problems)).orElse(defaultFailover());
    ReaperSpec reaper = f.node("reaper").map(n -> reaper(n, problems)).orElse(ReaperSpec.NONE);
    MonitoringSpec monitoring = f.node("monitoring").map(n -> monitoring(n, problems)).orElse(defaultMonitoring());
    OperatorSpec operator = f.node("operator").map(n -> operator(n, problems)).orElse(defaultOperator());
    Distribution rtt = Distribution.constant(50e6);
    if (f.node("broker").isPresent()) {
      Fields b = Fields.of(f.node("broker").get(), problems);
      rtt = b.node("rtt").map(n -> DistributionBinder.bind(n, problems, Distribution.constant(50e6)))
          .orElse(rtt);
      b.finish();
    }
    var workload = WorkloadBinder.workload(f.node("workload"), profiles, scale, ctx, problems);
    f.finish();
    return new RegionSpec(region, gateway, failover, reaper, monitoring, operator, rtt, workload);
  }

  private static GatewaySpec gateway(YamlNode node, Problems problems) {
    Fields f = node == null ? null : Fields.of(node, problems);
    int processLimit = f == null ? 30_000 : f.integer("processLimit", 30_000, 1, 50_000_000);
    int workers = f == null ? 0 : f.integerOrNone("workers", 0, 1);
    int queueLimit = f == null ? 0 : f.integerOrNone("queueLimit", 0, 1);
    Map<Category, Distribution> service = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      service.put(c, Distribution.exponential(200e6));
    }
    Map<String, Distribution> bySrv = new java.util.LinkedHashMap<>();
    if (f != null && f.node("serviceTime").isPresent()) {
      Fields s = Fields.of(f.node("serviceTime").get(), problems);
      for (Category c : Category.values()) {
        s.node(c.key()).ifPresent(n -> service.put(c, DistributionBinder.bind(n, problems, service.get(c))));
      }
      // Any other key must be an SRV whose service time differs from its category's.
      for (String key : s.mapping().entries().keySet()) {
        if (io.smsim.model.SrvCatalogue.standard().find(key).isPresent()) {
          s.node(key).ifPresent(n -> bySrv.put(key, DistributionBinder.bind(n, problems, Distribution.constant(0))));
        }
      }
      s.finish();
    }
    Distribution latency = Distribution.logNormalByMedian(2e9, 0.5);
    double noResponse = 0;
    long timeout = 60 * SECOND;
    if (f != null) {
      Distribution fallback = latency;
      latency = f.node("deviceLatency").map(n -> DistributionBinder.bind(n, problems, fallback)).orElse(latency);
      noResponse = f.probability("noResponseProbability", 0);
      timeout = f.positiveDuration("responseTimeout", timeout);
      f.finish();
    }
    return new GatewaySpec(processLimit, workers, queueLimit, service, bySrv, latency, noResponse, timeout);
  }

  static FailoverPolicy defaultFailover() {
    return new FailoverPolicy.HardwareOnly(10 * SECOND, 3, 2 * MINUTE);
  }

  private static FailoverPolicy failover(YamlNode node, Problems problems) {
    Fields f = Fields.of(node, problems);
    String policy = f.choice("policy", "hardware-only",
        Map.of("hardware-only", "hardware-only", "health-check", "health-check"));
    long interval = f.positiveDuration("interval", 10 * SECOND);
    int threshold = f.integer("failureThreshold", 3, 1, 1000);
    long switchover = f.duration("switchover", 2 * MINUTE);
    FailoverPolicy result;
    if (policy.equals("health-check")) {
      FailoverPolicy.ProbeKind probe = f.choice("probe", FailoverPolicy.ProbeKind.SYNTHETIC, Map.of(
          "synthetic", FailoverPolicy.ProbeKind.SYNTHETIC, "liveness", FailoverPolicy.ProbeKind.LIVENESS,
          "heartbeat", FailoverPolicy.ProbeKind.HEARTBEAT));
      result = new FailoverPolicy.HealthCheck(probe, interval, threshold, switchover);
    } else {
      if (f.has("probe")) {
        problems.add(f.node("probe").get(), "hardware-only always probes the heartbeat; probe applies to health-check");
      }
      result = new FailoverPolicy.HardwareOnly(interval, threshold, switchover);
    }
    f.finish();
    return result;
  }

  private static ReaperSpec reaper(YamlNode node, Problems problems) {
    if (node instanceof YamlNode.Scalar s && Fields.isNone(s.text())) {
      return ReaperSpec.NONE;
    }
    Fields f = Fields.of(node, problems);
    ReaperSpec spec = reaperFields(f, problems);
    f.finish();
    return spec;
  }

  /** Reads period, offset and threshold of a reaper from {@code f} (shared with the set-reaper operation). */
  static ReaperSpec reaperFields(Fields f, Problems problems) {
    long period = f.durationOrNone("period", 0, 0);
    long offset = f.duration("offset", 0);
    int threshold = f.integerOrNone("threshold", 0, 1);
    if (period > 0 && offset >= period) {
      problems.add(f.node("offset").orElse(f.mapping()), "must be less than the period: " + offset / 1e9 + "s");
      offset = 0;
    }
    return new ReaperSpec(period, offset, threshold);
  }

  static MonitoringSpec defaultMonitoring() {
    return new MonitoringSpec(MonitoringSpec.Kind.FAILURE_RATIO, 5 * MINUTE, 0.2, 20, 0, 0);
  }

  private static MonitoringSpec monitoring(YamlNode node, Problems problems) {
    Fields f = Fields.of(node, problems);
    MonitoringSpec.Kind kind = f.choice("rule", MonitoringSpec.Kind.FAILURE_RATIO, Map.of(
        "failure-ratio", MonitoringSpec.Kind.FAILURE_RATIO, "failed-journeys", MonitoringSpec.Kind.FAILED_JOURNEYS));
    long window = f.scalar("window", 5 * MINUTE, t -> {
      long v = Values.durationNanos(t);
      if (v < MINUTE || v % MINUTE != 0) {
        throw new IllegalArgumentException("must be a whole number of minutes: " + t);
      }
      return v;
    });
    double threshold = kind == MonitoringSpec.Kind.FAILURE_RATIO
        ? f.number("threshold", 0.2, 1e-9, 1) : f.number("threshold", 1, 1, 1e9);
    int minAttempts = f.integer("minAttempts", 20, 0, Integer.MAX_VALUE);
    long forNanos = f.duration("for", 0);
    long reportDelay = f.duration("reportDelay", 0);
    f.finish();
    return new MonitoringSpec(kind, window, threshold, minAttempts, forNanos, reportDelay);
  }

  static OperatorSpec defaultOperator() {
    return new OperatorSpec(-1, MINUTE, 30 * MINUTE);
  }

  private static OperatorSpec operator(YamlNode node, Problems problems) {
    Fields f = Fields.of(node, problems);
    long restartAfter = f.durationOrNone("restartAfterDetection", -1, -1);
    long downtime = f.duration("restartDowntime", MINUTE);
    long repair = f.duration("repairTime", 30 * MINUTE);
    f.finish();
    return new OperatorSpec(restartAfter, downtime, repair);
  }
}
