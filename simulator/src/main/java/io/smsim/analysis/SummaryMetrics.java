package io.smsim.analysis;

import io.smsim.metrics.Failover;
import io.smsim.metrics.FirstIncident;
import io.smsim.metrics.Incident;
import io.smsim.metrics.RegionResult;
import io.smsim.metrics.RunResult;
import io.smsim.scenario.MetricPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads a {@link MetricPath} out of one run's {@link RunResult}: the same numbers as
 * {@code summary.json}. A metric that does not apply in a run (a region the run lacks, a
 * detection delay without a detected incident, {@code incidents[2]} of a run with one incident)
 * is NaN, or {@code null} for a word; statistics leave such replications out.
 */
public final class SummaryMetrics {

  private SummaryMetrics() {
  }

  /** The metrics' values in one run, in the order given. */
  public static double[] values(RunResult run, List<MetricPath> metrics) {
    double[] out = new double[metrics.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = value(run, metrics.get(i));
    }
    return out;
  }

  /** A number (a time as epoch seconds); NaN when it does not apply. Words are NaN; see {@link #text}. */
  public static double value(RunResult run, MetricPath p) {
    if (p.region() == null) {
      return switch (p.name()) {
        case "requests" -> run.totalRequests();
        case "events" -> run.events();
        default -> throw new IllegalArgumentException("unknown run metric " + p);
      };
    }
    RegionResult r = region(run, p);
    if (r == null) {
      return Double.NaN;
    }
    if (p.item()) {
      return item(r, p);
    }
    return switch (p.name()) {
      case "birthingEvents.impacted" -> r.births().impacted();
      case "birthingEvents.total" -> r.births().total();
      case "birthingEvents.completed" -> r.births().completed();
      case "birthingEvents.disrupted" -> r.births().disrupted();
      case "birthingEvents.inProgress" -> r.births().inProgress();
      case "requests.failed" -> r.requests().failed();
      case "requests.total" -> r.requests().total();
      case "requests.succeeded" -> r.requests().succeeded();
      case "requests.inFlight" -> r.requests().inFlight();
      case "attempts.total" -> r.attempts().total();
      case "attempts.succeeded" -> r.attempts().succeeded();
      case "attempts.failed" -> r.attempts().failed();
      case "outageMinutes" -> outageMinutes(r);
      case "detectionDelayMinutes" -> detectionDelayMinutes(r);
      case "failovers" -> r.failovers().size();
      case "incidents" -> r.incidents().size();
      case "latencyMs.mean" -> r.latencyMs().mean();
      case "latencyMs.p50" -> r.latencyMs().p50();
      case "latencyMs.p90" -> r.latencyMs().p90();
      case "latencyMs.p99" -> r.latencyMs().p99();
      case "latencyMs.max" -> r.latencyMs().max();
      case "peakProcesses" -> r.peakProcesses();
      case "leakedProcesses" -> r.leakedTotal();
      case "reapedProcesses" -> r.reapedTotal();
      case "exhaustion.minutes" -> r.exhaustion() == null ? Double.NaN : r.exhaustion().minutes();
      case "exhaustion.timeOfDay" -> r.exhaustion() == null ? Double.NaN : r.exhaustion().timeOfDay();
      case "waiting.meanMs" -> r.waiting().meanMs();
      case "waiting.probability" -> r.waiting().probability();
      default -> {
        if (p.name().startsWith("firstIncident.")) {
          yield firstIncident(r.firstIncident(), p.name().substring("firstIncident.".length()));
        }
        throw new IllegalArgumentException("unknown region metric " + p);
      }
    };
  }

  /** A field of the first incident's timing; NaN without an incident (or without a detection, an end). */
  private static double firstIncident(FirstIncident f, String field) {
    if (f == null) {
      return Double.NaN;
    }
    return switch (field) {
      case "startMinutes" -> f.startMinutes();
      case "detectedMinutes" -> f.detectedMinutes();
      case "endMinutes" -> f.endMinutes();
      case "startTimeOfDay" -> f.startTimeOfDay();
      case "detectedTimeOfDay" -> f.detectedTimeOfDay();
      case "endTimeOfDay" -> f.endTimeOfDay();
      case "successRatio" -> f.successRatio();
      case "medianMinuteSuccessRatio" -> f.medianMinuteSuccessRatio();
      default -> throw new IllegalArgumentException("unknown first-incident metric " + field);
    };
  }

  /** A word metric ({@code incidents[0].resolvedBy}); {@code null} when it does not apply. */
  public static String text(RunResult run, MetricPath p) {
    RegionResult r = region(run, p);
    if (r == null || !p.item()) {
      return null;
    }
    if (p.name().equals("incidents")) {
      List<Incident> list = r.incidents();
      if (p.index() >= list.size()) {
        return null;
      }
      return p.field().equals("resolvedBy") ? list.get(p.index()).resolvedBy() : null;
    }
    List<Failover> list = r.failovers();
    if (p.index() >= list.size()) {
      return null;
    }
    Failover f = list.get(p.index());
    return switch (p.field()) {
      case "from" -> f.from();
      case "to" -> f.to();
      case "reason" -> f.reason();
      default -> null;
    };
  }

  /** Sum of the incidents' minutes (an ongoing incident counts to the end of the run). */
  static double outageMinutes(RegionResult r) {
    double sum = 0;
    for (Incident i : r.incidents()) {
      sum += i.minutes();
    }
    return sum;
  }

  /** Minutes from the first incident's start to its detection; NaN without an incident or a detection. */
  static double detectionDelayMinutes(RegionResult r) {
    if (r.incidents().isEmpty() || r.incidents().get(0).detectedAt() == null) {
      return Double.NaN;
    }
    Incident first = r.incidents().get(0);
    return Duration.between(first.start(), first.detectedAt()).toNanos() / 60e9;
  }

  private static double item(RegionResult r, MetricPath p) {
    if (p.name().equals("incidents")) {
      if (p.index() >= r.incidents().size()) {
        return Double.NaN;
      }
      Incident i = r.incidents().get(p.index());
      return switch (p.field()) {
        case "start" -> seconds(i.start());
        case "end" -> seconds(i.end());
        case "detectedAt" -> seconds(i.detectedAt());
        case "minutes" -> i.minutes();
        case "birthingEventsImpacted" -> i.birthingEventsImpacted();
        case "requestsFailed" -> i.requestsFailed();
        case "serviceRequestsFailed" -> i.serviceRequestsFailed();
        case "firmwareRequestsFailed" -> i.firmwareRequestsFailed();
        case "attempts" -> i.attempts();
        case "attemptsFailed" -> i.attemptsFailed();
        default -> Double.NaN;
      };
    }
    if (p.index() >= r.failovers().size()) {
      return Double.NaN;
    }
    Failover f = r.failovers().get(p.index());
    return switch (p.field()) {
      case "at" -> seconds(f.at());
      case "servingAt" -> seconds(f.servingAt());
      case "lostInFlight" -> f.lostInFlight();
      default -> Double.NaN;
    };
  }

  private static RegionResult region(RunResult run, MetricPath p) {
    for (RegionResult r : run.regions()) {
      if (r.region() == p.region()) {
        return r;
      }
    }
    return null;
  }

  /** Epoch seconds of an instant; NaN for none. */
  static double seconds(Instant t) {
    return t == null ? Double.NaN : t.getEpochSecond() + t.getNano() / 1e9;
  }
}
