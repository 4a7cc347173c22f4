package io.smsim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port on which nothing listens, held for the test's lifetime: a socket bound to an
 * ephemeral port but never connected or listening, so that connecting to it is refused, and no other
 * process (engineers and CI share this machine) can take the port between the test finding it and
 * using it, as happens when a test opens a server socket on port 0, closes it and reuses its number.
 */
public final class ClosedPort implements AutoCloseable {

  private final Socket reserved = new Socket();

  public ClosedPort() throws IOException {
    reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  /** The port number; a connection to it is refused while this object is open. */
  public int port() {
    return reserved.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    reserved.close();
  }
}
