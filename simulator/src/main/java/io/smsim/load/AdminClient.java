package io.smsim.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The failover bench's hand on the emulation: its admin API over loopback HTTP (faults, restarts, status). */
final class AdminClient {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final String base;

  AdminClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  JsonNode post(String path, String body) throws IOException, InterruptedException {
    return check(path, http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString()));
  }

  JsonNode status() throws IOException, InterruptedException {
    return check("/admin/status", http.send(HttpRequest.newBuilder(URI.create(base + "/admin/status"))
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()));
  }

  private JsonNode check(String path, HttpResponse<String> r) throws IOException {
    if (r.statusCode() != 200) {
      throw new IOException("admin " + path + " answered " + r.statusCode() + ": " + r.body().trim());
    }
    return json.readTree(r.body());
  }
}
