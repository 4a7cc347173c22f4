package io.smsim.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.smsim.duis.DuisRequestBuilder;
import io.smsim.duis.Endpoint;
import io.smsim.duis.RequestId;
import io.smsim.model.Srv;
import io.smsim.model.SrvCatalogue;

/**
 * Turns a chosen SRV and target into an HTTP POST of a DUIS request built by the project's own
 * {@link DuisRequestBuilder} (the SRV's default command variant; the endpoint that variant is sent
 * to), written straight into a pooled buffer. One per worker: not thread-safe.
 */
final class RequestEncoder {

  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();
  private static final String XML = "application/xml";

  private final DuisRequestBuilder builder = DuisRequestBuilder.create(CATALOGUE);
  private final StringBuilder text = new StringBuilder(1536);
  private final String[] paths = new String[Endpoint.values().length];
  private final String host;
  private final long originator;

  RequestEncoder(LoadOptions options) {
    for (Endpoint e : Endpoint.values()) {
      paths[e.ordinal()] = options.pathPrefix() + e.path();
    }
    this.host = options.target().getHost() + ":" + options.port();
    this.originator = options.originator();
  }

  FullHttpRequest encode(ByteBufAllocator alloc, int srvIndex, long target, long counter) {
    Srv srv = CATALOGUE.get(srvIndex);
    int variant = srv.defaultCommandVariant();
    text.setLength(0);
    builder.appendTo(text, srv, new RequestId(originator, target, counter), variant);
    ByteBuf body = alloc.buffer(text.length());
    ByteBufUtil.writeUtf8(body, text);
    FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
        paths[Endpoint.forCommandVariant(variant).ordinal()], body);
    r.headers().set(HttpHeaderNames.HOST, host).set(HttpHeaderNames.CONTENT_TYPE, XML)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    return r;
  }
}
