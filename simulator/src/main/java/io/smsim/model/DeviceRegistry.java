package io.smsim.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which devices exist and in which region: what the DSP checks before it acknowledges a request
 * (an unknown target is DUIS E19, "Device doesn't exist") and how it routes the request to a
 * region's CSP. Devices are EUI-64 ranges per region; a {@code count} in a scenario is a range of
 * generated EUI-64s ({@link #generated}). Non-device requests (command variant 8) name the DCC's own
 * EUI-64 as target ({@code 90-B3-D5-1F-30-00-00-02} in the public DCC Boxed samples); they go to
 * {@link #nonDeviceRegion()}.
 *
 * <p>Every registry built from a scenario also knows DCC Boxed's reference devices
 * ({@link DccBoxedDevices}) in the non-device region, unless the scenario's {@code devices:} turns
 * them off ({@code dccBoxed: false}) or places them itself ({@link #withDccBoxedDevices}).
 *
 * <p>EUI-64s are held in a {@code long} and compared unsigned. Lookups are a binary search over the
 * ranges, sorted and checked for overlaps at construction. Immutable and thread-safe.
 *
 * @param dccEui64 the DCC's EUI-64, target of non-device requests
 * @param nonDeviceRegion the region whose gateway serves non-device requests sent to the DCC
 * @param ranges the device ranges; no two may overlap
 */
public record DeviceRegistry(long dccEui64, Region nonDeviceRegion, List<Range> ranges) {

  /** The DCC's EUI-64 in the public DCC Boxed samples (target of their non-device requests). */
  public static final long DCC_BOXED_EUI64 = 0x90B3_D51F_3000_0002L;
  /** Devices generated per region when a scenario has no {@code devices} section. */
  public static final int DEFAULT_COUNT_PER_REGION = 1000;
  private static final long GENERATED_PREFIX = 0x00DB_FF00_0000_0000L;

  /** Devices {@code first..last} (inclusive, unsigned) in {@code region}. */
  public record Range(Region region, long first, long last) {
    public Range {
      Objects.requireNonNull(region, "region");
      if (Long.compareUnsigned(first, last) > 0) {
        throw new IllegalArgumentException("range must not end before it starts: "
            + Long.toHexString(first) + ".." + Long.toHexString(last));
      }
    }

    /** Number of devices in the range (saturates at {@code Long.MAX_VALUE}). */
    public long size() {
      long n = last - first + 1;
      return n <= 0 ? Long.MAX_VALUE : n;
    }
  }

  public DeviceRegistry {
    Objects.requireNonNull(nonDeviceRegion, "nonDeviceRegion");
    Range[] sorted = ranges.toArray(new Range[0]);
    Arrays.sort(sorted, Comparator.comparing(Range::first, Long::compareUnsigned));
    for (int i = 1; i < sorted.length; i++) {
      if (Long.compareUnsigned(sorted[i].first(), sorted[i - 1].last()) <= 0) {
        throw new IllegalArgumentException("device ranges overlap: " + sorted[i - 1] + " and " + sorted[i]);
      }
    }
    ranges = List.of(sorted);
  }

  /**
   * The EUI-64 of generated device {@code index} of a region: {@code 00-DB-FF-0R-NN-NN-NN-NN}
   * with R = 1 (north), 2 (central) or 3 (south) and N the index, e.g. north's first device is
   * {@code 00-DB-FF-01-00-00-00-00}.
   */
  public static long generated(Region region, long index) {
    if (index < 0 || index > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("generated device index must be in [0, 2^32): " + index);
    }
    return GENERATED_PREFIX | ((long) (region.ordinal() + 1) << 32) | index;
  }

  /** The range of {@code count} generated devices of a region. */
  public static Range generatedRange(Region region, long count) {
    if (count <= 0 || count > 0x1_0000_0000L) {
      throw new IllegalArgumentException("count must be in [1, 2^32]: " + count);
    }
    return new Range(region, generated(region, 0), generated(region, count - 1));
  }

  /**
   * The registry used when a scenario names no devices: {@value #DEFAULT_COUNT_PER_REGION} generated per
   * region, and DCC Boxed's reference devices in the first region.
   */
  public static DeviceRegistry defaults(Set<Region> regions) {
    DeviceRegistry generated = generatedOnly(regions);
    return generated.withDccBoxedDevices(generated.nonDeviceRegion());
  }

  /** {@value #DEFAULT_COUNT_PER_REGION} generated devices per region and nothing else. */
  public static DeviceRegistry generatedOnly(Set<Region> regions) {
    List<Range> ranges = new ArrayList<>();
    Region first = null;
    for (Region r : Region.values()) {
      if (regions.contains(r)) {
        ranges.add(generatedRange(r, DEFAULT_COUNT_PER_REGION));
        first = first == null ? r : first;
      }
    }
    return new DeviceRegistry(DCC_BOXED_EUI64, first == null ? Region.NORTH : first, ranges);
  }

  /**
   * This registry plus DCC Boxed's reference devices ({@link DccBoxedDevices}) in {@code region}; a
   * reference device already in one of the ranges keeps its place.
   */
  public DeviceRegistry withDccBoxedDevices(Region region) {
    List<Range> all = new ArrayList<>(ranges);
    for (long eui : DccBoxedDevices.eui64s()) {
      if (regionOf(eui) == null && eui != dccEui64) {
        all.add(new Range(region, eui, eui));
      }
    }
    return new DeviceRegistry(dccEui64, nonDeviceRegion, all);
  }

  /** The region of device {@code eui64}, or {@code null} when no such device exists. */
  public Region regionOf(long eui64) {
    int lo = 0;
    int hi = ranges.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Range r = ranges.get(mid);
      if (Long.compareUnsigned(eui64, r.first()) < 0) {
        hi = mid - 1;
      } else if (Long.compareUnsigned(eui64, r.last()) > 0) {
        lo = mid + 1;
      } else {
        return r.region();
      }
    }
    return null;
  }

  /** Whether {@code eui64} is the DCC itself. */
  public boolean isDcc(long eui64) {
    return eui64 == dccEui64;
  }

  /** Devices registered in {@code region}. */
  public long count(Region region) {
    long n = 0;
    for (Range r : ranges) {
      if (r.region() == region) {
        n += r.size();
      }
    }
    return n;
  }
}
