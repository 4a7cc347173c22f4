package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client every live hop uses tells its failures apart (refused, closed with the request in
 * flight, no answer in time, its own bounds full) and reuses keep-alive connections.
 */
class LoopbackHttpClientTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final ClientLoops loops = new ClientLoops();

  @AfterEach
  void close() throws Exception {
    loops.close();
  }

  /** A client on the test's loop, closed after the test. */
  private LoopbackHttpClient client(int maxConnections, int maxWaiting) {
    return loops.closeLater(new LoopbackHttpClient(loops.group, maxConnections, maxWaiting, 1000));
  }

  /** A blocking loopback server: each connection runs {@code session} on its own thread. */
  private InetSocketAddress server(Session session, AtomicInteger accepted) throws IOException {
    ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    loops.closeLater(ss);
    Thread t = new Thread(() -> {
      while (!ss.isClosed()) {
        try {
          Socket s = ss.accept();
          loops.closeLater(s);
          accepted.incrementAndGet();
          Thread c = new Thread(() -> {
            try {
              session.run(s.getInputStream(), s.getOutputStream(), s);
            } catch (IOException ignored) {
              // the client went away
            }
          });
          c.setDaemon(true);
          c.start();
        } catch (IOException closed) {
          return;
        }
      }
    });
    t.setDaemon(true);
    t.start();
    return new InetSocketAddress("127.0.0.1", ss.getLocalPort());
  }

  private interface Session {
    void run(InputStream in, OutputStream out, Socket s) throws IOException;
  }

  /** Reads one request head (the requests here have no body). */
  private static boolean readHead(InputStream in) throws IOException {
    int state = 0;
    int b;
    while ((b = in.read()) >= 0) {
      state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
      if (state == 4) {
        return true;
      }
    }
    return false;
  }

  private static HttpResult await(CompletableFuture<HttpResult> f) throws Exception {
    return f.get(20, TimeUnit.SECONDS);
  }

  @Test
  void keepAliveConnectionsAreReused() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    InetSocketAddress to = server((in, out, s) -> {
      while (readHead(in)) {
        out.write("HTTP/1.1 200 OK\r\ncontent-length: 7\r\n\r\nsuccess".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    }, accepted);
    LoopbackHttpClient client = client(4, 4);
    for (int i = 0; i < 3; i++) {
      HttpResult r = await(client.send(to, LoopbackHttpClient.get(to, "/x"), SECOND * 5));
      assertThat(r.ok()).isTrue();
      assertThat(r.bodyText()).isEqualTo("success");
    }
    assertThat(accepted.get()).as("one connection, kept alive").isEqualTo(1);
  }

  @Test
  void nothingListeningIsRefused() throws Exception {
    int port;
    try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = ss.getLocalPort();
    }
    InetSocketAddress to = new InetSocketAddress("127.0.0.1", port);
    LoopbackHttpClient client = client(4, 4);
    assertThat(await(client.send(to, LoopbackHttpClient.get(to, "/x"), SECOND * 5)).failure())
        .isEqualTo(HttpResult.Failure.REFUSED);
  }

  @Test
  void aConnectionDroppedWithTheRequestInFlightIsClosedAndASilentServerTimesOut() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    InetSocketAddress dropping = server((in, out, s) -> {
      readHead(in);
      s.close();
    }, accepted);
    InetSocketAddress silent = server((in, out, s) -> {
      while (readHead(in)) {
        // never answers
      }
    }, accepted);
    LoopbackHttpClient client = client(4, 4);
    assertThat(await(client.send(dropping, LoopbackHttpClient.get(dropping, "/x"), SECOND * 5)).failure())
        .isEqualTo(HttpResult.Failure.CLOSED);
    assertThat(await(client.send(silent, LoopbackHttpClient.get(silent, "/x"), SECOND / 5)).failure())
        .isEqualTo(HttpResult.Failure.TIMEOUT);
  }

  @Test
  void beyondItsConnectionsAndWaitingSlotsAnExchangeFailsAtOnceAsOverloaded() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    InetSocketAddress slow = server((in, out, s) -> {
      while (readHead(in)) {
        try {
          release.await(20, TimeUnit.SECONDS); // answers once the test has seen the third refused
        } catch (InterruptedException e) {
          return;
        }
        out.write("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    }, accepted);
    LoopbackHttpClient client = client(1, 1);
    CompletableFuture<HttpResult> first = client.send(slow, LoopbackHttpClient.get(slow, "/1"), SECOND * 10);
    CompletableFuture<HttpResult> second = client.send(slow, LoopbackHttpClient.get(slow, "/2"), SECOND * 10);
    CompletableFuture<HttpResult> third = client.send(slow, LoopbackHttpClient.get(slow, "/3"), SECOND * 10);
    assertThat(await(third).failure()).isEqualTo(HttpResult.Failure.OVERLOADED);
    assertThat(first.isDone()).as("the first still holds the only connection").isFalse();
    release.countDown();
    assertThat(await(first).ok()).isTrue();
    assertThat(await(second).ok()).as("the waiting one gets the connection when it frees").isTrue();
    assertThat(accepted.get()).isEqualTo(1);
  }
}
