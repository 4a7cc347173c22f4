package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.smsim.duis.DuisResponseParser;
import io.smsim.duis.Endpoint;
import io.smsim.load.LoadOptions;
import io.smsim.load.LoadResult;
import io.smsim.load.LoadRun;
import io.smsim.load.Pacing;
import io.smsim.load.Traffic;
import io.smsim.model.Region;
import io.smsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Overload is backpressure, not loss (issue 11's acceptance): the Service User's response URL
 * takes 20 ms per POST on one thread, so it can take at most 50 final responses a second; {@code
 * smsim load}'s open-model client offers 250 requests a second for 10 s, whatever answers come. Then
 * every request has exactly one outcome on each side: each acknowledged (I99) request's final
 * response arrives exactly once, nothing is undeliverable or unfinished, every other request was
 * refused synchronously with HTTP 503 (E20), the heap stays under its limit, and a request sent
 * after the flood is acknowledged and answered within 5 s.
 *
 * <p>The assertions are on accounting, which a loaded machine cannot change; the only rate in them
 * is that the offer was at least 3 times what serve sustained, measured in the same run (the
 * receiver's bound makes it 5 times on an idle machine, and a slower machine only lowers what serve
 * sustains).
 */
class OverloadBackpressureTest {

  private static final String SCENARIO = """
      name: overload
      start: 2019-04-02T10:00
      end: 2019-04-02T11:00
      defaults:
        gateway: {deviceLatency: 10ms, serviceTime: {onDemand: 1ms}}
      regions: {north: {}}
      devices: {north: {count: 10}}
      """;
  private static final Pattern REQUEST_ID = Pattern.compile("<sr:RequestID>([^<]+)</sr:RequestID>");
  private static final double OFFERED_PER_SECOND = 250;
  private static final long FLOOD_SECONDS = 10;
  private static final int MAX_IN_FLIGHT = 50;

  /** A Service User's response URL that takes 20 ms per POST on one thread: at most 50 responses a second. */
  private static final class SlowReceiver implements AutoCloseable {
    final Map<String, AtomicInteger> byRequestId = new ConcurrentHashMap<>();
    final AtomicLong total = new AtomicLong();
    private final HttpServer server;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    SlowReceiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
      server.createContext("/responses", exchange -> {
        try (InputStream in = exchange.getRequestBody()) {
          String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          TimeUnit.MILLISECONDS.sleep(20);
          Matcher m = REQUEST_ID.matcher(body);
          byRequestId.computeIfAbsent(m.find() ? m.group(1) : "(none)", k -> new AtomicInteger()).incrementAndGet();
          total.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          exchange.close();
        }
      });
      server.setExecutor(thread);
      server.start();
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/responses");
    }

    @Override
    public void close() {
      server.stop(0);
      thread.shutdownNow();
    }
  }

  private static void await(String what, long timeoutMillis, java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what + " within " + timeoutMillis + " ms").isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  @Test
  void fiveTimesWhatTheResponseUrlTakesForTenSecondsLosesNothingAndRefusesTheExcessWith503() throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (SlowReceiver receiver = new SlowReceiver();
        LiveFixture live = LiveFixture.start(SCENARIO, 1, o -> o.withResponseUrl(receiver.url())
            .withLimits(1 << 20, 10_000, 60_000, MAX_IN_FLIGHT))) {
      LoadOptions options = LoadOptions.defaults(URI.create("http://127.0.0.1:" + live.emulator.dspPort()),
          new Pacing.Constant(OFFERED_PER_SECOND)).withDuration(TimeUnit.SECONDS.toNanos(FLOOD_SECONDS))
          .withConnections(16, 1).withAckOnly(true).withTimeouts(TimeUnit.SECONDS.toNanos(10), 0);
      Traffic traffic = Traffic.fromScenario(ScenarioLoader.fromString("overload.yaml", SCENARIO), Set.of(),
          Traffic.parseMix("4.1.1"));
      AtomicLong peakHeap = new AtomicLong();
      AtomicLong receivedAtStart = new AtomicLong();
      AtomicLong floodStart = new AtomicLong();
      Thread sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            TimeUnit.MILLISECONDS.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      sampler.start();
      LoadResult flood;
      try {
        flood = LoadRun.run(options, traffic, null, null, null, c -> {
          floodStart.set(System.nanoTime());
          receivedAtStart.set(receiver.total.get());
        });
      } finally {
        sampler.interrupt();
        sampler.join();
      }
      double floodSeconds = (System.nanoTime() - floodStart.get()) / 1e9;
      double sustained = (receiver.total.get() - receivedAtStart.get()) / floodSeconds;

      // after the flood: a request is acknowledged (503 while the backlog drains) and answered within 5 s
      long after = System.nanoTime();
      long refusedAfter = 0;
      String oneId = null;
      DuisResponseParser parser = DuisResponseParser.create();
      while (oneId == null) {
        byte[] one = live.read(Region.NORTH, 3);
        HttpResponse<String> ack = live.post(Endpoint.SEND_COMMAND, one);
        String code = parser.parse(ack.body().getBytes(StandardCharsets.UTF_8)).responseCode();
        if (ack.statusCode() == 200 && code.equals("I99")) {
          Matcher m = REQUEST_ID.matcher(new String(one, StandardCharsets.UTF_8));
          assertThat(m.find()).isTrue();
          oneId = m.group(1);
        } else {
          assertThat(ack.statusCode() + " " + code).isEqualTo("503 E20");
          refusedAfter++;
          assertThat(System.nanoTime() - after).as("acknowledged within 5 s of the flood")
              .isLessThan(TimeUnit.SECONDS.toNanos(5));
          TimeUnit.MILLISECONDS.sleep(20);
        }
      }
      String id = oneId;
      await("the request after the flood answered", 5000, () -> receiver.byRequestId.containsKey(id));
      await("every accepted request ended", 30_000, () -> live.emulator.summary().unfinished() == 0);

      LiveEmulator.Summary s = live.emulator.summary();
      LoadResult.Outcomes o = flood.outcomes();
      long refusedByLoad = o.errors().getOrDefault("ack:E20", 0L);
      System.out.printf("overload: offered %d requests at %.0f/s for %d s (achieved %.0f/s); serve sustained %.0f "
          + "final responses/s (%.1fx); load saw %d I99, %d 503/E20, other %s; serve: %s; received %d; peak heap %d "
          + "of %d MB%n", o.total(), OFFERED_PER_SECOND, FLOOD_SECONDS, flood.sends().achievedPerSecond(), sustained,
          flood.sends().achievedPerSecond() / sustained, o.ok(), refusedByLoad, o.errors(), s, receiver.total.get(),
          peakHeap.get() >> 20, memory.getHeapMemoryUsage().getMax() >> 20);

      // the client's side: every request has one outcome; I99 or 503/E20 unless the client itself lost the
      // answer (a machine so starved that its own connections time out): serve's counts then bound it
      assertThat(o.balanced()).isTrue();
      assertThat(flood.sends().achievedPerSecond()).as("offered at least 3x what serve sustained")
          .isGreaterThanOrEqualTo(3 * sustained);
      assertThat(refusedByLoad).as("the excess refused with 503").isPositive();
      boolean clientSawEveryAnswer = o.timeouts() == 0 && o.errors().keySet().equals(Set.of("ack:E20"));
      if (clientSawEveryAnswer) {
        assertThat(o.ok() + refusedByLoad).isEqualTo(o.total());
        assertThat(s.accepted()).isEqualTo(o.ok() + 1);
        assertThat(s.refused()).isEqualTo(refusedByLoad + refusedAfter);
      } else {
        assertThat(o.ok() + 1).isLessThanOrEqualTo(s.accepted());
        assertThat(refusedByLoad + refusedAfter).isLessThanOrEqualTo(s.refused());
      }
      // serve's side: every accepted request ended delivered, none undeliverable
      assertThat(s.unfinished()).isZero();
      assertThat(s.undeliverable()).isZero();
      assertThat(s.delivered()).isEqualTo(s.accepted());
      // the receiver's side: each final response exactly once
      assertThat(receiver.total.get()).isEqualTo(s.delivered());
      assertThat(receiver.byRequestId).hasSize((int) s.delivered()).doesNotContainKey("(none)");
      assertThat(receiver.byRequestId.values()).as("exactly once").allMatch(c -> c.get() == 1);
      assertThat(peakHeap.get()).isLessThan(memory.getHeapMemoryUsage().getMax());
      String metrics = live.adminGet("/metrics").body();
      assertThat(metrics).doesNotContain("result=\"dropped\"")
          .contains("smsim_http_responses_total{code=\"503\",server=\"duis\"} " + (double) s.refused());
    }
  }
}
