package io.smsim.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Bytes on a plain loopback socket, for tests that must send what an HTTP client would not (bad
 * request lines, two Host headers, a body longer than declared) and see exactly what comes back.
 */
final class RawSocket {

  private RawSocket() {
  }

  /**
   * Writes {@code bytes} to 127.0.0.1:{@code port} and returns everything read (ISO-8859-1) until
   * the server closes the connection, resets it after its answer, or is silent for {@code
   * timeoutMillis} (a kept-alive connection: what came is the answer).
   */
  static String exchange(int port, byte[] bytes, int timeoutMillis) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(timeoutMillis);
      OutputStream out = s.getOutputStream();
      out.write(bytes);
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      try {
        for (int n; (n = in.read(buf)) >= 0; ) {
          got.write(buf, 0, n);
        }
      } catch (SocketTimeoutException e) {
        // kept alive: what came is the answer
      } catch (IOException e) {
        // reset by the server after its answer
      }
      return got.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** {@link #exchange(int, byte[], int)} of an ISO-8859-1 request. */
  static String exchange(int port, String request, int timeoutMillis) throws IOException {
    return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), timeoutMillis);
  }
}
