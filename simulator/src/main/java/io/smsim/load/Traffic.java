package io.smsim.load;

import io.smsim.duis.Eui64;
import io.smsim.engine.RandomStream;
import io.smsim.model.DeviceRegistry;
import io.smsim.model.Region;
import io.smsim.model.Srv;
import io.smsim.model.SrvCatalogue;
import io.smsim.scenario.RegionSpec;
import io.smsim.scenario.Scenario;
import io.smsim.workload.CategoryLoad;
import io.smsim.workload.RateProfile;
import io.smsim.workload.SrvMix;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the generator sends: which region, SRV and target device each request has. Traffic is a
 * list of components, one per region and category of a scenario's workload (weight: its daily
 * volume; SRVs: its mix, or the steps of an install journey, each equally likely; rate over the
 * day: its profile), or one per region with a given SRV mix. Targets are drawn uniformly from the
 * region's devices (the scenario's {@code devices:} registry, or explicit EUI-64 ranges); a
 * non-device SRV targets the DCC's own EUI-64. Journeys are not played in order: each step is one
 * independent request, which is what load on the DSP and the CSPs sees. Immutable; picking needs
 * the caller's random stream.
 */
public final class Traffic {

  /** Region slots: north, central, south, and {@code devices} for explicit ranges of unknown region. */
  public static final int REGIONS = 4;
  static final int OTHER = 3;
  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();

  /** The seed scenario's on-demand mix, used when neither a scenario nor {@code --mix} gives one. */
  public static final String DEFAULT_MIX = "4.1.1=30,4.8.1=25,2.2=25,11.2=10,8.11=10";

  /** One stream of requests: a region's category of work. */
  record Component(int region, String label, double weight, SrvMix mix, List<Srv> journey, RateProfile profile) {
  }

  /** What {@link #pick} chose; reused by the caller. */
  static final class Pick {
    int region;
    int srvIndex;
    long target;
  }

  private final List<Component> components;
  /** Per component, the catalogue index of each SRV of its mix (by mix position) or journey step. */
  private final int[][] srvIndexes;
  private final boolean[][] srvNonDevice;
  private final double[] cumulative;
  private final long[][] rangeFirst = new long[REGIONS][];
  private final long[][] rangeCumulative = new long[REGIONS][];
  private final long[] deviceCount = new long[REGIONS];
  private final long dcc;
  private final int nonDeviceRegion;

  private Traffic(List<Component> components, List<List<long[]>> ranges, long dcc, int nonDeviceRegion) {
    if (components.isEmpty()) {
      throw new IllegalArgumentException("no traffic: every region's volume is zero");
    }
    this.components = List.copyOf(components);
    this.srvIndexes = new int[components.size()][];
    this.srvNonDevice = new boolean[components.size()][];
    for (int c = 0; c < srvIndexes.length; c++) {
      Component comp = components.get(c);
      List<Srv> srvs = comp.mix() != null ? comp.mix().srvs() : comp.journey();
      srvIndexes[c] = new int[srvs.size()];
      srvNonDevice[c] = new boolean[srvs.size()];
      for (int i = 0; i < srvs.size(); i++) {
        srvIndexes[c][i] = CATALOGUE.indexOf(srvs.get(i).variant());
        srvNonDevice[c][i] = srvs.get(i).nonDevice();
      }
    }
    this.cumulative = new double[components.size()];
    double sum = 0;
    for (int i = 0; i < cumulative.length; i++) {
      sum += components.get(i).weight();
      cumulative[i] = sum;
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= sum;
    }
    for (int r = 0; r < REGIONS; r++) {
      List<long[]> list = ranges.get(r);
      rangeFirst[r] = new long[list.size()];
      rangeCumulative[r] = new long[list.size()];
      long n = 0;
      for (int i = 0; i < list.size(); i++) {
        rangeFirst[r][i] = list.get(i)[0];
        n += list.get(i)[1] - list.get(i)[0] + 1;
        rangeCumulative[r][i] = n;
      }
      deviceCount[r] = n;
    }
    this.dcc = dcc;
    this.nonDeviceRegion = nonDeviceRegion;
    for (Component c : components) {
      boolean needsDevices = c.mix() == null || c.mix().srvs().stream().anyMatch(s -> !s.nonDevice());
      if (needsDevices && deviceCount[c.region()] == 0) {
        throw new IllegalArgumentException("region " + regionKey(c.region()) + " has traffic but no devices");
      }
    }
  }

  /**
   * The workload of a scenario's regions (all when {@code only} is empty), with the scenario's
   * devices; {@code mix}, when given, replaces every component's SRVs. Regions without workload get
   * one component of weight 1 with {@code mix} or the default mix.
   */
  public static Traffic fromScenario(Scenario scenario, Set<Region> only, SrvMix mix) {
    List<Component> list = new ArrayList<>();
    for (RegionSpec spec : scenario.regions().values()) {
      Region r = spec.region();
      if (!only.isEmpty() && !only.contains(r)) {
        continue;
      }
      boolean any = false;
      for (CategoryLoad load : spec.workload().values()) {
        if (load.perDay() > 0) {
          any = true;
          list.add(new Component(r.ordinal(), r.key() + "." + load.category().key(), load.perDay(),
              mix != null ? mix : load.mix(), mix != null ? List.of() : load.journey(), load.profile()));
        }
      }
      if (!any) {
        list.add(new Component(r.ordinal(), r.key(), 1, mix != null ? mix : parseMix(DEFAULT_MIX), List.of(),
            RateProfile.FLAT));
      }
    }
    if (list.isEmpty()) {
      throw new IllegalArgumentException("none of the regions " + only + " is in the scenario");
    }
    return new Traffic(list, ranges(scenario.devices()), scenario.devices().dccEui64(),
        scenario.devices().nonDeviceRegion().ordinal());
  }

  /** Equal load on each region with {@code mix}, to DeviceRegistry's default devices (serve's default). */
  public static Traffic standard(Set<Region> only, SrvMix mix) {
    Set<Region> regions = only.isEmpty() ? EnumSet.allOf(Region.class) : only;
    DeviceRegistry devices = DeviceRegistry.defaults(regions);
    List<Component> list = new ArrayList<>();
    for (Region r : regions) {
      list.add(new Component(r.ordinal(), r.key(), 1, mix, List.of(), RateProfile.FLAT));
    }
    return new Traffic(list, ranges(devices), devices.dccEui64(), devices.nonDeviceRegion().ordinal());
  }

  /** {@code mix} to explicit device ranges ({@code [first, last]} pairs) whose region is not known. */
  public static Traffic devices(List<long[]> deviceRanges, SrvMix mix, long dccEui64) {
    List<List<long[]>> ranges = emptyRanges();
    ranges.get(OTHER).addAll(deviceRanges);
    return new Traffic(List.of(new Component(OTHER, "devices", 1, mix, List.of(), RateProfile.FLAT)), ranges,
        dccEui64, OTHER);
  }

  /** One empty list of {@code [first, last]} ranges per region slot. */
  private static List<List<long[]>> emptyRanges() {
    List<List<long[]>> ranges = new ArrayList<>(REGIONS);
    for (int r = 0; r < REGIONS; r++) {
      ranges.add(new ArrayList<>());
    }
    return ranges;
  }

  private static List<List<long[]>> ranges(DeviceRegistry devices) {
    List<List<long[]>> ranges = emptyRanges();
    for (DeviceRegistry.Range range : devices.ranges()) {
      ranges.get(range.region().ordinal()).add(new long[] {range.first(), range.last()});
    }
    return ranges;
  }

  /** Parses {@code 4.1.1=30,2.2=25}: SRVs of the catalogue with positive weights. */
  public static SrvMix parseMix(String text) {
    Map<Srv, Double> weights = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      String variant = eq < 0 ? p : p.substring(0, eq).trim();
      Srv srv = CATALOGUE.find(variant).orElseThrow(() ->
          new IllegalArgumentException("--mix: unknown SRV " + variant + " (e.g. 4.1.1=30,2.2=25)"));
      double w;
      try {
        w = eq < 0 ? 1 : Double.parseDouble(p.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--mix: weight of " + variant + " is not a number: " + p);
      }
      if (!(w > 0 && Double.isFinite(w))) {
        throw new IllegalArgumentException("--mix: weight of " + variant + " must be positive: " + p);
      }
      weights.merge(srv, w, Double::sum);
    }
    return new SrvMix(weights);
  }

  /** Parses {@code FIRST..LAST} or a single EUI-64, e.g. {@code 00-DB-FF-01-00-00-00-00..00-DB-FF-01-00-00-03-E7}. */
  public static long[] parseRange(String text) {
    String t = text.trim();
    int dots = t.indexOf("..");
    try {
      long first = Eui64.parse(dots < 0 ? t : t.substring(0, dots).trim());
      long last = dots < 0 ? first : Eui64.parse(t.substring(dots + 2).trim());
      if (Long.compareUnsigned(first, last) > 0) {
        throw new IllegalArgumentException("--devices: range ends before it starts: " + t);
      }
      return new long[] {first, last};
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--devices: " + e.getMessage());
    }
  }

  /** Chooses a request: {@code component} (or one drawn by weight when negative), its SRV and target. */
  void pick(RandomStream random, int component, Pick out) {
    int k = component >= 0 ? component : drawComponent(random.nextDouble());
    Component c = components.get(k);
    int position = c.mix() != null ? c.mix().pickPosition(random.nextDouble()) : random.nextInt(c.journey().size());
    out.srvIndex = srvIndexes[k][position];
    if (srvNonDevice[k][position]) {
      out.target = dcc;
      out.region = nonDeviceRegion;
    } else {
      out.region = c.region();
      out.target = device(c.region(), random.nextDouble());
    }
  }

  private int drawComponent(double u) {
    for (int i = 0; i < cumulative.length - 1; i++) {
      if (u < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  private long device(int region, double u) {
    long index = Math.min(deviceCount[region] - 1, (long) (u * deviceCount[region]));
    long[] cum = rangeCumulative[region];
    for (int i = 0; i < cum.length; i++) {
      if (index < cum[i]) {
        return rangeFirst[region][i] + (index - (i == 0 ? 0 : cum[i - 1]));
      }
    }
    throw new IllegalStateException("device index out of range");
  }

  /** {@code critical[i]}: whether catalogue SRV {@code i} is critical (a transform, then a signed pre-command). */
  static boolean[] criticalSrvs() {
    boolean[] critical = new boolean[CATALOGUE.size()];
    for (int i = 0; i < critical.length; i++) {
      critical[i] = CATALOGUE.get(i).critical();
    }
    return critical;
  }

  /** Whether any request sent is of a critical SRV. */
  public boolean hasCritical() {
    for (int[] indexes : srvIndexes) {
      for (int i : indexes) {
        if (CATALOGUE.get(i).critical()) {
          return true;
        }
      }
    }
    return false;
  }

  List<Component> components() {
    return components;
  }

  /** The regions that receive traffic, as region slots. */
  boolean[] regionsUsed() {
    boolean[] used = new boolean[REGIONS];
    for (Component c : components) {
      boolean device = c.mix() == null || c.mix().srvs().stream().anyMatch(s -> !s.nonDevice());
      boolean nonDevice = c.mix() != null && c.mix().srvs().stream().anyMatch(Srv::nonDevice)
          || c.journey().stream().anyMatch(Srv::nonDevice);
      used[c.region()] |= device;
      used[nonDeviceRegion] |= nonDevice;
    }
    return used;
  }

  /** {@code north}, {@code central}, {@code south} or {@code devices}. */
  public static String regionKey(int slot) {
    return slot == OTHER ? "devices" : Region.of(slot).key();
  }

  /** A one-line description, e.g. {@code north.onDemand 28%, ...}. */
  String describe() {
    StringBuilder b = new StringBuilder();
    double total = 0;
    for (Component c : components) {
      total += c.weight();
    }
    for (Component c : components) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(c.label()).append(' ').append(String.format(Locale.ROOT, "%.0f%%", 100 * c.weight() / total));
    }
    return b.toString();
  }
}
