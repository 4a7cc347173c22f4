package io.smsim.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.smsim.model.Region;
import io.smsim.model.ServerRole;
import io.smsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What the admin API does: snapshots of every region (each taken on its own event loop, so the
 * model is never read across threads), Prometheus scrapes, fault injection and clearing, restarts
 * and manual failovers, each run on the region's loop. Results are futures the handler answers from.
 */
final class AdminCommands {

  private final Scenario scenario;
  private final LiveOptions options;
  private final VirtualClock clock;
  private final LiveCluster[] clusters;
  private final DspService dsp;
  private final ResponseDelivery delivery;
  private final LiveMetrics metrics;
  private final LiveEvents events;
  private final AtomicInteger faultIds;
  private final IntSupplier dspPort;
  /** Pretty output; a body naming a field twice is refused (which one would count is not the sender's to guess). */
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private final AdminRequests adminRequests = new AdminRequests(json);

  AdminCommands(Scenario scenario, LiveOptions options, VirtualClock clock, LiveCluster[] clusters, DspService dsp,
      ResponseDelivery delivery, LiveMetrics metrics, LiveEvents events, AtomicInteger faultIds, IntSupplier dspPort) {
    this.scenario = scenario;
    this.options = options;
    this.clock = clock;
    this.clusters = clusters;
    this.dsp = dsp;
    this.delivery = delivery;
    this.metrics = metrics;
    this.events = events;
    this.faultIds = faultIds;
    this.dspPort = dspPort;
  }

  /** A snapshot of every region, each taken on its own loop. */
  CompletableFuture<LiveStatus.Emulation> status() {
    return regions().thenApply(regions -> {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("port", dspPort.getAsInt());
      d.put("inFlight", dsp.inFlight());
      d.put("responseUrl", options.responseUrl() == null ? null : options.responseUrl().toString());
      d.put("pendingDeliveries", delivery.pending());
      long now = clock.nowVirtualNanos();
      return new LiveStatus.Emulation(scenario.name(), clock.timeScale(), clock.timebase().instantOf(now).toString(),
          clock.timebase().localOf(now).toLocalDateTime().toString(), d, regions, events.recent());
    });
  }

  CompletableFuture<byte[]> metricsText() {
    return regions().thenApply(regions -> metrics.scrape(regions, dsp.inFlight()));
  }

  private CompletableFuture<List<LiveStatus.Region>> regions() {
    List<CompletableFuture<LiveStatus.Region>> parts = new ArrayList<>();
    for (LiveCluster c : clusters) {
      if (c != null) {
        parts.add(onLoop(c, c::status));
      }
    }
    return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0]))
        .thenApply(v -> parts.stream().map(CompletableFuture::join).toList());
  }

  CompletableFuture<Map<String, Object>> faultCommand(byte[] body) {
    AdminRequests.FaultCommand cmd = adminRequests.fault(body);
    if (cmd.clearAll()) {
      List<CompletableFuture<Integer>> parts = new ArrayList<>();
      for (LiveCluster c : clusters) {
        if (c != null) {
          parts.add(onLoop(c, c.ops::clearAll));
        }
      }
      return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).thenApply(v ->
          Map.of("cleared", parts.stream().mapToInt(CompletableFuture::join).sum()));
    }
    if (cmd.clearId() != null) {
      int id = cmd.clearId();
      List<CompletableFuture<Boolean>> parts = new ArrayList<>();
      for (LiveCluster c : clusters) {
        if (c != null) {
          parts.add(onLoop(c, () -> c.ops.clear(id)));
        }
      }
      return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
        if (parts.stream().noneMatch(CompletableFuture::join)) {
          throw new IllegalArgumentException("no fault in force with id " + id);
        }
        return Map.of("cleared", 1, "id", id);
      });
    }
    LiveCluster c = cluster(cmd.region());
    LiveAlerts.checkRealRate(cmd.fault(), clock.timeScale());
    int id = faultIds.incrementAndGet();
    return onLoop(c, () -> {
      c.ops.inject(id, cmd.fault(), cmd.target(), "admin");
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("kind", cmd.fault().key());
      m.put("region", c.region.key());
      m.put("server", cmd.fault().serverFault() ? cmd.target().key() : "");
      return m;
    });
  }

  CompletableFuture<Map<String, Object>> restartCommand(byte[] body) {
    AdminRequests.ServerCommand cmd = adminRequests.server(body);
    LiveCluster c = cluster(cmd.region());
    return onLoop(c, () -> {
      List<String> restarted = new ArrayList<>();
      for (ServerRole role : c.ops.roles(cmd.target())) {
        c.ops.restart(role, "admin API");
        restarted.add(role.key());
      }
      return Map.of("region", c.region.key(), "restarted", restarted);
    });
  }

  CompletableFuture<Map<String, Object>> failoverCommand(byte[] body) {
    AdminRequests.ServerCommand cmd = adminRequests.server(body);
    LiveCluster c = cluster(cmd.region());
    return onLoop(c, () -> Map.of("region", c.region.key(), "started", c.ops.manualFailover()));
  }

  private LiveCluster cluster(Region region) {
    LiveCluster c = clusters[region.ordinal()];
    if (c == null) {
      throw new IllegalArgumentException("region is not in the scenario: " + region.key());
    }
    return c;
  }

  private static <T> CompletableFuture<T> onLoop(LiveCluster c, Supplier<T> task) {
    CompletableFuture<T> f = new CompletableFuture<>();
    c.loop.execute(() -> {
      try {
        f.complete(task.get());
      } catch (RuntimeException e) {
        f.completeExceptionally(e);
      }
    });
    return f;
  }

  byte[] json(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

}
