package io.smsim.live;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.smsim.model.Category;
import io.smsim.model.Outcome;
import io.smsim.model.SrvCatalogue;
import java.util.List;

/**
 * The CSP gateway server's face to the DSP's hop ({@link HopProtocol}, after its preface): every
 * request frame runs through the Gateway Scheduler as {@link GatewayHandler}'s {@code POST
 * /csp/v1/requests} does, and is answered with its outcome when its child ends, in whatever order
 * they end; answers that end in one turn of the loop leave in one write. An SRV or category out of
 * range is answered {@link HopProtocol#BAD_REQUEST}; a frame of any other kind closes the connection.
 * Runs on the region's event loop.
 */
final class GatewayHop extends ByteToMessageDecoder {

  private static final int SRVS = SrvCatalogue.standard().size();
  private static final Category[] CATEGORIES = Category.values();

  private final GatewayServer server;
  private HopProtocol.Batch batch;

  GatewayHop(GatewayServer server) {
    this.server = server;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    batch = new HopProtocol.Batch(ctx);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= HopProtocol.REQUEST_BYTES) {
      int at = in.readerIndex();
      if (in.getByte(at) != HopProtocol.REQUEST) {
        in.skipBytes(in.readableBytes());
        ctx.close();
        return;
      }
      int id = in.getInt(at + 1);
      int srvIndex = in.getUnsignedShort(at + 5);
      int category = in.getUnsignedByte(at + 7);
      in.skipBytes(HopProtocol.REQUEST_BYTES);
      if (srvIndex >= SRVS || category >= CATEGORIES.length) {
        HopProtocol.writeAnswer(batch.out(), id, HopProtocol.BAD_REQUEST);
      } else {
        server.request(ctx, this, id, srvIndex, CATEGORIES[category], true);
      }
    }
  }

  /** The outcome of request {@code id}, unless its connection has closed meanwhile. */
  void answer(ChannelHandlerContext ctx, int id, Outcome outcome) {
    if (ctx.channel().isActive()) {
      HopProtocol.writeAnswer(batch.out(), id, outcome.ordinal());
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
