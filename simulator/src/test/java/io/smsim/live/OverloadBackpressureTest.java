package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.smsim.duis.DuisResponseParser;
import io.smsim.duis.Endpoint;
import io.smsim.model.Region;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * Overload is backpressure, not loss: with a response URL that takes 20 ms per POST, {@code serve}
 * is flooded at three times the rate it was measured to sustain, for 10 s. Every acknowledged
 * request's final response arrives exactly once, nothing is undeliverable, the excess is refused
 * synchronously with HTTP 503 (E20), the heap stays under its limit, and a request sent after the
 * flood is acknowledged and answered within 5 s. The test is about accounting, not speed: the rate
 * is measured on this machine first, whatever its load.
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

  /** A Service User's response URL that takes 20 ms per POST, with 4 threads: about 200 responses a second. */
  private static final class SlowReceiver implements AutoCloseable {
    final Map<String, AtomicInteger> byRequestId = new ConcurrentHashMap<>();
    final AtomicLong total = new AtomicLong();
    final AtomicLong firstNanos = new AtomicLong();
    final AtomicLong lastNanos = new AtomicLong();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    SlowReceiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
      server.createContext("/responses", exchange -> {
        try (InputStream in = exchange.getRequestBody()) {
          String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          TimeUnit.MILLISECONDS.sleep(20);
          Matcher m = REQUEST_ID.matcher(body);
          if (m.find()) {
            byRequestId.computeIfAbsent(m.group(1), k -> new AtomicInteger()).incrementAndGet();
          }
          total.incrementAndGet();
          firstNanos.compareAndSet(0, System.nanoTime());
          lastNanos.set(System.nanoTime());
          exchange.sendResponseHeaders(200, -1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          exchange.close();
        }
      });
      server.setExecutor(threads);
      server.start();
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/responses");
    }

    @Override
    public void close() {
      server.stop(0);
      threads.shutdownNow();
    }
  }

  /** What the sender saw: acknowledged RequestIDs, refusals, anything else. */
  private static final class Sent {
    final Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong notSent = new AtomicLong();
    final List<String> other = java.util.Collections.synchronizedList(new ArrayList<>());
  }

  private static final DuisResponseParser PARSER = DuisResponseParser.create();

  /**
   * Sends at {@code ratePerSec} for {@code seconds}, open loop, over at most 64 keep-alive
   * connections (as a Service User's system would; not a connection per request); returns when
   * every answer is in.
   */
  private static void send(LiveFixture live, LoopbackHttpClient client, Sent sent, double ratePerSec, double seconds)
      throws Exception {
    InetSocketAddress to = new InetSocketAddress("127.0.0.1", live.emulator.dspPort());
    List<CompletableFuture<Void>> answers = new ArrayList<>();
    long start = System.nanoTime();
    long n = Math.round(ratePerSec * seconds);
    for (long i = 0; i < n; i++) {
      long wait = start + Math.round(i * 1e9 / ratePerSec) - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      byte[] request = live.read(Region.NORTH, i % 10);
      String id = requestId(new String(request, StandardCharsets.UTF_8));
      answers.add(client.send(to, LoopbackHttpClient.post(to, Endpoint.SEND_COMMAND.path(), request,
          HttpResponses.XML), TimeUnit.SECONDS.toNanos(30)).thenAccept(r -> record(sent, id, r)));
    }
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
  }

  private static void record(Sent sent, String id, HttpResult r) {
    if (r.failure() == HttpResult.Failure.OVERLOADED) {
      sent.notSent.incrementAndGet(); // the test's own client found no connection within 10 s: never sent
      return;
    }
    if (r.failure() != HttpResult.Failure.NONE) {
      sent.other.add(id + ": " + r.describe());
      return;
    }
    String code;
    try {
      code = PARSER.parse(r.body()).responseCode();
    } catch (io.smsim.duis.DuisRejectedException e) {
      sent.other.add(id + ": HTTP " + r.status() + " unparsable: " + r.bodyText());
      return;
    }
    if (r.status() == 200 && code.equals("I99")) {
      sent.acknowledged.put(id, true);
    } else if (r.status() == 503 && code.equals("E20")) {
      sent.refused.incrementAndGet();
    } else {
      sent.other.add(id + ": HTTP " + r.status() + " " + code);
    }
  }

  private static String requestId(String xml) {
    Matcher m = REQUEST_ID.matcher(xml);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static void awaitDrained(LiveFixture live, long timeoutMillis) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (live.emulator.summary().unfinished() > 0 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  @Test
  void threeTimesWhatItSustainsForTenSecondsLosesNothingAndRefusesTheExcessWith503() throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try (SlowReceiver receiver = new SlowReceiver();
        LoopbackHttpClient client = new LoopbackHttpClient(group, 64, 1_000_000, 5000);
        LiveFixture live = LiveFixture.start(SCENARIO, 1, o -> o.withResponseUrl(receiver.url())
            .withLimits(1 << 20, 10_000, 60_000, 200))) {
      Sent sent = new Sent();
      // measure: offer more than it can take for 6 s, so that the receiver is never idle from its first final
      // response to the backlog's last; deliveries over that span are what serve sustains on this machine now
      send(live, client, sent, 400, 6);
      awaitDrained(live, 60_000);
      double sustained = (receiver.total.get() - 1) / ((receiver.lastNanos.get() - receiver.firstNanos.get()) / 1e9);
      System.out.println("overload probe: " + live.emulator.summary() + "; received " + receiver.total.get());
      assertThat(sustained).as("measured final responses per second").isPositive();

      long refusedBefore = sent.refused.get();
      long peakHeap = 0;
      double flood = 3 * sustained;
      CompletableFuture<Void> flooding = CompletableFuture.runAsync(() -> {
        try {
          send(live, client, sent, flood, 10);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      while (!flooding.isDone()) {
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
        TimeUnit.MILLISECONDS.sleep(100);
      }
      flooding.get();

      // after the flood: a request is acknowledged and answered within 5 s
      long after = System.nanoTime();
      byte[] one = live.read(Region.NORTH, 3);
      String oneId = requestId(new String(one, StandardCharsets.UTF_8));
      HttpResponse<String> ack = null;
      while (System.nanoTime() - after < TimeUnit.SECONDS.toNanos(5)) {
        ack = live.post(Endpoint.SEND_COMMAND, one);
        if (ack.statusCode() == 200) {
          break;
        }
        TimeUnit.MILLISECONDS.sleep(50);
        one = live.read(Region.NORTH, 3);
        oneId = requestId(new String(one, StandardCharsets.UTF_8));
      }
      assertThat(ack.statusCode()).as("acknowledged within 5 s of the flood").isEqualTo(200);
      while (!receiver.byRequestId.containsKey(oneId) && System.nanoTime() - after < TimeUnit.SECONDS.toNanos(5)) {
        TimeUnit.MILLISECONDS.sleep(10);
      }
      assertThat(receiver.byRequestId).as("answered within 5 s of the flood").containsKey(oneId);
      sent.acknowledged.put(oneId, true);

      awaitDrained(live, 30_000);
      LiveEmulator.Summary s = live.emulator.summary();
      System.out.printf("overload: sustained %.0f final responses/s, flood %.0f/s for 10 s; %s; not sent by the "
          + "test's client %d; peak heap %d MB of %d MB%n", sustained, flood, s, sent.notSent.get(), peakHeap >> 20,
          memory.getHeapMemoryUsage().getMax() >> 20);
      assertThat(sent.other).as("every request got I99 or 503/E20").isEmpty();
      assertThat(sent.refused.get() - refusedBefore).as("the flood's excess was refused with 503").isPositive();
      assertThat(s.undeliverable()).isZero();
      assertThat(s.unfinished()).isZero();
      assertThat(s.accepted()).isEqualTo(sent.acknowledged.size());
      assertThat(s.delivered()).isEqualTo(s.accepted());
      assertThat(receiver.byRequestId.keySet()).as("every acknowledged request answered")
          .containsExactlyInAnyOrderElementsOf(sent.acknowledged.keySet());
      assertThat(receiver.byRequestId.values()).as("exactly once").allMatch(c -> c.get() == 1);
      assertThat(peakHeap).isLessThan(memory.getHeapMemoryUsage().getMax());
      assertThat(live.adminGet("/metrics").body()).doesNotContain("result=\"dropped\"")
          .matches("(?s).*smsim_http_responses_total\\{code=\"503\",server=\"duis\"} [1-9].*");
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
  }
}
