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

  private static final String SRV_PATTERN = "[0-9]+(\\.[0-9]+)*";

  static final Shape SERVICE_TIME = Shape.of("serviceTime", "How long a child process works on a request, per "
      + "category; any other key is an SRV whose service time differs from its category's.")
      .key("install", DistributionBinder.TYPE, "exponential, mean 200ms", "Install & commission steps.")
      .key("onDemand", DistributionBinder.TYPE, "exponential, mean 200ms", "On-demand service requests.")
      .key("firmware", DistributionBinder.TYPE, "exponential, mean 200ms", "Firmware requests.")
      .key("alerts", DistributionBinder.TYPE, "exponential, mean 200ms", "Device alerts.")
      .otherKeys("SRV", SRV_PATTERN, DistributionBinder.TYPE);

  static final Shape GATEWAY = Shape.of("gateway", "The CSP gateway's Gateway Scheduler: one child process per "
      + "request in a process table of processLimit slots (working and leaked children hold slots).")
      .key("processLimit", Shape.Type.integer(1, 50_000_000, "processes"), "30000", "Process-table capacity P.")
      .key("workers", Shape.Type.countOrNone(1, "children"), "none (unbounded)", "Children doing work at once.")
      .key("queueLimit", Shape.Type.countOrNone(1, "requests"), "none (unbounded)",
          "Requests waiting for a worker before new ones are rejected.")
      .key("serviceTime", Shape.Type.mapping(SERVICE_TIME), "exponential, mean 200ms", "Service time per category.")
      .key("deviceLatency", DistributionBinder.TYPE, "lognormal, median 2s, sigma 0.5",
          "SM WAN round trip to the device.")
      .key("noResponseProbability", Shape.Type.PROBABILITY, "0", "Chance a device never answers.")
      .key("responseTimeout", Shape.Type.DURATION, "60s", "How long the gateway waits for a device.");

  static final Shape FAILOVER = Shape.of("failover", "When a region's cluster switches from the active server to "
      + "the standby.")
      .key("policy", Shape.Type.choice("hardware-only", "health-check"), "hardware-only",
          "hardware-only switches on heartbeat loss only (the seed's defect); health-check also on failed probes.")
      .key("probe", Shape.Type.choice("synthetic", "liveness", "heartbeat"), "synthetic (health-check), heartbeat "
          + "(hardware-only)", "What a health check sends: a synthetic request through the scheduler, mere "
          + "liveness, or the heartbeat; hardware-only always probes the heartbeat.")
      .key("interval", Shape.Type.DURATION, "10s", "Time between probes.")
      .key("failureThreshold", Shape.Type.integer(1, 1000, "probes"), "3", "Consecutive failed probes that fail over.")
      .key("switchover", Shape.Type.DURATION, "2m", "Time to switch to the standby.");

  static final Shape REAPER = Shape.of("reaper", "A cron job that kills leaked children (the seed's tactical fix); "
      + "none for no reaper.")
      .key("period", Shape.Type.DURATION_OR_NONE, "none", "How often it runs.")
      .key("offset", Shape.Type.DURATION, "0", "First run this long after the start; less than the period.")
      .key("threshold", Shape.Type.countOrNone(1, "processes"), "none",
          "Also run at once when processes reach this many.");

  static final Shape.Type REAPER_TYPE = Shape.Type.oneOf(Shape.Type.choice("none", "never", "off"),
      Shape.Type.mapping(REAPER));

  static final Shape MONITORING = Shape.of("monitoring", "The region's alert rule: when it fires is the detection "
      + "time.")
      .key("rule", Shape.Type.choice("failure-ratio", "failed-journeys"), "failure-ratio",
          "Failure ratio of attempts over the window, or count of failed birthing events.")
      .key("window", Shape.Type.DURATION, "5m", "Window, a whole number of minutes.")
      .key("threshold", Shape.Type.number(1e-9, 1e9, "ratio (failure-ratio) or journeys (failed-journeys)"),
          "0.2 (failure-ratio), 1 (failed-journeys)", "Fires at or above this.")
      .key("minAttempts", Shape.Type.integer(0, Integer.MAX_VALUE, "attempts"), "20",
          "Windows with fewer attempts are not judged.")
      .key("for", Shape.Type.DURATION, "0", "The rule must hold this long before it fires.")
      .key("reportDelay", Shape.Type.DURATION, "0", "Time from firing to the incident being opened.");

  static final Shape OPERATOR = Shape.of("operator", "What the operations team does once an incident is detected.")
      .key("restartAfterDetection", Shape.Type.DURATION_OR_NONE, "none",
          "Restart the active server this long after detection.")
      .key("restartDowntime", Shape.Type.DURATION, "1m", "How long a restarted server is down.")
      .key("repairTime", Shape.Type.DURATION, "30m", "A failed-over server returns clean after this long.");

  static final Shape BROKER = Shape.of("broker", "The DSP's message broker to the CSP (ActiveMQ in the seed).")
      .key("rtt", DistributionBinder.TYPE, "50ms", "Broker round-trip time.");

  static final Shape REGION = Shape.of("region", "One CSP region: its gateway cluster, failover, reaper, "
      + "monitoring, operator and workload. Each region is defaults deep-merged with regions.<name>.")
      .key("gateway", Shape.Type.mapping(GATEWAY), null, "The gateway scheduler.")
      .key("failover", Shape.Type.mapping(FAILOVER), "hardware-only", "Failover policy.")
      .key("reaper", REAPER_TYPE, "none", "Reaper cron job.")
      .key("monitoring", Shape.Type.mapping(MONITORING), "failure-ratio 0.2 over 5m", "Alert rule.")
      .key("operator", Shape.Type.mapping(OPERATOR), "no automatic restart", "Operator actions.")
      .key("broker", Shape.Type.mapping(BROKER), "rtt 50ms", "Message broker.")
      .key("workload", Shape.Type.mapping(WorkloadBinder.WORKLOAD), "none", "Traffic per category.");

  private RegionBinder() {
  }

  static RegionSpec bind(Region region, YamlNode node, Map<String, RateProfile> profiles, double scale,
      TraceBinder.Context ctx, Problems problems) {
    Fields f = Fields.of(node, problems, REGION);
    GatewaySpec gateway = f.node("gateway").map(n -> gateway(n, problems)).orElseGet(() -> gateway(null, problems));
    FailoverPolicy failover = f.node("failover").map(n -> failover(n, problems)).orElse(defaultFailover());
    ReaperSpec reaper = f.node("reaper").map(n -> reaper(n, problems)).orElse(ReaperSpec.NONE);
    MonitoringSpec monitoring = f.node("monitoring").map(n -> monitoring(n, problems)).orElse(defaultMonitoring());
    OperatorSpec operator = f.node("operator").map(n -> operator(n, problems)).orElse(defaultOperator());
    Distribution rtt = Distribution.constant(50e6);
    if (f.node("broker").isPresent()) {
      Fields b = Fields.of(f.node("broker").get(), problems, BROKER);
      rtt = b.node("rtt").map(n -> DistributionBinder.bind(n, problems, Distribution.constant(50e6)))
          .orElse(rtt);
      b.finish();
    }
    var workload = WorkloadBinder.workload(f.node("workload"), profiles, scale, ctx, problems);
    f.finish();
    return new RegionSpec(region, gateway, failover, reaper, monitoring, operator, rtt, workload);
  }

  private static GatewaySpec gateway(YamlNode node, Problems problems) {
    Fields f = node == null ? null : Fields.of(node, problems, GATEWAY);
    int processLimit = f == null ? 30_000 : f.integer("processLimit", 30_000, 1, 50_000_000);
    int workers = f == null ? 0 : f.integerOrNone("workers", 0, 1);
    int queueLimit = f == null ? 0 : f.integerOrNone("queueLimit", 0, 1);
    Map<Category, Distribution> service = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      service.put(c, Distribution.exponential(200e6));
    }
    Map<String, Distribution> bySrv = new java.util.LinkedHashMap<>();
    if (f != null && f.node("serviceTime").isPresent()) {
      Fields s = Fields.of(f.node("serviceTime").get(), problems, SERVICE_TIME);
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
    Fields f = Fields.of(node, problems, FAILOVER);
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
        FailoverPolicy.ProbeKind probe = f.choice("probe", FailoverPolicy.ProbeKind.HEARTBEAT, Map.of(
            "synthetic", FailoverPolicy.ProbeKind.SYNTHETIC, "liveness", FailoverPolicy.ProbeKind.LIVENESS,
            "heartbeat", FailoverPolicy.ProbeKind.HEARTBEAT));
        if (probe != FailoverPolicy.ProbeKind.HEARTBEAT) {
          YamlNode p = f.node("probe").get();
          problems.add(p, "hardware-only always probes the heartbeat, so probe may only be heartbeat; to drop a "
              + "probe inherited from defaults or the file (in a variant's set: or --set), write probe: null: "
              + ((YamlNode.Scalar) p).text());
        }
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
    Fields f = Fields.of(node, problems, REAPER);
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
    Fields f = Fields.of(node, problems, MONITORING);
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
    Fields f = Fields.of(node, problems, OPERATOR);
    long restartAfter = f.durationOrNone("restartAfterDetection", -1, -1);
    long downtime = f.duration("restartDowntime", MINUTE);
    long repair = f.duration("repairTime", 30 * MINUTE);
    f.finish();
    return new OperatorSpec(restartAfter, downtime, repair);
  }
}
