package io.smsim.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.List;

/**
 * A gateway port speaks HTTP/1.1 and the DSP's hop ({@link HopProtocol}), told apart by the first
 * bytes: a connection that opens with the hop's preface gets the hop's pipeline ({@link GatewayHop}),
 * any other the HTTP/1.1 one ({@link GatewayHandler}: health probes, curl, the DSP's requests in
 * HTTP form). Both reach the same {@link GatewayServer}.
 */
final class GatewayProtocols extends ByteToMessageDecoder {

  private static final ByteBuf PREFACE = HopProtocol.PREFACE;
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final GatewayServer server;

  GatewayProtocols(GatewayServer server) {
    this.server = server;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    int n = Math.min(in.readableBytes(), PREFACE.readableBytes());
    boolean hop = ByteBufUtil.equals(PREFACE, PREFACE.readerIndex(), in, in.readerIndex(), n);
    if (hop && n < PREFACE.readableBytes()) {
      return; // so far a prefix of the preface: wait for the rest
    }
    String self = ctx.name();
    if (hop) {
      in.skipBytes(PREFACE.readableBytes());
      ctx.pipeline().addAfter(self, "hop", new GatewayHop(server));
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
