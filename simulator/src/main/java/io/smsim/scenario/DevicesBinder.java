package io.smsim.scenario;

import io.smsim.duis.Eui64;
import io.smsim.model.DeviceRegistry;
import io.smsim.model.Region;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the {@code devices} section: which devices exist in which region, for the live emulation
 * ({@code smsim serve}). Without the section every region has
 * {@value DeviceRegistry#DEFAULT_COUNT_PER_REGION} generated devices. Either way DCC Boxed's reference
 * devices ({@link io.smsim.model.DccBoxedDevices}) are known besides, in the non-device region, unless
 * {@code dccBoxed: false}; a reference device inside one of the scenario's own ranges stays there.
 *
 * <pre>
 * devices:
 *   dcc: 90-B3-D5-1F-30-00-00-02      # target of non-device requests (default: DCC Boxed's)
 *   nonDeviceRegion: north            # whose gateway serves them (default: the first region)
 *   dccBoxed: true                    # DCC Boxed's reference devices too (default true)
 *   north:
 *     count: 5000                     # generated 00-DB-FF-01-00-00-00-00 ...
 *     ranges: ["00-DB-12-34-56-78-90-A0..00-DB-12-34-56-78-90-AF", "00-DB-12-34-56-78-90-B7"]
 * </pre>
 */
final class DevicesBinder {

  static final Shape REGION_DEVICES = Shape.of("region devices", "The devices of one region.")
      .key("count", Shape.Type.integer(1, 0x1_0000_0000L, "devices"), null,
          "Generated devices 00-DB-FF-0r-00-00-00-00 onwards (r: 1 north, 2 central, 3 south).")
      .key("ranges", Shape.Type.list(Shape.Type.text(null, "00-DB-12-34-56-78-90-A0..00-DB-12-34-56-78-90-AF"), 0, 0),
          null, "EUI-64s or FIRST..LAST ranges.");

  static final Shape DEVICES = Shape.of("devices", "Which devices exist in which region, for smsim serve and "
      + "smsim load; without it each region has " + DeviceRegistry.DEFAULT_COUNT_PER_REGION + " generated devices.")
      .key("dcc", Shape.Type.text(null, "90-B3-D5-1F-30-00-00-02"), "DCC Boxed's",
          "EUI-64 that non-device requests target.")
      .key("nonDeviceRegion", Shape.Type.choice(java.util.Arrays.stream(Region.values()).map(Region::key).toList()),
          "the first region", "Whose gateway serves non-device requests.")
      .key("dccBoxed", Shape.Type.BOOLEAN, "true", "DCC Boxed's reference devices are known too, in the "
          + "non-device region (a reference device inside one of the scenario's own ranges stays there).")
      .key("north", Shape.Type.mapping(REGION_DEVICES), null, "North's devices.")
      .key("central", Shape.Type.mapping(REGION_DEVICES), null, "Central's devices.")
      .key("south", Shape.Type.mapping(REGION_DEVICES), null, "South's devices.");

  private DevicesBinder() {
  }

  static DeviceRegistry bind(Optional<YamlNode> node, Set<Region> regions, Problems problems) {
    if (node.isEmpty()) {
      return DeviceRegistry.defaults(regions);
    }
    Fields f = Fields.of(node.get(), problems, DEVICES);
    long dcc = f.scalar("dcc", DeviceRegistry.DCC_BOXED_EUI64, DevicesBinder::eui64);
    Map<String, Region> names = new LinkedHashMap<>();
    for (Region r : Region.values()) {
      names.put(r.key(), r);
    }
    Region first = regions.stream().findFirst().orElse(Region.NORTH);
    Region nonDevice = f.choice("nonDeviceRegion", first, names);
    boolean dccBoxed = f.bool("dccBoxed", true);
    if (f.has("nonDeviceRegion") && !regions.contains(nonDevice)) {
      problems.add(f.node("nonDeviceRegion").get(), "region is not defined under regions: " + nonDevice.key());
    }
    List<DeviceRegistry.Range> ranges = new ArrayList<>();
    List<YamlNode> where = new ArrayList<>();
    boolean named = false;
    for (Region region : Region.values()) {
      Optional<YamlNode> own = f.node(region.key());
      if (own.isEmpty()) {
        continue;
      }
      if (!regions.contains(region)) {
        problems.add(own.get(), "region is not defined under regions: " + region.key());
        continue;
      }
      region(region, own.get(), ranges, where, problems);
      named = true;
    }
    if (!named) {
      // only dcc, nonDeviceRegion or dccBoxed given: the regions keep their generated devices
      ranges.addAll(DeviceRegistry.generatedOnly(regions).ranges());
      where.addAll(Collections.nCopies(ranges.size(), node.get()));
    }
    f.finish();
    checkOverlaps(ranges, where, dcc, problems);
    if (!problems.isEmpty()) {
      return DeviceRegistry.defaults(regions);
    }
    DeviceRegistry own = new DeviceRegistry(dcc, nonDevice, ranges);
    return dccBoxed ? own.withDccBoxedDevices(nonDevice) : own;
  }

  private static void region(Region region, YamlNode node, List<DeviceRegistry.Range> ranges, List<YamlNode> where,
      Problems problems) {
    Fields f = Fields.of(node, problems, REGION_DEVICES);
    long count = f.scalar("count", 0L, t -> {
      long v = Values.integer(t);
      if (v < 1 || v > 0x1_0000_0000L) {
        throw new IllegalArgumentException("must be in [1, 4294967296]: " + t);
      }
      return v;
    });
    if (count > 0) {
      ranges.add(DeviceRegistry.generatedRange(region, count));
      where.add(f.node("count").get());
    }
    Optional<YamlNode> list = f.node("ranges");
    if (list.isPresent()) {
      if (list.get() instanceof YamlNode.Sequence seq) {
        for (YamlNode item : seq.items()) {
          DeviceRegistry.Range r = f.parse(item, null, t -> range(region, t));
          if (r != null) {
            ranges.add(r);
            where.add(item);
          }
        }
      } else {
        problems.add(list.get(), "must be a list of EUI-64s or FIRST..LAST ranges, got: " + list.get().describe());
      }
    }
    if (!f.has("count") && !f.has("ranges")) {
      problems.add(node, "give count and/or ranges");
    }
    f.finish();
  }

  private static DeviceRegistry.Range range(Region region, String text) {
    String t = text.trim();
    int dots = t.indexOf("..");
    long first = eui64(dots < 0 ? t : t.substring(0, dots));
    long last = dots < 0 ? first : eui64(t.substring(dots + 2));
    if (Long.compareUnsigned(first, last) > 0) {
      throw new IllegalArgumentException("range must not end before it starts: " + text);
    }
    return new DeviceRegistry.Range(region, first, last);
  }

  private static long eui64(String text) {
    String t = text.trim();
    if (!Eui64.isValid(t)) {
      throw new IllegalArgumentException("not an EUI-64 (8 upper-case hex bytes separated by '-', "
          + "e.g. 00-DB-12-34-56-78-90-A0): " + text);
    }
    return Eui64.parse(t);
  }

  private static void checkOverlaps(List<DeviceRegistry.Range> ranges, List<YamlNode> where, long dcc,
      Problems problems) {
    for (int i = 0; i < ranges.size(); i++) {
      DeviceRegistry.Range a = ranges.get(i);
      if (Long.compareUnsigned(dcc, a.first()) >= 0 && Long.compareUnsigned(dcc, a.last()) <= 0) {
        problems.add(where.get(i), "includes the DCC's own EUI-64 " + Eui64.format(dcc));
      }
      for (int j = 0; j < i; j++) {
        DeviceRegistry.Range b = ranges.get(j);
        if (Long.compareUnsigned(a.first(), b.last()) <= 0 && Long.compareUnsigned(b.first(), a.last()) <= 0) {
          problems.add(where.get(i), "overlaps the devices at " + where.get(j).location() + " ("
              + Eui64.format(b.first()) + ".." + Eui64.format(b.last()) + ")");
        }
      }
    }
  }
}
