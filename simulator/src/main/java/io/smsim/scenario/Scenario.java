package io.smsim.scenario;

import io.smsim.metrics.ReportingSpec;
import io.smsim.model.DeviceRegistry;
import io.smsim.model.FaultSpec;
import io.smsim.model.OperationSpec;
import io.smsim.model.Region;
import io.smsim.model.Timebase;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated scenario: what to simulate, from when to when, with which seed. Immutable; build
 * one with {@link ScenarioLoader}.
 *
 * @param source where it was read from (for messages and reports)
 * @param workloadScale multiplies every category's volume (1 = as written)
 * @param devices which devices exist in which region (the live emulation's device registry)
 * @param variant the name of the file's variant this scenario was bound for, or {@code null} for
 *     the scenario as written
 * @param origin how to bind this scenario again from its file (what a Spark task ships), or
 *     {@code null} for a scenario built in code or changed after binding
 */
public record Scenario(String name, String description, String source, long seed, Instant start,
    Instant end, ZoneId zone, double workloadScale, ReportingSpec reporting,
    Map<Region, RegionSpec> regions, List<FaultSpec> faults, List<OperationSpec> operations,
    DeviceRegistry devices, String variant, ScenarioOrigin origin) {

  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(reporting, "reporting");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end must be after start: " + start + " .. " + end);
    }
    if (!(workloadScale >= 0 && Double.isFinite(workloadScale))) {
      throw new IllegalArgumentException("workloadScale must be >= 0: " + workloadScale);
    }
    EnumMap<Region, RegionSpec> copy = new EnumMap<>(Region.class);
    copy.putAll(regions);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("a scenario needs at least one region");
    }
    regions = Collections.unmodifiableMap(copy);
    faults = List.copyOf(faults);
    operations = List.copyOf(operations);
    Objects.requireNonNull(devices, "devices");
  }

  /** A scenario with the default device registry ({@link DeviceRegistry#defaults}). */
  public Scenario(String name, String description, String source, long seed, Instant start, Instant end,
      ZoneId zone, double workloadScale, ReportingSpec reporting, Map<Region, RegionSpec> regions,
      List<FaultSpec> faults, List<OperationSpec> operations) {
    this(name, description, source, seed, start, end, zone, workloadScale, reporting, regions, faults, operations,
        DeviceRegistry.defaults(regions.keySet()), null, null);
  }

  /** This scenario labelled as bound for the file's variant {@code name}. */
  public Scenario withVariant(String name) {
    return new Scenario(this.name, description, source, seed, start, end, zone, workloadScale, reporting, regions,
        faults, operations, devices, name, origin);
  }

  /** This scenario with the recipe that binds it again ({@link ScenarioFile} sets it). */
  Scenario withOrigin(ScenarioOrigin origin) {
    return new Scenario(name, description, source, seed, start, end, zone, workloadScale, reporting, regions,
        faults, operations, devices, variant, origin);
  }

  /** The files a run of this scenario reads besides the scenario itself (traces), in region and category order. */
  public List<InputFile> inputFiles() {
    List<InputFile> files = new java.util.ArrayList<>();
    for (RegionSpec r : regions.values()) {
      for (io.smsim.workload.CategoryLoad load : r.workload().values()) {
        if (load.trace() != null) {
          files.add(new InputFile("regions." + r.region().key() + ".workload." + load.category().key() + ".trace.file",
              load.trace().written(), load.trace().file().toAbsolutePath()));
        }
      }
    }
    return List.copyOf(files);
  }

  public Timebase timebase() {
    return new Timebase(start, zone);
  }

  /** Virtual duration in nanoseconds. */
  public long durationNanos() {
    return timebase().nanosOf(end);
  }
}
