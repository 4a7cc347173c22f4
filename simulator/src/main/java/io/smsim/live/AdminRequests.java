package io.smsim.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsim.model.Fault;
import io.smsim.model.Region;
import io.smsim.model.ServerTarget;
import io.smsim.model.Timebase;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads the admin API's JSON bodies into model values, with the scenario format's names and
 * defaults ({@code faults[]} in a scenario): a fault to inject, a fault to clear, a server to
 * restart. Every mistake is an {@link IllegalArgumentException} whose message names the field, the
 * rule and the value, sent back as HTTP 400.
 */
final class AdminRequests {

  /** {@code POST /admin/faults} either injects {@link #fault} or clears {@link #clearId} / all. */
  record FaultCommand(Region region, Fault fault, ServerTarget target, Integer clearId, boolean clearAll) {
  }

  /** {@code POST /admin/restart} and {@code /admin/failover}. */
  record ServerCommand(Region region, ServerTarget target) {
  }

  private static final List<String> FAULT_FIELDS = List.of("kind", "region", "server", "probability",
      "failureProbability", "slowdown", "addMs", "clear");

  private final ObjectMapper json;

  AdminRequests(ObjectMapper json) {
    this.json = json;
  }

  FaultCommand fault(byte[] body) {
    JsonNode n = object(body);
    checkFields(n, FAULT_FIELDS);
    if (n.has("clear")) {
      JsonNode c = n.get("clear");
      if (c.isTextual() && c.asText().equals("all")) {
        return new FaultCommand(null, null, null, null, true);
      }
      if (!c.canConvertToInt() || !c.isIntegralNumber()) {
        throw new IllegalArgumentException("clear must be a fault id or \"all\": " + c);
      }
      return new FaultCommand(null, null, null, c.asInt(), false);
    }
    String kind = text(n, "kind", null);
    if (kind == null) {
      throw new IllegalArgumentException("kind is required (leak, hardware-failure, gray-failure, broker-rtt, "
          + "wan-outage, reaper-outage), or clear: ID|\"all\"");
    }
    Region region = region(n);
    Fault fault = switch (kind) {
      case "leak" -> new Fault.Leak(number(n, "probability", 0.01, 0, 1));
      case "hardware-failure" -> new Fault.HardwareFailure();
      case "gray-failure" -> new Fault.GrayFailure(number(n, "failureProbability", 0.5, 0, 1),
          number(n, "slowdown", 1, 1, Fault.GrayFailure.MAX_SLOWDOWN));
      case "broker-rtt" -> new Fault.BrokerRtt(Math.round(number(n, "addMs", 500, 0, Timebase.MAX_NANOS / 1e6) * 1e6));
      case "wan-outage" -> new Fault.WanOutage();
      case "reaper-outage" -> new Fault.ReaperOutage();
      default -> throw new IllegalArgumentException("kind must be one of leak, hardware-failure, gray-failure, "
          + "broker-rtt, wan-outage, reaper-outage: " + kind);
    };
    if (!fault.serverFault() && n.has("server")) {
      throw new IllegalArgumentException(kind + " affects the whole region; server does not apply");
    }
    ServerTarget target = target(n, kind.equals("leak") ? ServerTarget.BOTH : ServerTarget.PRIMARY);
    return new FaultCommand(region, fault, target, null, false);
  }

  ServerCommand server(byte[] body) {
    JsonNode n = object(body);
    checkFields(n, List.of("region", "server"));
    return new ServerCommand(region(n), target(n, ServerTarget.ACTIVE));
  }

  private JsonNode object(byte[] body) {
    if (body.length == 0) {
      throw new IllegalArgumentException("a JSON object body is required");
    }
    try {
      JsonNode n = json.readTree(body);
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException("body must be a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("body is not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("body could not be read: " + e.getMessage());
    }
  }

  private static void checkFields(JsonNode n, List<String> accepted) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!accepted.contains(f)) {
        throw new IllegalArgumentException("unknown field " + f + "; accepted: " + String.join(", ", accepted));
      }
    }
  }

  private static Region region(JsonNode n) {
    String r = text(n, "region", null);
    if (r == null) {
      throw new IllegalArgumentException("region is required (north, central, south)");
    }
    try {
      return Region.ofKey(r.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("region must be north, central or south: " + r);
    }
  }

  private static ServerTarget target(JsonNode n, ServerTarget fallback) {
    String s = text(n, "server", null);
    if (s == null) {
      return fallback;
    }
    for (ServerTarget t : ServerTarget.values()) {
      if (t.key().equals(s)) {
        return t;
      }
    }
    throw new IllegalArgumentException("server must be primary, secondary, both or active: " + s);
  }

  private static String text(JsonNode n, String field, String fallback) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string: " + v);
    }
    return v.asText();
  }

  /**
   * A number field within [min, max] (so finite: JSON's 1e400 reads as infinity and is refused), or
   * {@code fallback} when absent; the model's records check their own ranges again.
   */
  private static double number(JsonNode n, String field, double fallback, double min, double max) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw new IllegalArgumentException(field + " must be a number: " + v);
    }
    double d = v.asDouble();
    if (!(d >= min && d <= max)) {
      throw new IllegalArgumentException(field + " must be in [" + plain(min) + ", " + plain(max) + "]"
          + (field.equals("addMs") ? " (100 years, the virtual clock's range)" : "") + ": " + v);
    }
    return d;
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
