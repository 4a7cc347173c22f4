package io.smsim.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.util.List;

/**
 * A gateway port speaks HTTP/1.1 and HTTP/2 over cleartext with prior knowledge (RFC 9113 §3.3), told
 * apart by the first bytes: a connection that opens with HTTP/2's preface gets the HTTP/2 pipeline
 * ({@link GatewayHttp2Handler}: the DSP's multiplexed hop), any other the HTTP/1.1 one ({@link
 * GatewayHandler}: health probes, curl). Both reach the same {@link GatewayServer}.
 */
final class GatewayProtocols extends ByteToMessageDecoder {

  private static final ByteBuf PREFACE = Http2CodecUtil.connectionPrefaceBuf();
  private static final int MAX_BODY_BYTES = 64 * 1024;
  /**
   * Streams one HTTP/2 connection may have open: well above what the hop may have in flight to one
   * server from one loop ({@link Http2HopClient}'s bound), so that the client's bound is the one met.
   */
  static final int MAX_CONCURRENT_STREAMS = 1 << 20;

  private final GatewayServer server;

  GatewayProtocols(GatewayServer server) {
    this.server = server;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    int n = Math.min(in.readableBytes(), PREFACE.readableBytes());
    boolean h2 = ByteBufUtil.equals(PREFACE, PREFACE.readerIndex(), in, in.readerIndex(), n);
    if (h2 && n < PREFACE.readableBytes()) {
      return; // so far a prefix of the preface: wait for the rest
    }
    String self = ctx.name();
    if (h2) {
      ctx.pipeline().addAfter(self, "h2", Http2FrameCodecBuilder.forServer()
              .initialSettings(Http2Settings.defaultSettings().maxConcurrentStreams(MAX_CONCURRENT_STREAMS))
              .validateHeaders(false).build())
          .addAfter("h2", "flushes", new FlushConsolidationHandler(256, true))
          .addAfter("flushes", "gateway", new GatewayHttp2Handler(server));
    } else {
      RequestDeadline deadline = new RequestDeadline(10_000, 300_000);
      ctx.pipeline().addAfter(self, "first-byte", deadline.firstByteTap())
          .addAfter("first-byte", "http", new HttpServerCodec())
          .addAfter("http", "deadline", deadline)
          .addAfter("deadline", "aggregator", new HttpObjectAggregator(MAX_BODY_BYTES))
          .addAfter("aggregator", "gateway", new GatewayHandler(server));
    }
    ctx.pipeline().remove(this); // what was read goes on to the protocol's handlers
  }
}
