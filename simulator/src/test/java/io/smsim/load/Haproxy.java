package io.smsim.load;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real HAProxy (Debian's {@code haproxy}) in the foreground for a test: HTTP mode, a frontend on
 * loopback, and a backend of a primary and a {@code backup} server with active HTTP health checks
 * ({@code GET /health} every {@code inter}, {@code fall} failures to mark a server down, {@code rise}
 * successes to mark it up; a check may take up to 2 s, so that a server slowed by a loaded machine
 * is not taken for a dead one, while a killed one refuses the connection at once). HAProxy cannot
 * bind port 0, so the frontend port is drawn at random
 * below Linux's ephemeral range (32768-60999, where the kernel hands out port 0 binds and client
 * ports) and another is drawn when HAProxy reports the port taken. The runtime API listens on a
 * Unix socket in the test's directory.
 */
final class Haproxy implements AutoCloseable {

  static final String HEADER = "X-Smsim-Server";
  private static final int TRIES = 20;

  final int port;
  final long interMillis;
  final int fall;
  final int rise;
  private final Process process;
  private final Path socket;
  final Path log;

  private Haproxy(int port, long interMillis, int fall, int rise, Process process, Path socket, Path log) {
    this.port = port;
    this.interMillis = interMillis;
    this.fall = fall;
    this.rise = rise;
    this.process = process;
    this.socket = socket;
    this.log = log;
  }

  /** Whether {@code haproxy} is on the PATH. */
  static boolean installed() {
    return BenchCommand.resolve("haproxy") != null;
  }

  /**
   * The configuration. {@code retries 0}: a request routed to a dead server is answered 503 at
   * once instead of being retried, so the client sees every request HAProxy still sent to it;
   * HAProxy names the server it tried in {@value #HEADER} on the answers it makes itself (the
   * servers name themselves on theirs).
   */
  static String config(int port, Path socket, int primaryPort, int backupPort, long interMillis, int fall, int rise) {
    return """
        global
          stats socket %s level admin
        defaults
          mode http
          timeout connect 1s
          timeout check 2s
          timeout client 30s
          timeout server 30s
          retries 0
        frontend duis
          bind 127.0.0.1:%d
          default_backend dsp
        backend dsp
          option httpchk GET /health
          http-check expect status 200
          default-server inter %dms fall %d rise %d
          http-after-response set-header %s %%s unless { res.hdr(%s) -m found }
          server primary 127.0.0.1:%d check
          server backup 127.0.0.1:%d check backup
        """.formatted(socket, port, interMillis, fall, rise, HEADER, HEADER, primaryPort, backupPort);
  }

  /** Starts HAProxy and waits until both servers are up. */
  static Haproxy start(Path dir, int primaryPort, int backupPort, long interMillis, int fall, int rise)
      throws IOException, InterruptedException {
    SplittableRandom random = new SplittableRandom(System.nanoTime());
    String last = "";
    for (int i = 0; i < TRIES; i++) {
      int port = 20_000 + random.nextInt(12_000);
      Path socket = dir.resolve("haproxy.sock");
      Files.deleteIfExists(socket);
      Path cfg = dir.resolve("haproxy.cfg");
      Files.writeString(cfg, config(port, socket, primaryPort, backupPort, interMillis, fall, rise));
      Path log = dir.resolve("haproxy.log");
      Process p = new ProcessBuilder("haproxy", "-db", "-f", cfg.toString()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      Haproxy h = new Haproxy(port, interMillis, fall, rise, p, socket, log);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline && p.isAlive()) {
        if (Files.exists(socket) && h.bothUp()) {
          return h;
        }
        Thread.sleep(50);
      }
      last = Files.readString(log);
      h.close();
      if (!last.contains("cannot bind") && !last.contains("Address already in use")) {
        throw new IOException("HAProxy did not bring both servers up within 30 s: " + last);
      }
    }
    throw new IOException("HAProxy found no free port in " + TRIES + " tries: " + last);
  }

  /** The runtime API's answer to {@code command}. */
  String runtime(String command) throws IOException {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      ch.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer buf = ByteBuffer.allocate(1 << 16);
      StringBuilder out = new StringBuilder();
      while (ch.read(buf) > 0) {
        buf.flip();
        out.append(StandardCharsets.US_ASCII.decode(buf));
        buf.clear();
      }
      return out.toString();
    }
  }

  /** Whether HAProxy sees both servers UP ({@code show stat}: column 18 is the status). */
  boolean bothUp() throws IOException {
    int up = 0;
    for (String line : runtime("show stat").split("\n")) {
      String[] f = line.split(",");
      if (f.length > 17 && f[0].equals("dsp") && (f[1].equals("primary") || f[1].equals("backup"))
          && f[17].equals("UP")) {
        up++;
      }
    }
    return up == 2;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
