package io.smsim.load;

import io.smsim.duis.Eui64;
import io.smsim.duis.xmldsig.Signatures;
import java.net.URI;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * How {@code smsim load} runs. Validated here, so the CLI and the failover bench fail the same way
 * (one message naming the option, the rule and the value).
 *
 * @param target the DUIS endpoint's base URL, {@code http://host:port[/prefix]}; requests go to
 *     {@code prefix + /api/v1/serviceS|serviceD|serviceT} by command variant
 * @param pacing intended send times
 * @param durationNanos how long requests are issued
 * @param connections keep-alive HTTP/1.1 connections to the target, one request at a time on each
 * @param threads event-loop threads (workers)
 * @param maxInFlight requests issued and not yet answered synchronously, beyond which new requests
 *     are refused ({@code client:overload})
 * @param responseTimeoutNanos a request without its final response this long after its intended
 *     send time ends as a timeout
 * @param graceNanos after every request has its outcome, how long late and duplicate answers are still counted
 * @param lateThresholdNanos a send later than this after its intended time counts as late
 * @param ackOnly the synchronous answer is the outcome (I99 = ok); no callback receiver
 * @param callbackBind address of the callback receiver
 * @param callbackPort port of the callback receiver (0 = ephemeral)
 * @param originator the Service User's EUI-64 in every RequestID
 * @param counterBase RequestID counters start above this (distinguishes runs against one target)
 * @param seed random seed (arrivals, SRVs, devices)
 * @param signatures how requests are signed (the Service User's key, which must name {@code originator})
 *     and final responses verified
 * @param serverHeader the response header that names the server that answered (the failover bench's
 *     {@code --server-header}), or {@code null}
 */
public record LoadOptions(URI target, Pacing pacing, long durationNanos, int connections, int threads, int maxInFlight,
    long responseTimeoutNanos, long graceNanos, long lateThresholdNanos, boolean ackOnly, String callbackBind,
    int callbackPort, long originator, long counterBase, long seed, Signatures signatures, String serverHeader) {

  /** DCC Boxed's sample Service User: the originator of the public DUIS samples. */
  public static final long DEFAULT_ORIGINATOR = 0x90B3_D51F_3001_0000L;

  public LoadOptions {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(pacing, "pacing");
    if (!"http".equals(target.getScheme()) || target.getHost() == null) {
      throw new IllegalArgumentException("--target must be an http://host:port URL (https is not supported): "
          + target);
    }
    if (durationNanos <= 0 || durationNanos > TimeUnit.DAYS.toNanos(7)) {
      throw new IllegalArgumentException("--duration must be positive and at most 7 days: " + durationNanos + " ns");
    }
    range("--connections", connections, 1, 10_000);
    range("--threads", threads, 1, 64);
    range("--max-in-flight", maxInFlight, 1, 10_000_000);
    if (connections < threads) {
      throw new IllegalArgumentException("--connections must be at least --threads (" + threads + "): " + connections);
    }
    if (responseTimeoutNanos <= 0) {
      throw new IllegalArgumentException("--response-timeout must be positive: " + responseTimeoutNanos + " ns");
    }
    if (graceNanos < 0) {
      throw new IllegalArgumentException("--grace must not be negative: " + graceNanos + " ns");
    }
    if (lateThresholdNanos < 0) {
      throw new IllegalArgumentException("--late-threshold must not be negative: " + lateThresholdNanos + " ns");
    }
    range("--callback-port", callbackPort, 0, 65535);
    if (counterBase < 0 || counterBase > Long.MAX_VALUE / 2) {
      throw new IllegalArgumentException("counter base must be in [0, 2^62]: " + counterBase);
    }
    Objects.requireNonNull(signatures, "signatures");
    if (signatures.signer() != null) {
      OptionalLong signer = signatures.signer().credential().eui64();
      if (signer.isPresent() && signer.getAsLong() != originator) {
        throw new IllegalArgumentException("--sign-cert is " + Eui64.format(signer.getAsLong())
            + "'s certificate, but requests come from --originator " + Eui64.format(originator)
            + " (a DSP refuses a request its originator did not sign)");
      }
    }
    if (serverHeader != null && !serverHeader.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}")) {
      throw new IllegalArgumentException("--server-header must be an HTTP header name (RFC 9110 token): "
          + serverHeader);
    }
  }

  /** Defaults for a target and pacing: 30 s, 64 connections, 2 threads, 30 s response timeout, 5 s grace. */
  public static LoadOptions defaults(URI target, Pacing pacing) {
    return new LoadOptions(target, pacing, TimeUnit.SECONDS.toNanos(30), 64, 2, 10_000,
        TimeUnit.SECONDS.toNanos(30), TimeUnit.SECONDS.toNanos(5), TimeUnit.MILLISECONDS.toNanos(10), false,
        "127.0.0.1", 0, DEFAULT_ORIGINATOR, (System.currentTimeMillis() % 100_000_000L) * 1_000_000_000L, 1,
        Signatures.none(), null);
  }

  public LoadOptions withDuration(long nanos) {
    return new LoadOptions(target, pacing, nanos, connections, threads, maxInFlight, responseTimeoutNanos, graceNanos,
        lateThresholdNanos, ackOnly, callbackBind, callbackPort, originator, counterBase, seed,
        signatures, serverHeader);
  }

  public LoadOptions withConnections(int n, int nThreads) {
    return new LoadOptions(target, pacing, durationNanos, n, nThreads, maxInFlight, responseTimeoutNanos, graceNanos,
        lateThresholdNanos, ackOnly, callbackBind, callbackPort, originator, counterBase, seed,
        signatures, serverHeader);
  }

  public LoadOptions withTimeouts(long responseTimeout, long grace) {
    return new LoadOptions(target, pacing, durationNanos, connections, threads, maxInFlight, responseTimeout, grace,
        lateThresholdNanos, ackOnly, callbackBind, callbackPort, originator, counterBase, seed,
        signatures, serverHeader);
  }

  public LoadOptions withAckOnly(boolean only) {
    return new LoadOptions(target, pacing, durationNanos, connections, threads, maxInFlight, responseTimeoutNanos,
        graceNanos, lateThresholdNanos, only, callbackBind, callbackPort, originator, counterBase, seed,
        signatures, serverHeader);
  }

  public LoadOptions withLimits(int inFlight, long lateThreshold) {
    return new LoadOptions(target, pacing, durationNanos, connections, threads, inFlight, responseTimeoutNanos,
        graceNanos, lateThreshold, ackOnly, callbackBind, callbackPort, originator, counterBase, seed,
        signatures, serverHeader);
  }

  public LoadOptions withCallback(String bind, int port) {
    return new LoadOptions(target, pacing, durationNanos, connections, threads, maxInFlight, responseTimeoutNanos,
        graceNanos, lateThresholdNanos, ackOnly, bind, port, originator, counterBase, seed,
        signatures, serverHeader);
  }

  public LoadOptions withIdentity(long originatorEui64, long base, long randomSeed) {
    return new LoadOptions(target, pacing, durationNanos, connections, threads, maxInFlight, responseTimeoutNanos,
        graceNanos, lateThresholdNanos, ackOnly, callbackBind, callbackPort, originatorEui64, base, randomSeed,
        signatures, serverHeader);
  }

  /** Requests signed and final responses verified as {@code s} says. */
  public LoadOptions withSignatures(Signatures s) {
    return new LoadOptions(target, pacing, durationNanos, connections, threads, maxInFlight, responseTimeoutNanos,
        graceNanos, lateThresholdNanos, ackOnly, callbackBind, callbackPort, originator, counterBase, seed, s,
        serverHeader);
  }

  /** Reads which server answered from the response header {@code name} ({@code null}: not at all). */
  public LoadOptions withServerHeader(String name) {
    return new LoadOptions(target, pacing, durationNanos, connections, threads, maxInFlight, responseTimeoutNanos,
        graceNanos, lateThresholdNanos, ackOnly, callbackBind, callbackPort, originator, counterBase, seed,
        signatures, name);
  }

  /** The target's port (80 when the URL has none). */
  int port() {
    return target.getPort() < 0 ? 80 : target.getPort();
  }

  /**
   * The path prefix before {@code /api/v1/service*}: the URL's path without a trailing slash, and
   * without a trailing {@code /api/v1/serviceS|D|T} if one was given.
   */
  String pathPrefix() {
    String p = target.getRawPath() == null ? "" : target.getRawPath();
    p = p.replaceFirst("/api/v1/service[SDT]/?$", "");
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  private static void range(String name, long v, long min, long max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]: " + v);
    }
  }
}
