package io.smsim.scenario;

import io.smsim.model.Fault;
import io.smsim.model.FaultSpec;
import io.smsim.model.OperationSpec;
import io.smsim.model.ReaperSpec;
import io.smsim.model.Region;
import io.smsim.model.ServerTarget;
import io.smsim.model.Timebase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds {@code faults} and {@code operations}: things that happen at fixed virtual times. */
final class TimelineBinder {

  private static final Map<String, ServerTarget> TARGETS = targets();
  private static final List<String> FAULT_KINDS =
      List.of("leak", "hardware-failure", "gray-failure", "broker-rtt", "wan-outage", "reaper-outage");
  private static final Shape.Type REGION = Shape.Type.choice(
      java.util.Arrays.stream(Region.values()).map(Region::key).toList());
  private static final Shape.Type SERVER = Shape.Type.choice(List.copyOf(TARGETS.keySet()));

  static final Shape FAULT = Shape.of("fault", "A fault on the timeline, from at until until (or for a while, "
      + "or to the end).")
      .required("kind", Shape.Type.choice(FAULT_KINDS), "What goes wrong.").discriminator("kind")
      .required("region", REGION, "The region it hits.")
      .key("server", SERVER, "both (leak), primary (others)", "Which server of the cluster.")
      .required("at", Shape.Type.TIME, "When it starts.")
      .key("until", Shape.Type.TIME, "the end", "When it ends (or give for).")
      .key("for", Shape.Type.DURATION, null, "How long it lasts (or give until).")
      .keyWhen(List.of("leak"), "probability", Shape.Type.PROBABILITY, "0.01",
          "Chance a finished child does not exit (leak).")
      .keyWhen(List.of("gray-failure"), "failureProbability", Shape.Type.PROBABILITY, "0.5",
          "Chance a request fails while alive (gray failure).")
      .keyWhen(List.of("gray-failure"), "slowdown", Shape.Type.number(1, 1e6, "factor"), "1",
          "Service times multiplied by this (gray failure).")
      .keyWhen(List.of("broker-rtt"), "add", Shape.Type.DURATION, "500ms", "Added broker round-trip time.");

  static final Shape OPERATION = Shape.of("operation", "An operator action at a fixed time.")
      .required("action", Shape.Type.choice("restart", "failover", "set-reaper"), "What the operator does.")
      .discriminator("action")
      .required("region", REGION, "The region.")
      .key("server", SERVER, "active", "Which server.")
      .required("at", Shape.Type.TIME, "When.")
      .keyWhen(List.of("set-reaper"), "period", Shape.Type.DURATION_OR_NONE, "none", "The reaper's new period.")
      .keyWhen(List.of("set-reaper"), "offset", Shape.Type.DURATION, "0", "The reaper's new offset.")
      .keyWhen(List.of("set-reaper"), "threshold", Shape.Type.countOrNone(1, "processes"), "none",
          "The reaper's new threshold.");

  private TimelineBinder() {
  }

  private static Map<String, ServerTarget> targets() {
    Map<String, ServerTarget> m = new LinkedHashMap<>();
    for (ServerTarget t : ServerTarget.values()) {
      m.put(t.key(), t);
    }
    return m;
  }

  static List<FaultSpec> faults(Optional<YamlNode> node, Timebase tb, Instant end, Set<Region> regions,
      Problems problems) {
    List<FaultSpec> faults = new ArrayList<>();
    for (YamlNode item : items(node, problems)) {
      Fields f = Fields.of(item, problems, FAULT);
      Map<String, String> kinds = new LinkedHashMap<>();
      FAULT_KINDS.forEach(k -> kinds.put(k, k));
      String kind = f.choice("kind", "", kinds);
      if (!f.has("kind")) {
        problems.add(item.location(), f.child("kind"),
            "is required (leak, hardware-failure, gray-failure, broker-rtt, wan-outage, reaper-outage)");
      }
      Region region = region(f, regions, problems);
      ServerTarget target = f.choice("server", kind.equals("leak") ? ServerTarget.BOTH : ServerTarget.PRIMARY, TARGETS);
      long at = time(f, "at", tb, end, true, 0, problems);
      long until = window(f, at, tb, end, problems);
      Fault fault = switch (kind) {
        case "leak" -> new Fault.Leak(f.probability("probability", 0.01));
        case "hardware-failure" -> new Fault.HardwareFailure();
        case "gray-failure" -> new Fault.GrayFailure(f.probability("failureProbability", 0.5),
            f.number("slowdown", 1, 1, Fault.GrayFailure.MAX_SLOWDOWN));
        case "broker-rtt" -> new Fault.BrokerRtt(f.duration("add", 500_000_000L));
        case "wan-outage" -> new Fault.WanOutage();
        case "reaper-outage" -> new Fault.ReaperOutage();
        default -> null;
      };
      if (fault != null && !fault.serverFault() && f.has("server")) {
        problems.add(f.node("server").get(), kind + " affects the whole region; server does not apply");
      }
      f.finish();
      if (fault != null && region != null && at >= 0 && until > at) {
        faults.add(new FaultSpec(fault, at, until, region, target));
      }
    }
    return faults;
  }

  static List<OperationSpec> operations(Optional<YamlNode> node, Timebase tb, Instant end, Set<Region> regions,
      Problems problems) {
    List<OperationSpec> ops = new ArrayList<>();
    for (YamlNode item : items(node, problems)) {
      Fields f = Fields.of(item, problems, OPERATION);
      OperationSpec.Action action = f.choice("action", null, Map.of("restart", OperationSpec.Action.RESTART,
          "failover", OperationSpec.Action.FAILOVER, "set-reaper", OperationSpec.Action.SET_REAPER));
      if (!f.has("action")) {
        problems.add(item.location(), f.child("action"), "is required (restart, failover, set-reaper)");
      }
      Region region = region(f, regions, problems);
      ServerTarget target = f.choice("server", ServerTarget.ACTIVE, TARGETS);
      long at = time(f, "at", tb, end, true, 0, problems);
      ReaperSpec reaper = null;
      if (action == OperationSpec.Action.SET_REAPER) {
        reaper = RegionBinder.reaperFields(f, problems);
      }
      f.finish();
      if (action != null && region != null && at >= 0) {
        ops.add(new OperationSpec(at, region, target, action, reaper));
      }
    }
    return ops;
  }

  private static List<YamlNode> items(Optional<YamlNode> node, Problems problems) {
    if (node.isEmpty()) {
      return List.of();
    }
    if (!(node.get() instanceof YamlNode.Sequence seq)) {
      problems.add(node.get(), "must be a list, got: " + node.get().describe());
      return List.of();
    }
    return seq.items();
  }

  private static Region region(Fields f, Set<Region> regions, Problems problems) {
    Map<String, Region> options = new LinkedHashMap<>();
    for (Region r : Region.values()) {
      options.put(r.key(), r);
    }
    Region region = f.choice("region", null, options);
    if (!f.has("region")) {
      problems.add(f.mapping().location(), f.child("region"), "is required (north, central, south)");
    } else if (region != null && !regions.contains(region)) {
      problems.add(f.node("region").get(), "region is not defined under regions: " + region.key());
      return null;
    }
    return region;
  }

  /** A time within the run, as virtual nanoseconds; -1 (and a problem) when missing or outside. */
  private static long time(Fields f, String key, Timebase tb, Instant end, boolean required, long fallback,
      Problems problems) {
    if (!f.has(key)) {
      if (required) {
        problems.add(f.mapping().location(), f.child(key), "is required (an ISO-8601 time)");
        return -1;
      }
      return fallback;
    }
    Instant t = f.time(key, null, tb.zone());
    if (t == null) {
      return -1;
    }
    if (t.isBefore(tb.start()) || t.isAfter(end)) {
      problems.add(f.node(key).get(), "must be within the run (" + tb.start() + " .. " + end + "): " + t);
      return -1;
    }
    return tb.nanosOf(t);
  }

  private static long window(Fields f, long at, Timebase tb, Instant end, Problems problems) {
    if (f.has("until") && f.has("for")) {
      problems.add(f.mapping(), "give until or for, not both");
    }
    if (f.has("for")) {
      long d = f.positiveDuration("for", 1);
      return at < 0 ? -1 : Math.min(Long.MAX_VALUE - 1, at + d);
    }
    if (f.has("until")) {
      long until = time(f, "until", tb, end, false, Long.MAX_VALUE, problems);
      if (until >= 0 && at >= 0 && until <= at) {
        problems.add(f.node("until").get(), "must be after at");
        return -1;
      }
      return until;
    }
    return Long.MAX_VALUE;
  }
}
