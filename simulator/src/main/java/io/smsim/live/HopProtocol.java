package io.smsim.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;

/**
 * The wire format of the DSP's hop to a gateway server: a connection opens with {@link #PREFACE}
 * (which a gateway port tells from HTTP/1.1 by its first bytes, {@link GatewayProtocols}), then
 * carries fixed-size frames, big-endian, any number in flight, answered in whatever order the
 * gateway's children end:
 *
 * <pre>
 *   request  (DSP to gateway)  'Q' | id: u32 | srv: u16 (index in SrvCatalogue.standard()) | category: u8 (ordinal)
 *   answer   (gateway to DSP)  'A' | id: u32 | code: u8 (Outcome ordinal, or BAD_REQUEST)
 * </pre>
 *
 * The request carries only what the gateway reads (the DSP has parsed and validated the DUIS request;
 * the gateway's model needs its SRV and category), so neither end parses text or allocates per
 * frame. Any other first byte is a protocol error and closes the connection, which fails every
 * request in flight on it as a closed connection would. Both ends are this build: the SRV and
 * category are indices of its own catalogue and enum, and the preface names the format's version.
 */
final class HopProtocol {

  /**
   * The connection's first bytes; no HTTP/1.1 request line starts so, as '/' cannot be part of a method
   * (a token, RFC 9110 5.6.2).
   */
  static final ByteBuf PREFACE = Unpooled.unreleasableBuffer(
      Unpooled.copiedBuffer("SMSIM-HOP/1\r\n", StandardCharsets.US_ASCII).asReadOnly());
  static final byte REQUEST = 'Q';
  static final byte ANSWER = 'A';
  static final int REQUEST_BYTES = 1 + 4 + 2 + 1;
  static final int ANSWER_BYTES = 1 + 4 + 1;
  /** The answer's code for a request the gateway could not read (an SRV or category out of range). */
  static final int BAD_REQUEST = 0xFF;

  private HopProtocol() {
  }

  static void writeRequest(ByteBuf out, int id, int srvIndex, int category) {
    out.writeByte(REQUEST).writeInt(id).writeShort(srvIndex).writeByte(category);
  }

  static void writeAnswer(ByteBuf out, int id, int code) {
    out.writeByte(ANSWER).writeInt(id).writeByte(code);
  }

  /**
   * One connection's outgoing frames, written into one buffer and flushed once per turn of the
   * event loop: frames written in the same turn (answers of children that ended together, requests
   * whose broker delay ended together) leave in one write. Used on the connection's loop only.
   */
  static final class Batch implements Runnable {
    private final ChannelHandlerContext ctx;
    private ByteBuf pending;

    Batch(ChannelHandlerContext ctx) {
      this.ctx = ctx;
    }

    /** The buffer to append frames to; it leaves at the end of this turn of the loop. */
    ByteBuf out() {
      if (pending == null) {
        pending = ctx.alloc().ioBuffer(256);
        ctx.executor().execute(this);
      }
      return pending;
    }

    @Override
    public void run() {
      ByteBuf b = pending;
      pending = null;
      if (b == null) {
        return;
      }
      if (ctx.channel().isActive()) {
        ctx.writeAndFlush(b, ctx.voidPromise());
      } else {
        b.release();
      }
    }
  }
}
