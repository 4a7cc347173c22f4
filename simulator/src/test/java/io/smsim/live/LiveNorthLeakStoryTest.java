package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smsim.duis.Endpoint;
import io.smsim.duis.RequestId;
import io.smsim.model.Region;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The seed incident played live (DCC Major Incident Review INC00000440855): the North primary's
 * Gateway Scheduler leaks children under steady load until its process table is full and spawns
 * fail. With {@code hardware-only} failover nothing switches and North keeps failing; with
 * {@code health-check} (synthetic probes) the controller fails over to the clean secondary and
 * success resumes. Central and South are unaffected throughout.
 *
 * <p>Scaled for a test: 150 processes, leak ½, 100 North requests/s, time scale 10 (a 500 ms
 * virtual child lifetime is 50 ms real), so the table fills in about 150 / (½·100) = 3 s. The end
 * state is judged on the North requests sent after the turning point (the table full, or the
 * switchover complete) as the server logged it, however long a loaded machine takes to get there.
 */
class LiveNorthLeakStoryTest {

  private static final String SCENARIO = """
      name: live-story
      start: 2019-04-02T10:00
      end: 2019-04-02T12:00
      defaults:
        gateway:
          processLimit: 150
          serviceTime: {install: 100ms, onDemand: 100ms, firmware: 100ms}
          deviceLatency: 400ms
        failover: {policy: POLICY, interval: 2s, failureThreshold: 2, switchover: 4s}
        broker: {rtt: 20ms}
      regions: {north: {}, central: {}, south: {}}
      devices: {north: {count: 100}, central: {count: 100}, south: {count: 100}}
      faults:
        - {kind: leak, region: north, server: primary, at: 2019-04-02T10:00, probability: 0.5}
      """;
  /** North requests sent after the story's turning point, by which the end state is judged (2 s of them). */
  private static final int AFTER = 200;

  @Test
  void hardwareOnlyNeverFailsOverAndNorthKeepsFailing() throws Exception {
    try (LiveFixture live = LiveFixture.start(SCENARIO.replace("POLICY", "hardware-only"), 10)) {
      Story s = drive(live, "process-limit-reached");
      assertThat(s.north.successes).as("North before exhaustion").isGreaterThan(50);
      assertThat(s.north.failures).as("North after exhaustion").isGreaterThan(50);
      assertThat(s.northAfter.failureRatio()).as("North sent after the table filled").isGreaterThan(0.9);
      assertThat(s.others.failures).as("Central and South").isZero();
      assertThat(s.others.successes).isGreaterThan(100);
      JsonNode north = live.region("north");
      assertThat(north.get("failovers").asInt()).isZero();
      assertThat(north.get("active").asText()).isEqualTo("primary");
      JsonNode primary = north.get("servers").get(0);
      assertThat(primary.get("leaked").asInt()).isEqualTo(150);
      assertThat(primary.get("outcomes").get("spawn_failed").asLong()).isGreaterThan(50);
      assertThat(live.log()).contains("process-limit-reached").doesNotContain("failover");
    }
  }

  @Test
  void healthCheckFailsOverToTheSecondaryAndSuccessResumes() throws Exception {
    try (LiveFixture live = LiveFixture.start(SCENARIO.replace("POLICY", "health-check"), 10)) {
      Story s = drive(live, "switchover-complete");
      assertThat(s.north.failures).as("North failed while exhausted and switching").isGreaterThan(0);
      assertThat(s.northAfter.successRatio()).as("North sent after the switchover").isGreaterThan(0.95);
      assertThat(s.others.failures).as("Central and South").isZero();
      JsonNode north = live.region("north");
      assertThat(north.get("failovers").asInt()).isEqualTo(1);
      assertThat(north.get("active").asText()).isEqualTo("secondary");
      assertThat(north.get("servers").get(1).get("outcomes").get("success").asLong()).isGreaterThan(50);
      assertThat(live.log()).contains("failover primary (health-check-failed -> secondary");
      for (String region : List.of("central", "south")) {
        assertThat(live.region(region).get("failovers").asInt()).isZero();
      }
    }
  }

  /** Final outcomes counted by region group. */
  private static final class Tally {
    int successes;
    int failures;

    void add(boolean ok) {
      if (ok) {
        successes++;
      } else {
        failures++;
      }
    }

    double failureRatio() {
      return failures / (double) Math.max(1, successes + failures);
    }

    double successRatio() {
      return successes / (double) Math.max(1, successes + failures);
    }
  }

  private record Story(Tally north, Tally northAfter, Tally others) {
  }

  /**
   * 100 North and 30 Central and 30 South requests per second until {@code turn} is in the server's
   * log and {@link #AFTER} more North requests have been sent since (a minute at most), then the
   * tally of every final response. The story is judged on what was sent after the turn as the
   * server saw it, not on a wall-clock second a loaded machine may not keep.
   */
  private static Story drive(LiveFixture live, String turn) throws Exception {
    List<CompletableFuture<?>> acks = new ArrayList<>();
    Set<Long> afterTurn = new HashSet<>();
    long start = System.nanoTime();
    long giveUp = start + TimeUnit.SECONDS.toNanos(60);
    boolean turned = false;
    int sent = 0;
    for (int tick = 0; afterTurn.size() < AFTER && System.nanoTime() < giveUp; tick++) {
      long wait = start + TimeUnit.MILLISECONDS.toNanos(tick * 10L) - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait); // pacing the load, not waiting for a result
      }
      turned = turned || live.log().contains(turn);
      acks.add(live.postAsync(Endpoint.SEND_COMMAND, live.read(Region.NORTH, tick % 100)));
      if (turned) {
        afterTurn.add(live.lastCounter());
      }
      sent++;
      if (tick % 3 == 0) {
        acks.add(live.postAsync(Endpoint.SEND_COMMAND, live.read(tick % 2 == 0 ? Region.CENTRAL : Region.SOUTH,
            tick % 100)));
        acks.add(live.postAsync(Endpoint.SEND_COMMAND, live.read(tick % 2 == 0 ? Region.SOUTH : Region.CENTRAL,
            (tick + 1) % 100)));
        sent += 2;
      }
    }
    assertThat(turned).as(turn + " within a minute").isTrue();
    for (CompletableFuture<?> a : acks) {
      a.get(60, TimeUnit.SECONDS);
    }
    List<ResponseSink.Received> got = live.sink.await(sent, 60_000);
    assertThat(got).hasSize(sent);
    Tally north = new Tally();
    Tally after = new Tally();
    Tally others = new Tally();
    for (ResponseSink.Received r : got) {
      boolean ok = r.response().isSuccess();
      RequestId id = r.response().requestId();
      boolean isNorth = ((id.target() >>> 32) & 0xFF) == Region.NORTH.ordinal() + 1;
      (isNorth ? north : others).add(ok);
      if (afterTurn.contains(id.counter())) {
        after.add(ok);
      }
    }
    assertThat(after.successes + after.failures).as("answers to the requests sent after the turn").isEqualTo(AFTER);
    return new Story(north, after, others);
  }
}
