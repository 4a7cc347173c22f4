package io.smsim.live;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.Errors;
import java.net.BindException;

/**
 * The transport of every smsim server and client socket: Netty's native epoll transport where it
 * loads (Linux x86-64 and aarch64: the library ships in the jar), else the JDK's NIO selector. Both
 * carry the same TCP and HTTP; epoll costs less CPU per message (edge-triggered readiness, no
 * selected-key sets, writes straight from direct buffers), which is what a busy emulator spends its
 * time on. {@code -Dsmsim.transport=nio} forces NIO (to compare, or where epoll misbehaves).
 */
public enum NettyTransport {
  EPOLL,
  NIO;

  private static final NettyTransport CHOSEN = choose();

  private static NettyTransport choose() {
    if ("nio".equalsIgnoreCase(System.getProperty("smsim.transport", ""))) {
      return NIO;
    }
    try {
      return Epoll.isAvailable() ? EPOLL : NIO;
    } catch (LinkageError e) { // the native library is missing or does not fit this machine
      return NIO;
    }
  }

  /** The transport this process uses. */
  public static NettyTransport get() {
    return CHOSEN;
  }

  /** Linux's EADDRINUSE: the epoll transport reports a taken port by its errno, not as a BindException. */
  private static final int EADDRINUSE = 98;

  /**
   * Whether {@code e} (or a cause) says the address to bind is taken, on either transport: NIO throws
   * {@link BindException}; epoll a {@link Errors.NativeIoException} with errno EADDRINUSE.
   */
  public static boolean isAddressInUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BindException
          || t instanceof Errors.NativeIoException n && n.expectedErr() == -EADDRINUSE) {
        return true;
      }
    }
    return false;
  }

  /** For {@code new MultiThreadIoEventLoopGroup(n, ioHandlerFactory())}. */
  public IoHandlerFactory ioHandlerFactory() {
    return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
  }

  public Class<? extends ServerChannel> serverChannel() {
    return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  public Class<? extends SocketChannel> socketChannel() {
    return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  /**
   * Runs {@code task} on each loop that is not shutting down, for closing what belongs to the loop
   * (a client's connections) on the loop itself; a loop going down meanwhile takes them with it.
   */
  static void onEachLiveLoop(io.netty.util.concurrent.EventExecutor[] loops,
      java.util.function.Consumer<io.netty.util.concurrent.EventExecutor> task) {
    for (io.netty.util.concurrent.EventExecutor loop : loops) {
      if (loop.isShuttingDown()) {
        continue;
      }
      try {
        loop.execute(() -> task.accept(loop));
      } catch (RuntimeException ignored) {
        // the loop is going down: its connections go with it
      }
    }
  }
}
