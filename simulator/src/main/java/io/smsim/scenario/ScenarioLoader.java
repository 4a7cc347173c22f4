package io.smsim.scenario;

import io.smsim.metrics.ReportingSpec;
import io.smsim.model.DeviceRegistry;
import io.smsim.model.FaultSpec;
import io.smsim.model.OperationSpec;
import io.smsim.model.Region;
import io.smsim.model.Timebase;
import io.smsim.workload.RateProfile;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a scenario file into a validated, immutable {@link Scenario}. Every problem is reported
 * at once, each as {@code file:line:column: field.path: rule: value}; unknown keys list the
 * accepted ones. Each region is {@code defaults} deep-merged with {@code regions.<name>}.
 */
public final class ScenarioLoader {

  /** Longest scenario name: it heads every report and names the default output directory. */
  static final int MAX_NAME = 200;

  static final Shape REPORTING = Shape.of("reporting", "How incidents are judged and reported.")
      .key("interval", Shape.Type.DURATION, "15m", "Reporting interval, a whole number of minutes (DCC: 15m).")
      .key("slo", Shape.Type.number(1e-9, 1, "success ratio"), "0.95",
          "A minute with a lower success ratio of attempts is degraded.")
      .key("minAttempts", Shape.Type.integer(0, Integer.MAX_VALUE, "attempts"), "10",
          "Minutes with fewer attempts are not judged.")
      .key("mergeGap", Shape.Type.DURATION, "5m", "Degraded periods this close are one incident.");

  static final Shape REGIONS = Shape.of("regions", "The CSP regions in the scenario; at least one.")
      .key("north", Shape.Type.mapping(RegionBinder.REGION), null, "CSP North (Arqiva, long-range radio).")
      .key("central", Shape.Type.mapping(RegionBinder.REGION), null, "CSP Central (Telefonica, cellular).")
      .key("south", Shape.Type.mapping(RegionBinder.REGION), null, "CSP South (Telefonica, cellular).");

  /** The whole file: the scenario, and the what-if analysis that {@link ScenarioFile} reads. */
  static final Shape ROOT = Shape.of("scenario", "An smsim scenario: the network, its workload, the faults and "
      + "operations on its timeline, and the what-if analysis.")
      .required("name", Shape.Type.TEXT, "A short name; outputs go to out/<name>.")
      .key("description", Shape.Type.TEXT, null, "What the scenario shows.")
      .key("seed", Shape.Type.integer(Long.MIN_VALUE, Long.MAX_VALUE, null), "1", "Random seed.")
      .key("timeZone", Shape.Type.TEXT, "Europe/London", "Zone of local times and hour-of-day profiles.")
      .required("start", Shape.Type.TIME, "Start of the run (local unless it has an offset).")
      .required("end", Shape.Type.TIME, "End of the run.")
      .key("workloadScale", Shape.Type.number(0, 1e6, "factor"), "1", "Every arrival rate multiplied by this.")
      .key("reporting", Shape.Type.mapping(REPORTING), null, "Incident judgement.")
      .key("profiles", Shape.Type.mapping(WorkloadBinder.PROFILES), "flat", "Named rate profiles.")
      .key("defaults", Shape.Type.mapping(RegionBinder.REGION), null, "Settings every region starts from.")
      .required("regions", Shape.Type.mapping(REGIONS), "The regions.")
      .key("faults", Shape.Type.list(Shape.Type.mapping(TimelineBinder.FAULT), 0, 0), null, "Faults on the timeline.")
      .key("operations", Shape.Type.list(Shape.Type.mapping(TimelineBinder.OPERATION), 0, 0), null,
          "Operator actions at fixed times.")
      .key("devices", Shape.Type.mapping(DevicesBinder.DEVICES), null, "Devices per region (serve, load).")
      .key(ScenarioFile.REPLICATIONS, Shape.Type.integer(1, 100_000, "replications"), "10 (check: 1)",
          "Replications for compare, sweep and check.")
      .key(ScenarioFile.EXPECT, ExpectationBinder.LIST, null, "Checks of the scenario as written (smsim check).")
      .key(ScenarioFile.VARIANTS, Shape.Type.mapping(ScenarioFile.VARIANTS_SHAPE), null, "What-if variants (compare).");

  private ScenarioLoader() {
  }

  /** Loads a scenario file. */
  public static Scenario load(Path file) {
    return load(file, List.of());
  }

  /**
   * Loads a scenario file with {@code path=value} overrides applied on top (as {@code --set}).
   * Its {@code variants:} and {@code expect:} are checked too; {@link ScenarioFile} keeps them.
   */
  public static Scenario load(Path file, List<String> overrides) {
    return ScenarioFile.load(file, overrides).scenario();
  }

  /** Binds YAML text (tests and embedded scenarios). */
  public static Scenario fromString(String label, String yaml) {
    return ScenarioFile.fromString(label, yaml, List.of()).scenario();
  }

  static Scenario bind(YamlNode root, String source, InputResolver files) {
    Problems problems = new Problems();
    Fields f = Fields.of(root, problems, ROOT);
    String name = f.string("name", "");
    if (name.isBlank()) {
      problems.add(root.location(), "name", "is required (a short scenario name)");
    } else if (name.codePoints().anyMatch(Character::isISOControl)) {
      problems.add(f.node("name").get(), "must be one line without control characters: "
          + name.codePoints().limit(80).mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c)
              : Character.toString(c)).collect(java.util.stream.Collectors.joining()));
    } else if (name.length() > MAX_NAME) {
      problems.add(f.node("name").get(), "must be at most " + MAX_NAME + " characters: " + name.length());
    }
    String description = f.string("description", "");
    long seed = f.scalar("seed", 1L, Values::integer);
    ZoneId zone = f.scalar("timeZone", ZoneId.of("Europe/London"), t -> {
      try {
        return ZoneId.of(t.trim());
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("not a time zone (e.g. Europe/London, UTC): " + t);
      }
    });
    Instant start = f.time("start", null, zone);
    Instant end = f.time("end", null, zone);
    if (!f.has("start")) {
      problems.add(root.location(), "start", "is required (an ISO-8601 time)");
    }
    if (!f.has("end")) {
      problems.add(root.location(), "end", "is required (an ISO-8601 time)");
    }
    if (start != null && end != null && !end.isAfter(start)) {
      problems.add(f.node("end").get(), "must be after start (" + start + "): " + end);
      end = null;
    }
    if (start != null && end != null && !RunBounds.span(f.node("end").get(), end.getEpochSecond()
        - start.getEpochSecond(), problems)) {
      end = null;
    }
    long spanNanos = start != null && end != null ? new Timebase(start, zone).nanosOf(end) : -1;
    double scale = f.number("workloadScale", 1, 0, 1e6);
    ReportingSpec reporting = reporting(f.node("reporting"), problems);
    Map<String, RateProfile> profiles = WorkloadBinder.profiles(f.node("profiles"), problems);
    Optional<YamlNode> defaults = f.node("defaults");
    Map<Region, RegionSpec> regions = regions(f, defaults, profiles, scale,
        new TraceBinder.Context(files, zone, start, end, null), spanNanos, problems);
    if (spanNanos > 0) {
      RunBounds.volume(regions, f.node("workloadScale").orElse(f.node("regions").orElse(root)), spanNanos, problems);
    }
    List<FaultSpec> faults = List.of();
    List<OperationSpec> operations = List.of();
    if (start != null && end != null) {
      Timebase tb = new Timebase(start, zone);
      faults = TimelineBinder.faults(f.node("faults"), tb, end, regions.keySet(), problems);
      operations = TimelineBinder.operations(f.node("operations"), tb, end, regions.keySet(), problems);
    } else {
      f.node("faults");
      f.node("operations");
    }
    DeviceRegistry devices = DevicesBinder.bind(f.node("devices"), regions.keySet(), problems);
    f.acceptAlso(ScenarioFile.REPLICATIONS, ScenarioFile.EXPECT, ScenarioFile.VARIANTS); // ScenarioFile reads them
    f.finish();
    problems.throwIfAny();
    return new Scenario(name, description, source, seed, start, end, zone, scale, reporting, regions,
        faults, operations, devices, null, null);
  }

  private static Map<Region, RegionSpec> regions(Fields f, Optional<YamlNode> defaults,
      Map<String, RateProfile> profiles, double scale, TraceBinder.Context ctx, long spanNanos,
      Problems problems) {
    Map<Region, RegionSpec> regions = new EnumMap<>(Region.class);
    Optional<YamlNode> node = f.node("regions");
    if (node.isEmpty()) {
      problems.add(f.mapping().location(), "regions", "is required (north, central and/or south)");
      return regions;
    }
    Fields r = Fields.of(node.get(), problems, REGIONS);
    for (Region region : Region.values()) {
      Optional<YamlNode> own = r.node(region.key());
      if (own.isEmpty() && !r.mapping().entries().containsKey(region.key())) {
        continue;
      }
      YamlNode merged = own.orElseGet(() -> new YamlNode.Mapping(node.get().location(),
          r.child(region.key()), Map.of(), Map.of()));
      if (defaults.isPresent()) {
        merged = YamlMerge.merge(defaults.get(), merged);
      }
      TraceBinder.Context here = new TraceBinder.Context(ctx.files(), ctx.zone(), ctx.start(), ctx.end(), region);
      RegionSpec spec = RegionBinder.bind(region, merged, profiles, scale, here, problems);
      if (spanNanos > 0) {
        RunBounds.periodic(spec, merged, spanNanos, problems);
      }
      regions.put(region, spec);
    }
    r.finish();
    if (regions.isEmpty() && problems.isEmpty()) {
      problems.add(node.get(), "define at least one of north, central, south");
    }
    return regions;
  }

  private static ReportingSpec reporting(Optional<YamlNode> node, Problems problems) {
    long minute = ReportingSpec.MINUTE_NANOS;
    if (node.isEmpty()) {
      return new ReportingSpec(15 * minute, 0.95, 10, 5 * minute);
    }
    Fields f = Fields.of(node.get(), problems, REPORTING);
    long interval = f.scalar("interval", 15 * minute, t -> {
      long v = Values.durationNanos(t);
      if (v < minute || v % minute != 0) {
        throw new IllegalArgumentException("must be a whole number of minutes: " + t);
      }
      return v;
    });
    double slo = f.number("slo", 0.95, 1e-9, 1);
    int minAttempts = f.integer("minAttempts", 10, 0, Integer.MAX_VALUE);
    long gap = f.duration("mergeGap", 5 * minute);
    f.finish();
    return new ReportingSpec(interval, slo, minAttempts, gap);
  }

  /** Problems as a list, for callers that collect rather than throw. */
  public static List<Problem> problemsOf(ScenarioException e) {
    return new ArrayList<>(e.problems());
  }
}
