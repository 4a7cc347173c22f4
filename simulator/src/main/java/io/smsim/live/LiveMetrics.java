package io.smsim.live;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smsim.duis.xmldsig.SignatureRejectedException;
import io.smsim.model.Outcome;
import io.smsim.model.Region;
import io.smsim.model.ServerRole;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The live emulation's metrics, kept with the official Prometheus Java client
 * (prometheus-metrics-core) in a registry of its own, exposed by {@code GET /metrics} in the
 * Prometheus text format. Counters and histograms are updated where things happen (any thread);
 * gauges of the model's state (processes, server state, failover) are set from region snapshots
 * just before each scrape.
 */
final class LiveMetrics {

  /** Content type of {@link #scrape}. */
  static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  private final PrometheusRegistry registry = new PrometheusRegistry();

  private final Counter dspRequests = Counter.builder().name("smsim_dsp_requests_total")
      .help("DUIS requests answered synchronously by the DSP, by endpoint and code (I99 acknowledged, "
          + "E11/E12/E13/E19 rejected, shed = refused under overload, http_NNN = HTTP-level refusal)")
      .labelNames("endpoint", "code").register(registry);
  private final Histogram dspSeconds = Histogram.builder().name("smsim_dsp_answer_seconds")
      .help("Real time from a whole request received to its synchronous answer written, by endpoint")
      .classicOnly().classicUpperBounds(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5)
      .labelNames("endpoint").register(registry);
  private final Counter requests = Counter.builder().name("smsim_requests_total")
      .help("Accepted requests by final outcome, region, gateway server and SRV; code is the DUIS response code")
      .labelNames("region", "server", "srv", "outcome", "code").register(registry);
  private final Histogram latency = Histogram.builder().name("smsim_request_latency_seconds")
      .help("Model (virtual) time from acknowledgement to final outcome, by region and outcome")
      .classicOnly().classicUpperBounds(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300)
      .labelNames("region", "outcome").register(registry);
  private final Counter failovers = Counter.builder().name("smsim_failovers_total")
      .help("Failovers started, by region").labelNames("region").register(registry);
  private final Counter reaped = Counter.builder().name("smsim_reaped_processes_total")
      .help("Leaked children killed by the reaper, by region and server").labelNames("region", "server")
      .register(registry);
  private final Counter deliveries = Counter.builder().name("smsim_response_deliveries_total")
      .help("Final responses POSTed to the response URL: delivered, retried (one per retry), failed after "
          + "retries, dropped (delivery backlog full), disabled (no response URL)")
      .labelNames("result").register(registry);
  private final Gauge processes = Gauge.builder().name("smsim_gateway_processes")
      .help("Gateway Scheduler processes by state: working, queued, leaked").labelNames("region", "server", "state")
      .register(registry);
  private final Gauge processLimit = Gauge.builder().name("smsim_gateway_process_limit")
      .help("Process-table capacity").labelNames("region", "server").register(registry);
  private final Gauge up = Gauge.builder().name("smsim_gateway_up")
      .help("1 when the server is up, 0 when restarting or failed").labelNames("region", "server").register(registry);
  private final Gauge active = Gauge.builder().name("smsim_gateway_active")
      .help("1 for the region's active server, 0 for the standby").labelNames("region", "server").register(registry);
  private final Gauge switching = Gauge.builder().name("smsim_failover_switching")
      .help("1 while a switchover is in progress").labelNames("region").register(registry);
  private final Counter httpResponses = Counter.builder().name("smsim_http_responses_total")
      .help("HTTP responses written, by server (duis, admin) and status code, whoever wrote them: answers, 400 for "
          + "unreadable requests, 408 for slow ones, 413 for oversized bodies, 503 when refused under load")
      .labelNames("server", "code").register(registry);
  private final Counter signatureRefusals = Counter.builder().name("smsim_dsp_signature_refusals_total")
      .help("Requests refused (E1) because their XML signature was not accepted, by reason: missing, misplaced, "
          + "not_duis_profile, no_key_info, unknown_certificate, certificate_not_valid_now, digest_mismatch, "
          + "bad_signature_value, signer_not_originator, malformed")
      .labelNames("reason").register(registry);
  private final Counter signedResponses = Counter.builder().name("smsim_signed_responses_total")
      .help("Final responses signed with the DSP's key (--sign-key)").register(registry);
  private final Counter alerts = Counter.builder().name("smsim_alerts_total")
      .help("Alerts raised by region, type (power-outage, supply-restored ...), DUIS code (AD1, 8F35 ...), source "
          + "(workload or storm) and outcome at the region's gateway (success: sent to the response URL; "
          + "shed-live-rate: above the live alert rate, never raised)")
      .labelNames("region", "type", "code", "source", "outcome").register(registry);
  private final Counter alertDeliveries = Counter.builder().name("smsim_alert_deliveries_total")
      .help("Alerts POSTed to the response URL: delivered, retried (one per retry), undeliverable (given up after retries), dropped "
          + "(the alerts' own delivery backlog full), disabled (no response URL)")
      .labelNames("result").register(registry);
  private final Gauge inFlight = Gauge.builder().name("smsim_dsp_in_flight_requests")
      .help("Acknowledged requests without a final outcome yet").register(registry);

  /**
   * The data points of the per-request series, looked up once per label set: the client's own
   * lookup builds a label list and hashes it on every call. Keys are the label values joined by
   * {@code \n}, which no label value contains; the per-request paths look up by two or three
   * constant strings in nested maps, allocating nothing.
   */
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, CounterDataPoint>> dspRequestPoints =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, DistributionDataPoint> dspSecondsPoints = new ConcurrentHashMap<>();
  /** By (region, server, outcome), see {@link #outcomePoints}. */
  private final AtomicReferenceArray<OutcomePoints> outcomePoints =
      new AtomicReferenceArray<>(Region.values().length * ROLES * Outcome.count());
  private static final int ROLES = ServerRole.values().length;

  /** One (region, server, outcome)'s counters by SRV, and its latency histogram. */
  private record OutcomePoints(ConcurrentHashMap<String, CounterDataPoint> bySrv, DistributionDataPoint latency) {
  }

  void dspAnswer(String endpoint, String code, long realNanos) {
    dspRequestPoints.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>())
        .computeIfAbsent(code, c -> dspRequests.labelValues(endpoint, c)).inc();
    dspSecondsPoints.computeIfAbsent(endpoint, e -> dspSeconds.labelValues(e)).observe(realNanos / 1e9);
  }

  void signatureRefused(SignatureRejectedException.Reason reason) {
    signatureRefusals.labelValues(reason.name().toLowerCase(java.util.Locale.ROOT)).inc();
  }

  void signedResponse() {
    signedResponses.inc();
  }

  void outcome(Region region, ServerRole server, String srv, Outcome outcome, long virtualNanos) {
    OutcomePoints p = outcomePoints(region, server, outcome);
    p.bySrv().computeIfAbsent(srv, v -> requests.labelValues(region.key(), server.key(), v, outcome.label(),
        outcome.duisCode())).inc();
    p.latency().observe(virtualNanos / 1e9);
  }

  private OutcomePoints outcomePoints(Region region, ServerRole server, Outcome outcome) {
    int i = (region.ordinal() * ROLES + server.ordinal()) * Outcome.count() + outcome.ordinal();
    OutcomePoints p = outcomePoints.get(i);
    if (p == null) {
      outcomePoints.compareAndSet(i, null, new OutcomePoints(new ConcurrentHashMap<>(),
          latency.labelValues(region.key(), outcome.label())));
      p = outcomePoints.get(i);
    }
    return p;
  }

  void httpResponse(String server, int status) {
    httpResponseSeries(server, status).inc();
  }

  /** The series of {@code server}'s responses with {@code status}, for a caller that keeps it. */
  CounterDataPoint httpResponseSeries(String server, int status) {
    return httpResponses.labelValues(server, Integer.toString(status));
  }

  void failover(Region region) {
    failovers.labelValues(region.key()).inc();
  }

  void reaped(Region region, ServerRole server, int n) {
    reaped.labelValues(region.key(), server.key()).inc(n);
  }

  void delivery(String result) {
    deliveries.labelValues(result).inc();
  }

  void alert(Region region, io.smsim.model.AlertType type, String source, String outcome) {
    alerts.labelValues(region.key(), type.key(), type.code(), source, outcome).inc();
  }

  void alertDelivery(String result) {
    alertDeliveries.labelValues(result).inc();
  }

  /** The text exposition, after setting the gauges from {@code regions}. */
  byte[] scrape(List<LiveStatus.Region> regions, int dspInFlight) {
    for (LiveStatus.Region r : regions) {
      switching.labelValues(r.region()).set(r.switching() ? 1 : 0);
      for (LiveStatus.Server s : r.servers()) {
        processes.labelValues(r.region(), s.role(), "working").set(s.working());
        processes.labelValues(r.region(), s.role(), "queued").set(s.queued());
        processes.labelValues(r.region(), s.role(), "leaked").set(s.leaked());
        processLimit.labelValues(r.region(), s.role()).set(s.processLimit());
        up.labelValues(r.region(), s.role()).set(s.state().equals("up") ? 1 : 0);
        active.labelValues(r.region(), s.role()).set(s.active() ? 1 : 0);
      }
    }
    inFlight.set(dspInFlight);
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
