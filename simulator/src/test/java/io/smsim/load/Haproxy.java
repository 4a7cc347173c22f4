package io.smsim.load;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HAProxy (Debian's {@code haproxy}) in the foreground for a test: HTTP mode, a frontend on
 * loopback, and a backend of a primary and a {@code backup} server with active HTTP health checks
 * ({@code GET /health} every {@code inter}, {@code fall} failures to mark a server down, {@code rise}
 * successes to mark it up; a check may take up to 5 s, so that a server slowed by a loaded machine
 * is not taken for a dead one, while a killed one refuses the connection at once).
 *
 * <p>HAProxy refuses to bind port 0, so the operating system picks the frontend's port another way:
 * a few lines of Perl (Debian's {@code perl-base}, which every Debian system has) bind a listening
 * socket to {@code 127.0.0.1:0}, print the port the kernel gave it, and {@code exec} HAProxy with the
 * socket inherited; the configuration binds {@code fd@${SMSIM_FRONTEND_FD}} (HAProxy's inherited
 * socket address). No port is chosen or probed by the test. The runtime API listens on a Unix socket
 * in the test's directory.
 */
final class Haproxy implements AutoCloseable {

  static final String HEADER = "X-Smsim-Server";

  /** Binds 127.0.0.1:0, keeps the socket across exec, says its port, and becomes the command in ARGV. */
  private static final String LISTEN_AND_EXEC = """
      use strict; use Socket; use Fcntl; use IO::Handle;
      socket(my $s, PF_INET, SOCK_STREAM, 0) or die "socket: $!";
      bind($s, pack_sockaddr_in(0, inet_aton('127.0.0.1'))) or die "bind: $!";
      listen($s, SOMAXCONN) or die "listen: $!";
      my ($port) = unpack_sockaddr_in(getsockname($s));
      fcntl($s, F_SETFD, 0) or die "fcntl: $!";
      $ENV{SMSIM_FRONTEND_FD} = fileno($s);
      STDOUT->autoflush(1);
      print "frontend listening on 127.0.0.1:$port\\n";
      exec { $ARGV[0] } @ARGV or die "exec $ARGV[0]: $!";
      """;
  private static final Pattern LISTENING = Pattern.compile("frontend listening on 127\\.0\\.0\\.1:(\\d+)");

  final int port;
  private final Process process;
  private final Path socket;
  final Path log;

  private Haproxy(int port, Process process, Path socket, Path log) {
    this.port = port;
    this.process = process;
    this.socket = socket;
    this.log = log;
  }

  /** Why a HAProxy cannot be started here, or {@code null} when it can. */
  static String missing() {
    if (BenchCommand.resolve("haproxy") == null) {
      return "HAProxy is not installed (Debian: apt-get install haproxy; .ci/run installs it)";
    }
    if (BenchCommand.resolve("perl") == null) {
      return "perl is not installed (it hands HAProxy a socket on a port the kernel chose; Debian: perl-base)";
    }
    return null;
  }

  /**
   * The configuration. {@code retries 0}: a request routed to a dead server is answered 503 at
   * once instead of being retried, so the client sees every request HAProxy still sent to it;
   * HAProxy names the server it tried in {@value #HEADER} on the answers it makes itself (the
   * servers name themselves on theirs).
   */
  static String config(Path socket, int primaryPort, int backupPort, long interMillis, int fall, int rise) {
    return """
        global
          stats socket %s level admin
        defaults
          mode http
          timeout connect 1s
          timeout check 5s
          timeout client 30s
          timeout server 30s
          retries 0
        frontend duis
          bind "fd@${SMSIM_FRONTEND_FD}"
          default_backend dsp
        backend dsp
          option httpchk GET /health
          http-check expect status 200
          default-server inter %dms fall %d rise %d
          http-after-response set-header %s %%s unless { res.hdr(%s) -m found }
          server primary 127.0.0.1:%d check
          server backup 127.0.0.1:%d check backup
        """.formatted(socket, interMillis, fall, rise, HEADER, HEADER, primaryPort, backupPort);
  }

  /** Starts HAProxy on a port the kernel picks and waits (at most {@code wait}) until both servers are up. */
  static Haproxy start(Path dir, int primaryPort, int backupPort, long interMillis, int fall, int rise, long waitNanos)
      throws IOException, InterruptedException {
    Path socket = dir.resolve("haproxy.sock");
    Path cfg = dir.resolve("haproxy.cfg");
    Files.writeString(cfg, config(socket, primaryPort, backupPort, interMillis, fall, rise));
    Path log = dir.resolve("haproxy.log");
    Process p = new ProcessBuilder(List.of("perl", "-e", LISTEN_AND_EXEC, "haproxy", "-db", "-f", cfg.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    long deadline = System.nanoTime() + waitNanos;
    Haproxy h = null;
    try {
      while (System.nanoTime() < deadline && p.isAlive()) {
        if (h == null) {
          Matcher m = LISTENING.matcher(Files.readString(log));
          h = m.find() ? new Haproxy(Integer.parseInt(m.group(1)), p, socket, log) : null;
        }
        if (h != null && Files.exists(socket) && h.bothUp()) {
          return h;
        }
        Thread.sleep(50);
      }
    } catch (IOException | RuntimeException | InterruptedException e) {
      stop(p);
      throw e;
    }
    stop(p);
    throw new IOException("HAProxy did not bring both servers up within " + TimeUnit.NANOSECONDS.toSeconds(waitNanos)
        + " s: " + Files.readString(log));
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
    stop(process);
  }

  private static void stop(Process process) {
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
