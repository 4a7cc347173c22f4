package io.smsim.live;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;

/**
 * Counts every HTTP response a server writes, by status code, whoever wrote it: the handler, the
 * aggregator's 413, the deadline's 408, a 400 for a request the codec could not read. Placed just
 * after the HTTP codec, so each response passes it on its way out.
 */
@ChannelHandler.Sharable
final class StatusCounter extends ChannelOutboundHandlerAdapter {

  private final LiveMetrics metrics;
  private final String server;
  /**
   * Each status's series, looked up once: a race between loops only looks the same series up twice,
   * and a reference is written whole.
   */
  private final CounterDataPoint[] byStatus = new CounterDataPoint[1000];

  StatusCounter(LiveMetrics metrics, String server) {
    this.metrics = metrics;
    this.server = server;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
    if (msg instanceof HttpResponse r) {
      int status = r.status().code();
      if (status < 0 || status >= byStatus.length) {
        metrics.httpResponse(server, status);
      } else {
        CounterDataPoint series = byStatus[status];
        if (series == null) {
          series = metrics.httpResponseSeries(server, status);
          byStatus[status] = series;
        }
        series.inc();
      }
    }
    super.write(ctx, msg, promise);
  }
}
