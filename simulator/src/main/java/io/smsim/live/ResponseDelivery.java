package io.smsim.live;

import io.netty.channel.EventLoopGroup;
import io.smsim.duis.xmldsig.DuisSigner;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POSTs final DUIS responses to the Service User's response URL, as the DSP does: bounded (at most
 * {@code maxPending} responses in flight or waiting for a retry; beyond that a response is dropped
 * and counted), with a bounded retry (3 attempts, 250 ms then 1 s apart) when the receiver refuses,
 * fails or answers non-2xx. Without a response URL the responses are only counted. With a signer
 * (the DSP's key, {@code --sign-key}) every response is signed once, before its first attempt.
 */
final class ResponseDelivery {

  static final int ATTEMPTS = 3;
  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final URI url;
  private final InetSocketAddress to;
  private final String path;
  private final LoopbackHttpClient client;
  private final EventLoopGroup timers;
  private final LiveMetrics metrics;
  private final int maxPending;
  private final AtomicInteger pending = new AtomicInteger();
  private final DuisSigner signer;

  ResponseDelivery(URI url, LoopbackHttpClient client, EventLoopGroup timers, LiveMetrics metrics, int maxPending,
      DuisSigner signer) {
    this.url = url;
    this.signer = signer;
    this.client = client;
    this.timers = timers;
    this.metrics = metrics;
    this.maxPending = maxPending;
    if (url == null) {
      this.to = null;
      this.path = null;
    } else {
      this.to = new InetSocketAddress(url.getHost(), url.getPort() < 0 ? 80 : url.getPort());
      String p = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
      this.path = url.getRawQuery() == null ? p : p + "?" + url.getRawQuery();
    }
  }

  void deliver(byte[] xml) {
    if (url == null) {
      metrics.delivery("disabled");
      return;
    }
    if (pending.incrementAndGet() > maxPending) {
      pending.decrementAndGet();
      metrics.delivery("dropped");
      return;
    }
    byte[] body = xml;
    if (signer != null) {
      body = signer.sign(xml);
      metrics.signedResponse();
    }
    attempt(body, 1);
  }

  private void attempt(byte[] xml, int attempt) {
    client.send(to, LoopbackHttpClient.post(to, path, xml, HttpResponses.XML), TIMEOUT_NANOS).thenAccept(r -> {
      if (r.ok()) {
        pending.decrementAndGet();
        metrics.delivery("delivered");
      } else if (attempt < ATTEMPTS) {
        metrics.delivery("retried");
        timers.schedule(() -> attempt(xml, attempt + 1), attempt == 1 ? 250 : 1000, TimeUnit.MILLISECONDS);
      } else {
        pending.decrementAndGet();
        metrics.delivery("failed");
      }
    });
  }

  int pending() {
    return pending.get();
  }

  URI url() {
    return url;
  }
}
