package io.smsim.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsim.duis.DuisRequestBuilder;
import io.smsim.duis.Endpoint;
import io.smsim.duis.RequestId;
import io.smsim.model.DeviceRegistry;
import io.smsim.model.Region;
import io.smsim.model.SrvCatalogue;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A live emulation on ephemeral loopback ports with a {@link ResponseSink} as the response URL and
 * a JDK HTTP client as the Service User; closing it shuts everything down.
 */
final class LiveFixture implements AutoCloseable {

  static final long ORIGINATOR = 0x90B3_D51F_3001_0000L;
  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();
  private static final DuisRequestBuilder REQUESTS = DuisRequestBuilder.create(CATALOGUE);

  final ResponseSink sink;
  final LiveEmulator emulator;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(30)).build(); // a loaded machine accepts slowly; tests bound their own waits
  private final StringBuilder log;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicLong counter = new AtomicLong(1000);

  private LiveFixture(ResponseSink sink, LiveEmulator emulator, StringBuilder log) {
    this.sink = sink;
    this.emulator = emulator;
    this.log = log;
  }

  /** The server events logged so far, one per line. */
  String log() {
    synchronized (log) {
      return log.toString();
    }
  }

  static LiveFixture start(String yaml, double timeScale) throws InterruptedException {
    return start(yaml, timeScale, UnaryOperator.identity());
  }

  static LiveFixture start(String yaml, double timeScale, UnaryOperator<LiveOptions> tweak)
      throws InterruptedException {
    Scenario scenario = ScenarioLoader.fromString("test.yaml", yaml);
    ResponseSink sink = new ResponseSink();
    try {
      LiveOptions options = tweak.apply(LiveOptions.defaults(scenario.seed()).withPorts(0, 0)
          .withResponseUrl(sink.url()).withTimeScale(timeScale));
      StringBuilder log = new StringBuilder();
      LiveEmulator e = LiveEmulator.start(scenario, options, line -> {
        synchronized (log) {
          log.append(line).append('\n');
        }
      });
      return new LiveFixture(sink, e, log);
    } catch (InterruptedException | RuntimeException ex) {
      sink.close();
      throw ex;
    }
  }

  URI dsp(Endpoint endpoint) {
    return URI.create("http://127.0.0.1:" + emulator.dspPort() + endpoint.path());
  }

  URI admin(String path) {
    return URI.create("http://127.0.0.1:" + emulator.adminPort() + path);
  }

  /** A 4.1.1 read (command variant 1, serviceS) for generated device {@code index} of {@code region}. */
  byte[] read(Region region, long index) {
    long target = DeviceRegistry.generated(region, index);
    return REQUESTS.build(CATALOGUE.find("4.1.1").orElseThrow(), new RequestId(ORIGINATOR, target,
        counter.incrementAndGet()));
  }

  /** The RequestID counter of the last request built by {@link #read}. */
  long lastCounter() {
    return counter.get();
  }

  HttpResponse<String> post(Endpoint endpoint, byte[] body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(dsp(endpoint)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/xml").build(), HttpResponse.BodyHandlers.ofString());
  }

  CompletableFuture<HttpResponse<String>> postAsync(Endpoint endpoint, byte[] body) {
    return http.sendAsync(HttpRequest.newBuilder(dsp(endpoint)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/xml").timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> adminPost(String path, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(admin(path)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> adminGet(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(admin(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The value of one series of serve's {@code /metrics} (name and labels as exposed), or 0 when it is absent. */
  double metric(String series) throws IOException, InterruptedException {
    for (String line : adminGet("/metrics").body().split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    return 0;
  }

  JsonNode status() throws IOException, InterruptedException {
    return json.readTree(adminGet("/admin/status").body());
  }

  /** The status of one region's cluster. */
  JsonNode region(String name) throws IOException, InterruptedException {
    for (JsonNode r : status().get("regions")) {
      if (r.get("region").asText().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("no region " + name);
  }

  @Override
  public void close() {
    try {
      emulator.close();
    } finally {
      sink.close();
    }
  }
}
