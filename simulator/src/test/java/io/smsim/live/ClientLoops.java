package io.smsim.live;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A client test's event loop (one, on the transport serve uses) and what to close after each test:
 * the clients and servers it made, then the loop.
 */
final class ClientLoops {

  final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NettyTransport.get().ioHandlerFactory());
  private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();

  /** Closes {@code c} after the test; returns it. */
  <T extends AutoCloseable> T closeLater(T c) {
    closing.add(c);
    return c;
  }

  /** Closes what the test made, in order, then the loop. */
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
