package io.smsim.live;

import io.netty.channel.EventLoopGroup;
import io.smsim.duis.xmldsig.DuisSigner;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * POSTs final DUIS responses to the Service User's response URL, as the DSP does. Nothing is
 * dropped: the DSP admits a request only while it holds fewer than {@code --max-in-flight}
 * requests that have not yet been delivered (their slot is released by {@code done} below), so the
 * backlog here is bounded by admission, not by throwing responses away. A receiver that refuses,
 * fails, times out or answers non-2xx gets bounded retries with exponential backoff
 * ({@value #ATTEMPTS} attempts, {@code 250 ms × 4^k} apart: 0.25, 1 and 4 s); a response that still
 * cannot be delivered is <i>undeliverable</i>: counted (metric, the shutdown summary) and reported
 * on the console, at most one line a second. Without a response URL responses are only counted.
 * With a signer (the DSP's key, {@code --sign-key}) every response is signed once, before its first
 * attempt.
 */
final class ResponseDelivery {

  static final int ATTEMPTS = 4;
  private static final long FIRST_BACKOFF_MILLIS = 250;
  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final URI url;
  private final InetSocketAddress to;
  private final String path;
  private final LoopbackHttpClient client;
  private final EventLoopGroup timers;
  private final LiveMetrics metrics;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong undeliverable = new AtomicLong();
  private final AtomicLong undeliverableReported = new AtomicLong();
  private final Consumer<String> console;
  private final DuisSigner signer;
  private volatile String lastFailure = "";

  ResponseDelivery(URI url, LoopbackHttpClient client, EventLoopGroup timers, LiveMetrics metrics,
      Consumer<String> console, DuisSigner signer) {
    this.url = url;
    this.signer = signer;
    this.client = client;
    this.timers = timers;
    this.metrics = metrics;
    this.console = console;
    if (url == null) {
      this.to = null;
      this.path = null;
    } else {
      this.to = new InetSocketAddress(url.getHost(), url.getPort() < 0 ? 80 : url.getPort());
      String p = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
      this.path = url.getRawQuery() == null ? p : p + "?" + url.getRawQuery();
      timers.next().scheduleAtFixedRate(this::report, 1, 1, TimeUnit.SECONDS);
    }
  }

  /** Delivers one final response; {@code done} runs once it was delivered or given up as undeliverable. */
  void deliver(byte[] xml, String requestId, Runnable done) {
    if (url == null) {
      metrics.delivery("disabled");
      done.run();
      return;
    }
    pending.incrementAndGet();
    byte[] body = xml;
    if (signer != null) {
      try {
        body = signer.sign(xml);
      } catch (RuntimeException e) {
        giveUp(requestId, "not signed: " + e.getMessage(), done);
        return;
      }
      metrics.signedResponse();
    }
    attempt(body, requestId, 1, done);
  }

  private void attempt(byte[] xml, String requestId, int attempt, Runnable done) {
    client.send(to, LoopbackHttpClient.post(to, path, xml, HttpResponses.XML), TIMEOUT_NANOS).thenAccept(r -> {
      if (r.ok()) {
        pending.decrementAndGet();
        delivered.incrementAndGet();
        metrics.delivery("delivered");
        done.run();
      } else if (attempt < ATTEMPTS) {
        metrics.delivery("retried");
        timers.schedule(() -> attempt(xml, requestId, attempt + 1, done),
            FIRST_BACKOFF_MILLIS << (2 * (attempt - 1)), TimeUnit.MILLISECONDS);
      } else {
        giveUp(requestId, r.describe(), done);
      }
    });
  }

  private void giveUp(String requestId, String why, Runnable done) {
    pending.decrementAndGet();
    undeliverable.incrementAndGet();
    lastFailure = requestId + ": " + why;
    metrics.delivery("undeliverable");
    done.run();
  }

  /** One console line a second while responses are being given up. */
  private void report() {
    long now = undeliverable.get();
    long before = undeliverableReported.getAndSet(now);
    if (now > before) {
      console.accept("undeliverable: " + (now - before) + " final response" + (now - before == 1 ? "" : "s")
          + " to " + url + " after " + ATTEMPTS + " attempts (" + now + " in all; last " + lastFailure + ")");
    }
  }

  int pending() {
    return pending.get();
  }

  long delivered() {
    return delivered.get();
  }

  long undeliverable() {
    return undeliverable.get();
  }

  URI url() {
    return url;
  }
}
