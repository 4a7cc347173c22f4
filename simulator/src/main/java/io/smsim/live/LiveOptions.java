package io.smsim.live;

import io.smsim.duis.xmldsig.Signatures;
import java.net.URI;
import java.util.Objects;

/**
 * How {@code smsim serve} runs: where it listens, where final responses go, how fast virtual time
 * runs, and the bounds that keep it alive under hostile or excessive input.
 *
 * @param host address the DUIS port binds to (loopback unless told otherwise)
 * @param adminHost address the admin port binds to (loopback unless told otherwise; elsewhere it needs a token)
 * @param dspPort the DUIS port (0 = ephemeral)
 * @param adminPort the admin and metrics port (0 = ephemeral)
 * @param responseUrl where final responses are POSTed ({@code http://host:port/path}), or {@code null}
 * @param timeScale virtual seconds per real second
 * @param maxBodyBytes largest request body accepted (larger: HTTP 413)
 * @param requestTimeoutMillis a request must arrive whole within this (else 408)
 * @param idleTimeoutMillis an idle connection is closed after this
 * @param maxInFlight accepted requests whose final response is not yet delivered (or given up), beyond which new
 *     requests are refused (503, E20): the bound on every queue behind the acknowledgement
 * @param maxConnections open DUIS connections at once
 * @param ioThreads DSP event-loop threads
 * @param gatewayThreads event-loop threads shared by the regions' gateway servers, the DSP's hop to them and
 *     the delivery of final responses (each region's work stays on one of them)
 * @param seed random seed of the model's streams
 * @param signatures whether requests are verified (against which trust store) and final responses signed
 * @param serverName this instance's name, sent as {@value #SERVER_HEADER} on every DUIS answer so
 *     that a client behind a load balancer sees which instance answered; {@code null}: no header
 */
public record LiveOptions(String host, String adminHost, int dspPort, int adminPort, URI responseUrl, double timeScale, int maxBodyBytes,
    long requestTimeoutMillis, long idleTimeoutMillis, int maxInFlight, int maxConnections,
    int ioThreads, int gatewayThreads, long seed, Signatures signatures, String serverName) {

  public static final String LOOPBACK = "127.0.0.1";
  /** The response header that names the instance ({@code --server-name}). */
  public static final String SERVER_HEADER = "X-Smsim-Server";

  public LiveOptions {
    port("dspPort", dspPort);
    port("adminPort", adminPort);
    if (responseUrl != null && (!"http".equals(responseUrl.getScheme()) || responseUrl.getHost() == null)) {
      throw new IllegalArgumentException("response URL must be http://host[:port]/path: " + responseUrl);
    }
    checkTimeScale(timeScale);
    positive("maxBodyBytes", maxBodyBytes);
    positive("requestTimeoutMillis", requestTimeoutMillis);
    positive("idleTimeoutMillis", idleTimeoutMillis);
    positive("maxInFlight", maxInFlight);
    positive("maxConnections", maxConnections);
    positive("ioThreads", ioThreads);
    positive("gatewayThreads", gatewayThreads);
    Objects.requireNonNull(signatures, "signatures");
    if (serverName != null && !serverName.matches("[!-~]{1,64}")) {
      throw new IllegalArgumentException("--server-name must be 1 to 64 visible ASCII characters, no spaces: "
          + serverName);
    }
  }

  /**
   * Loopback, ports 8080 (DUIS) and 8081 (admin), no response URL, real time, the scenario's seed,
   * no signature verification or signing.
   */
  public static LiveOptions defaults(long seed) {
    return new LiveOptions(LOOPBACK, LOOPBACK, 8080, 8081, null, 1, 1 << 20, 10_000, 60_000, 20_000, 4096, 2, 2, seed,
        Signatures.none(), null);
  }

  public LiveOptions withPorts(int dsp, int admin) {
    return new LiveOptions(host, adminHost, dsp, admin, responseUrl, timeScale, maxBodyBytes, requestTimeoutMillis,
        idleTimeoutMillis, maxInFlight, maxConnections, ioThreads, gatewayThreads, seed, signatures,
        serverName);
  }

  public LiveOptions withResponseUrl(URI url) {
    return new LiveOptions(host, adminHost, dspPort, adminPort, url, timeScale, maxBodyBytes, requestTimeoutMillis,
        idleTimeoutMillis, maxInFlight, maxConnections, ioThreads, gatewayThreads, seed, signatures,
        serverName);
  }

  public LiveOptions withTimeScale(double k) {
    return new LiveOptions(host, adminHost, dspPort, adminPort, responseUrl, k, maxBodyBytes, requestTimeoutMillis,
        idleTimeoutMillis, maxInFlight, maxConnections, ioThreads, gatewayThreads, seed, signatures,
        serverName);
  }

  public LiveOptions withHost(String h) {
    return new LiveOptions(h, adminHost, dspPort, adminPort, responseUrl, timeScale, maxBodyBytes, requestTimeoutMillis,
        idleTimeoutMillis, maxInFlight, maxConnections, ioThreads, gatewayThreads, seed, signatures,
        serverName);
  }

  /** The admin port's address (DUIS keeps {@link #host}). */
  public LiveOptions withAdminHost(String h) {
    return new LiveOptions(host, h, dspPort, adminPort, responseUrl, timeScale, maxBodyBytes, requestTimeoutMillis,
        idleTimeoutMillis, maxInFlight, maxConnections, ioThreads, gatewayThreads, seed, signatures,
        serverName);
  }

  /** Body, request-time and in-flight limits (tests use small ones). */
  public LiveOptions withLimits(int bodyBytes, long requestMillis, long idleMillis, int inFlight) {
    return new LiveOptions(host, adminHost, dspPort, adminPort, responseUrl, timeScale, bodyBytes, requestMillis, idleMillis,
        inFlight, maxConnections, ioThreads, gatewayThreads, seed, signatures,
        serverName);
  }

  /** Requests verified and final responses signed as {@code s} says. */
  public LiveOptions withSignatures(Signatures s) {
    return new LiveOptions(host, adminHost, dspPort, adminPort, responseUrl, timeScale, maxBodyBytes, requestTimeoutMillis,
        idleTimeoutMillis, maxInFlight, maxConnections, ioThreads, gatewayThreads, seed, s,
        serverName);
  }

  /** The name sent as {@value #SERVER_HEADER} on every answer ({@code null}: none). */
  public LiveOptions withServerName(String name) {
    return new LiveOptions(host, adminHost, dspPort, adminPort, responseUrl, timeScale, maxBodyBytes,
        requestTimeoutMillis, idleTimeoutMillis, maxInFlight, maxConnections, ioThreads, gatewayThreads, seed,
        signatures, name);
  }

  private static void port(String name, int p) {
    if (p < 0 || p > 65535) {
      throw new IllegalArgumentException(name + " must be in [0, 65535]: " + p);
    }
  }

  private static void positive(String name, long v) {
    if (v <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + v);
    }
  }

  /**
   * Checks a time scale (virtual seconds per real second) as {@code --time-scale} takes it.
   *
   * @throws IllegalArgumentException naming the option, outside (0, 1,000,000]
   */
  public static void checkTimeScale(double timeScale) {
    if (!(timeScale > 0 && timeScale <= 1e6)) {
      throw new IllegalArgumentException("--time-scale must be in (0, 1000000]: " + timeScale);
    }
  }
}
