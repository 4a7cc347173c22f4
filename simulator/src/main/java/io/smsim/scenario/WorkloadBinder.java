package io.smsim.scenario;

import io.smsim.engine.Distribution;
import io.smsim.model.Category;
import io.smsim.model.Srv;
import io.smsim.model.SrvCatalogue;
import io.smsim.workload.CategoryLoad;
import io.smsim.workload.RateProfile;
import io.smsim.workload.RetrySpec;
import io.smsim.workload.SrvMix;
import io.smsim.workload.TraceSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds {@code profiles} and a region's {@code workload} (see README, "Scenario format"). */
final class WorkloadBinder {

  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();
  private static final String SRV_PATTERN = "[0-9]+(\\.[0-9]+)*";
  private static final Shape.Type WEIGHT = Shape.Type.number(0, Double.MAX_VALUE, "relative weight");

  static final Shape PROFILE = Shape.of("profile", "Relative arrival rates by local hour and weekday; the day's "
      + "volume is spread by them (scaled so the day's total is perDay).")
      .required("hourOfDay", Shape.Type.list(WEIGHT, 24, 24), "24 weights, hour 0 first.")
      .key("dayOfWeek", Shape.Type.list(WEIGHT, 7, 7), "all 1", "7 weights, Monday first.");

  static final Shape PROFILES = Shape.of("profiles", "Named rate profiles that workloads refer to; flat is built in.")
      .otherKeys("profile name", null, Shape.Type.mapping(PROFILE));

  static final Shape RETRIES = Shape.of("retries", "How a Service User retries a failed request.")
      .key("attempts", Shape.Type.integer(1, 100, "attempts"), "1", "Attempts in all, the first included.")
      .key("backoff", Shape.Type.DURATION, "0", "Wait before the first retry.")
      .key("multiplier", Shape.Type.number(1, 100, "factor"), "1", "Each further wait is this many times longer.");

  static final Shape MIX = Shape.of("mix", "SRVs mapped to relative weights, e.g. {\"4.1.1\": 40, \"2.2\": 20}.")
      .otherKeys("SRV", SRV_PATTERN, Shape.Type.number(Double.MIN_VALUE, 1e12, "relative weight"));

  static final Shape CATEGORY = Shape.of("category load", "Arrivals of one category in a region: volume, "
      + "profile, and a journey (install) or an SRV mix (others).")
      .key("perDay", Shape.Type.number(0, 1e12, "arrivals per day"), null,
          "Arrivals per day (or give perHour, or a trace).")
      .key("perHour", Shape.Type.number(0, 1e12, "arrivals per hour"), null, "Arrivals per hour (or perDay).")
      .key("profile", Shape.Type.TEXT, "flat", "A profile named under profiles.")
      .key("retries", Shape.Type.mapping(RETRIES), "the workload's retries", "Retries of this category.")
      .key("journey", Shape.Type.list(Shape.Type.text(SRV_PATTERN, "8.1.1"), 1, 0), null,
          "SRVs done in order by an installer (a birthing event).")
      .key("mix", Shape.Type.mapping(MIX), null, "SRV mix of independent requests.")
      .key("thinkTime", DistributionBinder.TYPE, null, "Installer's time between journey steps (with journey).")
      .key("trace", TraceBinder.TYPE, null, "Replay a CSV of requests or interval counts instead of perDay/perHour "
          + "and profile.");

  static final Shape WORKLOAD = Shape.of("workload", "A region's traffic, per category (Poisson arrivals).")
      .key("retries", Shape.Type.mapping(RETRIES), "no retries", "Default retries of service requests.")
      .key("install", Shape.Type.mapping(CATEGORY), null, "Install & commission journeys.")
      .key("onDemand", Shape.Type.mapping(CATEGORY), null, "On-demand service requests.")
      .key("firmware", Shape.Type.mapping(CATEGORY), null, "Firmware requests.")
      .key("alerts", Shape.Type.mapping(CATEGORY), null, "Device alerts (no journey or mix).");

  private WorkloadBinder() {
  }

  static Map<String, RateProfile> profiles(Optional<YamlNode> node, Problems problems) {
    Map<String, RateProfile> profiles = new LinkedHashMap<>();
    profiles.put("flat", RateProfile.FLAT);
    if (node.isEmpty()) {
      return profiles;
    }
    Fields all = Fields.of(node.get(), problems, PROFILES);
    for (String name : all.mapping().entries().keySet()) {
      YamlNode p = all.node(name).orElse(null);
      if (p == null) {
        continue;
      }
      Fields f = Fields.of(p, problems, PROFILE);
      double[] hours = weights(f, "hourOfDay", 24, problems);
      double[] days = f.has("dayOfWeek") ? weights(f, "dayOfWeek", 7, problems) : new double[] {1, 1, 1, 1, 1, 1, 1};
      f.finish();
      if (hours != null && days != null) {
        try {
          profiles.put(name, new RateProfile(name, hours, days));
        } catch (IllegalArgumentException e) {
          problems.add(p, e.getMessage());
        }
      }
    }
    return profiles;
  }

  private static double[] weights(Fields f, String key, int n, Problems problems) {
    YamlNode node = f.required(key).orElse(null);
    if (node == null) {
      return null;
    }
    if (!(node instanceof YamlNode.Sequence seq) || seq.items().size() != n) {
      problems.add(node, "must be a list of " + n + " weights, got: "
          + (node instanceof YamlNode.Sequence s ? s.items().size() + " items" : node.describe()));
      return null;
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = f.parse(seq.items().get(i), 0.0, t -> {
        double v = Values.number(t);
        if (!(v >= 0)) {
          throw new IllegalArgumentException("must be >= 0: " + t);
        }
        return v;
      });
    }
    return w;
  }

  static Map<Category, CategoryLoad> workload(Optional<YamlNode> node, Map<String, RateProfile> profiles,
      double scale, TraceBinder.Context ctx, Problems problems) {
    Map<Category, CategoryLoad> loads = new EnumMap<>(Category.class);
    if (node.isEmpty()) {
      return loads;
    }
    Fields f = Fields.of(node.get(), problems, WORKLOAD);
    RetrySpec defaultRetries = retries(f.node("retries"), RetrySpec.NONE, problems);
    for (Category c : Category.values()) {
      // devices do not retry alerts unless the alerts block says so
      RetrySpec inherited = c.isServiceRequest() ? defaultRetries : RetrySpec.NONE;
      f.node(c.key()).ifPresent(n -> {
        CategoryLoad load = category(c, n, profiles, scale, inherited, ctx, problems);
        if (load != null) {
          loads.put(c, load);
        }
      });
    }
    f.finish();
    return loads;
  }

  private static CategoryLoad category(Category c, YamlNode node, Map<String, RateProfile> profiles,
      double scale, RetrySpec defaultRetries, TraceBinder.Context ctx, Problems problems) {
    Fields f = Fields.of(node, problems, CATEGORY);
    Optional<YamlNode> traceNode = f.node("trace");
    double perDay = 0;
    if (traceNode.isPresent()) {
      for (String volume : List.of("perDay", "perHour", "profile")) {
        f.node(volume).ifPresent(n -> problems.add(n, "a trace gives the " + (volume.equals("profile") ? "times" : "volume")
            + "; " + volume + " does not apply (trace.scale changes the volume)"));
      }
    } else if (f.has("perDay") && f.has("perHour")) {
      problems.add(node, "give perDay or perHour, not both");
    }
    if (traceNode.isEmpty() && f.has("perHour")) {
      perDay = 24 * f.number("perHour", 0, 0, 1e12);
    } else if (traceNode.isEmpty()) {
      if (!f.has("perDay")) {
        problems.add(node.location(), f.child("perDay"), "is required (arrivals per day, or perHour, or a trace)");
      }
      perDay = f.number("perDay", 0, 0, 1e12);
    }
    String profileName = traceNode.isPresent() ? "flat" : f.string("profile", "flat");
    RateProfile profile = profiles.get(profileName);
    if (profile == null) {
      problems.add(f.node("profile").orElse(node), "unknown profile; defined: "
          + String.join(", ", profiles.keySet()) + ": " + profileName);
      profile = RateProfile.FLAT;
    }
    RetrySpec retries = retries(f.node("retries"), defaultRetries, problems);
    Optional<YamlNode> journeyNode = f.node("journey");
    Optional<YamlNode> mixNode = f.node("mix");
    List<Srv> journey = journeyNode.map(j -> journey(j, problems)).orElse(List.of());
    SrvMix mix = mixNode.map(m -> mix(m, problems)).orElse(null);
    Distribution think = f.node("thinkTime").map(t -> DistributionBinder.bind(t, problems,
        Distribution.constant(0))).orElse(null);
    if (!c.isServiceRequest()) {
      for (Optional<YamlNode> n : List.of(journeyNode, mixNode, f.node("thinkTime"))) {
        n.ifPresent(x -> problems.add(x, "does not apply to alerts (they come from devices, not SRVs)"));
      }
      f.finish();
      TraceSpec trace = traceNode.map(t -> TraceBinder.bind(t, c, ctx, List.of(), false, scale, problems)).orElse(null);
      if (traceNode.isPresent()) {
        return trace == null ? null : new CategoryLoad(c, trace.perDay(), profile, null, null, null, retries, trace);
      }
      return new CategoryLoad(c, perDay * scale, profile, null, null, null, retries);
    }
    TraceSpec trace = traceNode.map(t -> TraceBinder.bind(t, c, ctx, journey, mix != null, scale, problems))
        .orElse(null);
    if (traceNode.isPresent() && trace == null) {
      f.finish();
      return null;
    }
    if (journeyNode.isPresent() && mixNode.isPresent()
        || journeyNode.isEmpty() && mixNode.isEmpty() && (trace == null || trace.srvs().isEmpty())) {
      problems.add(node, c.key() + " needs exactly one of journey (a list of SRVs) or mix (SRV: weight)"
          + (trace == null ? "" : ", or a trace whose rows name their SRVs"));
    } else if (journeyNode.isPresent() && think == null) {
      problems.add(node.location(), f.child("thinkTime"), "is required with a journey");
    } else if (mixNode.isPresent() && think != null) {
      problems.add(f.node("thinkTime").orElseThrow(), "only applies to a journey");
    }
    f.finish();
    if ((journey.isEmpty() && mix == null && trace == null) || (!journey.isEmpty() && think == null)) {
      return null;
    }
    try {
      return new CategoryLoad(c, trace != null ? trace.perDay() : perDay * scale, profile, journey.isEmpty() ? mix : null,
          journey.isEmpty() ? null : journey, think, retries, trace);
    } catch (IllegalArgumentException e) {
      problems.add(node, e.getMessage());
      return null;
    }
  }

  private static List<Srv> journey(YamlNode node, Problems problems) {
    if (!(node instanceof YamlNode.Sequence seq) || seq.items().isEmpty()) {
      problems.add(node, "must be a non-empty list of SRVs, e.g. [\"8.14.1\", \"8.11\", \"8.1.1\"]");
      return List.of();
    }
    List<Srv> steps = new ArrayList<>();
    for (YamlNode item : seq.items()) {
      srv(item, problems).ifPresent(steps::add);
    }
    return steps.size() == seq.items().size() ? steps : List.of();
  }

  private static SrvMix mix(YamlNode node, Problems problems) {
    if (!(node instanceof YamlNode.Mapping m) || m.entries().isEmpty()) {
      problems.add(node, "must map SRVs to weights, e.g. {\"4.1.1\": 40, \"2.2\": 20}");
      return null;
    }
    Fields f = Fields.of(node, problems, MIX);
    Map<Srv, Double> weights = new LinkedHashMap<>();
    boolean ok = true;
    for (String variant : m.entries().keySet()) {
      Location keyLoc = m.keyLocations().get(variant);
      Optional<Srv> srv = CATALOGUE.find(variant);
      if (srv.isEmpty()) {
        problems.add(keyLoc, f.child(variant), "unknown SRV (not in the DUIS catalogue): " + variant);
        ok = false;
        f.node(variant);
        continue;
      }
      double w = f.number(variant, -1, Double.MIN_VALUE, 1e12);
      if (w > 0) {
        weights.put(srv.get(), w);
      } else {
        ok = false;
      }
    }
    f.finish();
    return ok && !weights.isEmpty() ? new SrvMix(weights) : null;
  }

  private static Optional<Srv> srv(YamlNode node, Problems problems) {
    if (!(node instanceof YamlNode.Scalar s) || s.nullValue()) {
      problems.add(node, "must be an SRV such as \"8.1.1\", got: " + node.describe());
      return Optional.empty();
    }
    Optional<Srv> srv = CATALOGUE.find(s.text().trim());
    if (srv.isEmpty()) {
      problems.add(node, "unknown SRV (not in the DUIS catalogue): " + s.text());
    }
    return srv;
  }

  static RetrySpec retries(Optional<YamlNode> node, RetrySpec fallback, Problems problems) {
    if (node.isEmpty()) {
      return fallback;
    }
    Fields f = Fields.of(node.get(), problems, RETRIES);
    int attempts = f.integer("attempts", fallback.attempts(), 1, 100);
    long backoff = f.duration("backoff", fallback.backoffNanos());
    double multiplier = f.number("multiplier", fallback.multiplier(), 1, 100);
    f.finish();
    return new RetrySpec(attempts, backoff, multiplier);
  }
}
