package io.smsim.load;

import io.smsim.model.Region;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fault a failover bench injects, written {@code KIND[:REGION[:SERVER]][,param=value...]},
 * e.g. {@code leak:north:primary,probability=0.5} or {@code hardware-failure:south}; sent to the
 * emulation's admin API ({@code POST /admin/faults}) with the scenario format's names.
 *
 * @param server primary, secondary, both or active; empty for region-wide faults (broker-rtt, wan-outage)
 */
public record BenchFault(String kind, Region region, String server, Map<String, Double> params) {

  /** The seed incident as a drill: CSP North's primary Gateway Scheduler leaks half its children. */
  public static final String SEED_DRILL = "leak:north:primary,probability=0.5";

  private static final Map<String, List<String>> PARAMS = Map.of(
      "leak", List.of("probability"),
      "hardware-failure", List.of(),
      "gray-failure", List.of("failureProbability", "slowdown"),
      "broker-rtt", List.of("addMs"),
      "wan-outage", List.of());

  public BenchFault {
    params = Map.copyOf(params);
  }

  public static BenchFault parse(String text) {
    String[] parts = text.trim().split(",");
    String[] head = parts[0].trim().split(":");
    String kind = head[0].trim();
    if (!PARAMS.containsKey(kind)) {
      throw new IllegalArgumentException("--fault kind must be one of leak, hardware-failure, gray-failure, broker-rtt, "
          + "wan-outage (e.g. " + SEED_DRILL + "): " + text);
    }
    if (head.length > 3) {
      throw new IllegalArgumentException("--fault must be KIND[:REGION[:SERVER]][,param=value...]: " + text);
    }
    Region region;
    try {
      region = head.length > 1 ? Region.ofKey(head[1].trim().toLowerCase(Locale.ROOT)) : Region.NORTH;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--fault region must be north, central or south: " + text);
    }
    boolean regionWide = kind.equals("broker-rtt") || kind.equals("wan-outage");
    String server = regionWide ? "" : head.length > 2 ? head[2].trim() : "primary";
    if (regionWide && head.length > 2) {
      throw new IllegalArgumentException("--fault " + kind + " affects the whole region; give no server: " + text);
    }
    if (!regionWide && !List.of("primary", "secondary", "both", "active").contains(server)) {
      throw new IllegalArgumentException("--fault server must be primary, secondary, both or active: " + text);
    }
    Map<String, Double> params = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      String name = kv[0].trim();
      if (kv.length != 2 || !PARAMS.get(kind).contains(name)) {
        throw new IllegalArgumentException("--fault " + kind + " takes " + (PARAMS.get(kind).isEmpty() ? "no parameters"
            : String.join(", ", PARAMS.get(kind)) + " as name=value") + ": " + parts[i].trim());
      }
      try {
        params.put(name, Double.parseDouble(kv[1].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--fault " + name + " must be a number: " + kv[1].trim());
      }
    }
    return new BenchFault(kind, region, server, params);
  }

  /** The admin API body. */
  String adminJson() {
    StringBuilder b = new StringBuilder("{\"kind\":\"").append(kind).append("\",\"region\":\"").append(region.key())
        .append('"');
    if (!server.isEmpty()) {
      b.append(",\"server\":\"").append(server).append('"');
    }
    for (Map.Entry<String, Double> e : params.entrySet()) {
      b.append(",\"").append(e.getKey()).append("\":").append(e.getValue());
    }
    return b.append('}').toString();
  }

  /** The body of the scripted restart of the faulted server. */
  String restartJson() {
    String s = server.isEmpty() || server.equals("both") ? "active" : server;
    return "{\"region\":\"" + region.key() + "\",\"server\":\"" + s + "\"}";
  }

  /** {@code leak on north primary (probability 0.5)}. */
  public String describe() {
    StringBuilder b = new StringBuilder(kind).append(" on ").append(region.key());
    if (!server.isEmpty()) {
      b.append(' ').append(server);
    }
    if (!params.isEmpty()) {
      b.append(" (");
      boolean first = true;
      for (Map.Entry<String, Double> e : params.entrySet()) {
        b.append(first ? "" : ", ").append(e.getKey()).append(' ').append(Format.number(e.getValue()));
        first = false;
      }
      b.append(')');
    }
    return b.toString();
  }
}
