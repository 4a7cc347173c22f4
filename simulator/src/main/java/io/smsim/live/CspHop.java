package io.smsim.live;

import io.smsim.duis.ResponseCode;
import io.smsim.model.Category;
import io.smsim.model.Outcome;
import io.smsim.model.ServerRole;
import io.smsim.model.Srv;
import io.smsim.model.SrvCatalogue;
import io.smsim.workload.CategoryLoad;
import java.util.concurrent.TimeUnit;

/**
 * The DSP's asynchronous half: carries an acknowledged request through the region's broker (its
 * round-trip time, faults included, waited out on the region's loop) to the region's routed gateway
 * server over loopback ({@link HopClient}: one connection per server and loop, binary frames that carry
 * the request's SRV and category, answers in the order the children end), turns what comes back into
 * an {@link Outcome}, and hands the final DUIS response to {@link ResponseDelivery}. Every accepted
 * request ends here exactly once.
 *
 * <p>Transport failures are outcomes too: a refused connection (hardware failure, nothing listens)
 * is {@link Outcome#UNAVAILABLE}; a connection dropped with the request in flight is
 * {@link Outcome#LOST}; no answer within the deadline (twice the response timeout plus a minute,
 * virtual) is {@link Outcome#NO_RESPONSE}; a full connection pool sheds as {@link Outcome#QUEUE_FULL}.
 */
final class CspHop {

  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();
  private static final Outcome[] OUTCOMES = Outcome.values();

  private final LiveCluster[] clusters;
  private final Category[][] categoryBySrv;
  private final HopClient client;
  private final DspService dsp;
  private final ResponseDelivery delivery;
  private final LiveMetrics metrics;

  CspHop(LiveCluster[] clusters, HopClient client, DspService dsp, ResponseDelivery delivery,
      LiveMetrics metrics) {
    this.clusters = clusters;
    this.client = client;
    this.dsp = dsp;
    this.delivery = delivery;
    this.metrics = metrics;
    this.categoryBySrv = new Category[clusters.length][];
    for (LiveCluster c : clusters) {
      if (c != null) {
        categoryBySrv[c.region.ordinal()] = categories(c);
      }
    }
  }

  /**
   * The category a region's gateway files an SRV under: as the scenario's workload for that region
   * uses it (journey steps are install, the firmware mix is firmware), else firmware for 11.1 and
   * 11.3 and on-demand for the rest.
   */
  private static Category[] categories(LiveCluster c) {
    Category[] byIndex = new Category[CATALOGUE.size()];
    for (int i = 0; i < byIndex.length; i++) {
      String v = CATALOGUE.get(i).variant();
      byIndex[i] = v.equals("11.1") || v.equals("11.3") ? Category.FIRMWARE : Category.ON_DEMAND;
    }
    for (CategoryLoad load : c.spec.workload().values()) {
      for (Srv srv : load.srvs()) {
        byIndex[CATALOGUE.indexOf(srv.variant())] = load.category();
      }
    }
    return byIndex;
  }

  void forward(DspService.Accepted a) {
    LiveCluster c = clusters[a.region().ordinal()];
    c.loop.execute(() -> {
      long rttNanos = c.ops.brokerRttNanos();
      c.loop.schedule(() -> send(c, a), c.clock().realNanos(rttNanos), TimeUnit.NANOSECONDS);
    });
  }

  /** On the region's loop: the hop's exchanges run wholly on it (see {@link HopClient}). */
  private void send(LiveCluster c, DspService.Accepted a) {
    int port = c.routedPort();
    ServerRole role = c.server(ServerRole.PRIMARY).port() == port ? ServerRole.PRIMARY : ServerRole.SECONDARY;
    int srvIndex = CATALOGUE.indexOf(a.srv().variant());
    Category category = categoryBySrv[c.region.ordinal()][srvIndex];
    long deadline = c.clock().realNanos(2 * c.spec.gateway().responseTimeoutNanos() + 60_000_000_000L);
    client.send(c.server(role).address(), srvIndex, category.ordinal(), deadline,
        (failure, code) -> finish(c, role, category, a, outcome(failure, code)));
  }

  /** What a hop's ending means for the request: the gateway's outcome, or the transport failure's. */
  static Outcome outcome(HttpResult.Failure failure, int code) {
    return switch (failure) {
      case NONE -> code < OUTCOMES.length ? OUTCOMES[code] : Outcome.GATEWAY_ERROR;
      case REFUSED -> Outcome.UNAVAILABLE;
      case CLOSED, ERROR -> Outcome.LOST;
      case TIMEOUT -> Outcome.NO_RESPONSE;
      case OVERLOADED -> Outcome.QUEUE_FULL;
    };
  }

  private void finish(LiveCluster c, ServerRole role, Category category, DspService.Accepted a, Outcome outcome) {
    c.attemptEnded(category, outcome);
    long virtualNanos = c.clock().virtualNanos(System.nanoTime() - a.acceptedNanos());
    metrics.outcome(c.region, role, a.srv().variant(), outcome, virtualNanos);
    ResponseCode code = ResponseCode.find(outcome.duisCode()).orElse(ResponseCode.CSP_UNAVAILABLE);
    // the request holds its admission slot until its final response is delivered or given up; without a
    // response URL the final response is only counted, and not built
    if (delivery.url() == null) {
      delivery.deliver(null, "", dsp::ended);
      return;
    }
    delivery.deliver(dsp.responses().finalResponse(a.request(), code, null, dsp.wallClock().instant()),
        a.request().requestId().format(), dsp::ended);
  }
}
