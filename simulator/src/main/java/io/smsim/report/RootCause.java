package io.smsim.report;

import io.smsim.metrics.Failover;
import io.smsim.metrics.Incident;
import io.smsim.metrics.TimelineEvent;
import io.smsim.model.EventKind;
import io.smsim.model.Fault;
import io.smsim.model.FaultSpec;
import io.smsim.model.FailoverPolicy;
import io.smsim.model.OperationSpec;
import io.smsim.model.ReaperSpec;
import io.smsim.model.ServerTarget;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The root cause of an incident as the model produced it: the scenario's faults behind it, what
 * the run shows they did (leaked children, the process table reaching its limit, spawn failures),
 * why failover did or did not happen under the region's policy, and what resolved it. Sentences
 * follow the seed report's Root Cause Summary and Root Cause Actions.
 */
final class RootCause {

  private final ReplayView view;
  private final ZoneId zone;

  RootCause(ReplayView view) {
    this.view = view;
    this.zone = view.zone();
  }

  /** Paragraphs explaining one incident. */
  List<String> summary(RegionView r, Incident i) {
    List<String> out = new ArrayList<>();
    Instant end = i.end() == null ? view.run().virtualEnd() : i.end();
    for (FaultSpec f : faultsBefore(r, end)) {
      String text = fault(r, f, i);
      if (text != null) {
        out.add(text);
      }
    }
    if (out.isEmpty()) {
      out.add("No fault of the scenario was active in CSP " + r.name() + " during the incident: the degradation came"
          + " from load alone (" + Formats.group(i.attemptsFailed()) + " of " + Formats.group(i.attempts())
          + " attempts failed).");
    }
    out.add(failover(r, i));
    out.add(resolution(r, i));
    return out;
  }

  private String fault(RegionView r, FaultSpec f, Incident i) {
    String from = Formats.dateTime(instant(f.atNanos()), zone);
    String until = f.untilNanos() == Long.MAX_VALUE ? "to the end of the run"
        : "until " + Formats.dateTime(instant(f.untilNanos()), zone);
    Fault fault = f.fault();
    if (fault instanceof Fault.Leak leak) {
      return leak(r, f, leak, i, from, until);
    }
    if (fault instanceof Fault.HardwareFailure) {
      return "The hardware of " + servers(f.target()) + " failed from " + from + " " + until
          + " (the scenario's `hardware-failure` fault): its heartbeat was lost and its work in flight with it.";
    }
    if (fault instanceof Fault.GrayFailure g) {
      return "A gray failure on " + servers(f.target()) + " from " + from + " " + until
          + ": the server stayed up and answered heartbeats but failed " + Formats.percent(g.failureProbability())
          + " of requests" + (g.slowdown() > 1 ? " and worked " + g.slowdown() + " times slower" : "")
          + " (the scenario's `gray-failure` fault).";
    }
    if (fault instanceof Fault.BrokerRtt b) {
      return "The CSP " + r.name() + " message broker (ActiveMQ in the seed report's Sev 3) added "
          + Formats.duration(b.addNanos()) + " of round-trip time from " + from + " " + until
          + ": it slows every request of the region but fails none by itself.";
    }
    return "The SM WAN of CSP " + r.name() + " could not reach devices from " + from + " " + until
        + " (E20, unable to communicate with device).";
  }

  private String leak(RegionView r, FaultSpec f, Fault.Leak leak, Incident i, String from, String until) {
    StringBuilder b = new StringBuilder();
    b.append("The modelled defect: Gateway Scheduler child processes do not close. From ").append(from).append(' ')
        .append(until).append(", ").append(Formats.percent(leak.probability()))
        .append(" of the children that finished their work on ").append(servers(f.target()))
        .append(" stayed in the process table until reaped or until the server restarted (the scenario's `leak`"
            + " fault, with the same software on both servers). Leaked children accumulate in proportion to volume: ")
        .append(Formats.group(r.result().leakedTotal())).append(" leaked over the run.");
    TimelineEvent full = first(r, EventKind.PROCESS_LIMIT_REACHED, i.start().minusSeconds(300),
        i.end() == null ? view.run().virtualEnd() : i.end());
    if (full != null) {
      b.append(" The ").append(full.server()).append(" server's table reached its limit of ")
          .append(Formats.group(r.processLimit())).append(" processes at ").append(Formats.clock(full.at(), zone))
          .append(ReviewTimeline.leaked(full.detail())).append("; from then a request could start only when a normal"
              + " completion freed a slot, so some succeeded and more failed: ")
          .append(Formats.group(i.attemptsFailed())).append(" of ").append(Formats.group(i.attempts()))
          .append(" attempts in the incident window failed");
      Long spawn = r.result().attemptOutcomes().get("spawn_failed");
      if (spawn != null && spawn > 0) {
        b.append(", and over the whole run ").append(Formats.group(spawn))
            .append(" attempts failed because no child process could be spawned");
      }
      b.append(". In summary: a system defect exacerbated by volume.");
    }
    return b.toString();
  }

  private String failover(RegionView r, Incident i) {
    FailoverPolicy policy = r.spec().failover();
    Instant end = i.end() == null ? view.run().virtualEnd() : i.end();
    List<Failover> during = r.result().failovers().stream()
        .filter(f -> !f.at().isBefore(i.start().minusSeconds(300)) && !f.at().isAfter(end)).toList();
    if (!during.isEmpty()) {
      StringBuilder b = new StringBuilder("Failover occurred: ");
      for (Failover f : during) {
        b.append("from the ").append(f.from()).append(" to the ").append(f.to()).append(" at ")
            .append(Formats.clock(f.at(), zone)).append(" (").append(f.reason()).append("), serving from ")
            .append(Formats.clock(f.servingAt(), zone)).append(", ").append(Formats.group(f.lostInFlight()))
            .append(" requests in flight lost; ");
      }
      return b.append("the standby runs the same software.").toString();
    }
    String why;
    if (!(policy instanceof FailoverPolicy.HealthCheck h)) {
      why = "the region's failover policy is hardware-only: the standby takes over only when the active server's"
          + " heartbeat is lost. The server's hardware never failed, so it kept answering heartbeats while the"
          + " application could not serve, and traffic stayed on it";
    } else if (h.probe() == FailoverPolicy.ProbeKind.LIVENESS) {
      why = "the region's health check probes liveness only: the process kept answering, so the probe passed"
          + " while requests failed (a gray failure)";
    } else if (h.probe() == FailoverPolicy.ProbeKind.HEARTBEAT) {
      why = "the region's health check probes the heartbeat only, which a degraded application keeps answering";
    } else {
      why = "the region's synthetic health check (every " + Formats.duration(h.intervalNanos()) + ", "
          + h.failureThreshold() + " consecutive failures) never saw " + h.failureThreshold()
          + " failed probes in a row: near the limit some probes still succeed";
    }
    return "Failover did not occur: " + why + ".";
  }

  private String resolution(RegionView r, Incident i) {
    if (i.end() == null) {
      return "The incident was still ongoing when the run ended at "
          + Formats.dateTime(view.run().virtualEnd(), zone) + ".";
    }
    Instant to = i.end().plusSeconds(60);
    return switch (i.resolvedBy()) {
      case "restart" -> {
        TimelineEvent e = last(r, EventKind.RESTART, i.start(), to);
        yield "Resolved by a restart: CSP " + r.name() + " restarted the " + (e == null ? "" : e.server() + " ")
            + "server" + (e == null ? "" : " at " + Formats.clock(e.at(), zone) + " (" + e.detail() + "), losing "
            + Formats.group(e.value()) + " requests in flight") + "; all its processes, leaked ones included, died"
            + " with it, and service was restored at " + Formats.clock(i.end(), zone) + ".";
      }
      case "failover" -> "Resolved by the failover: the standby started with an empty process table; service was"
          + " restored at " + Formats.clock(i.end(), zone) + ".";
      case "reaper" -> {
        TimelineEvent e = last(r, EventKind.REAPER, i.start(), to);
        yield "Resolved by the reaper" + (e == null ? "" : ", which killed " + Formats.group(e.value())
            + " leaked children at " + Formats.clock(e.at(), zone)) + "; service was restored at "
            + Formats.clock(i.end(), zone) + ".";
      }
      default -> "Service recovered at " + Formats.clock(i.end(), zone)
          + " without a restart, failover or reaper run.";
    };
  }

  /**
   * One of the report's Root Cause Actions, as the run modelled it.
   *
   * @param done whether the run has it in force
   * @param closed what the run did about it, starting "Yes" or "No"
   * @param preventative whether it prevents a recurrence (rather than restoring a contributing fault)
   * @param topic what a variant of a comparison changes to model the action
   */
  record Action(String what, boolean done, String closed, String owner, boolean preventative,
      VariantChanges.Topic topic) {
  }

  /** The report's Root Cause Actions for a region, as the run modelled them. */
  List<Action> actions(RegionView r) {
    List<Action> rows = new ArrayList<>();
    String owner = "CSP " + r.name();
    FailoverPolicy policy = r.spec().failover();
    boolean health = policy instanceof FailoverPolicy.HealthCheck;
    rows.add(new Action("Fail over to the standby when the application degrades, not only when the server"
        + " hardware fails (monitoring of channels decides when).", health,
        policy instanceof FailoverPolicy.HealthCheck h
            ? "Yes: health check (" + h.probe().name().toLowerCase(Locale.ROOT) + " probe every "
                + Formats.duration(h.intervalNanos()) + ", " + h.failureThreshold() + " failures, switchover "
                + Formats.duration(h.switchoverNanos()) + ")"
            : "No: hardware-only in this run", owner, true, VariantChanges.Topic.FAILOVER));
    reaperAction(r, owner, rows);
    for (FaultSpec f : view.scenario().faults()) {
      if (f.region() != r.result().region()) {
        continue;
      }
      String ended = f.untilNanos() == Long.MAX_VALUE ? null : Formats.dateTime(instant(f.untilNanos()), zone);
      if (f.fault() instanceof Fault.Leak) {
        rows.add(new Action("Hot fix for the Gateway Scheduler defect (child processes not closing).", ended != null,
            ended == null ? "No: the leak lasts to the end of the run" : "Yes: the leak ends at " + ended, owner,
            true, VariantChanges.Topic.LEAK));
      } else if (f.fault() instanceof Fault.BrokerRtt b) {
        rows.add(new Action("Restore the broker round-trip time (+" + Formats.duration(b.addNanos())
            + "; the seed's Sev 3, resolved by restarting ActiveMQ).", ended != null,
            ended == null ? "No: lasts to the end of the run" : "Yes: restored at " + ended, owner, false,
            VariantChanges.Topic.BROKER));
      }
    }
    return rows;
  }

  private void reaperAction(RegionView r, String owner, List<Action> rows) {
    ReaperSpec reaper = r.spec().reaper();
    Instant from = view.run().virtualStart();
    for (OperationSpec op : view.scenario().operations()) {
      if (op.region() == r.result().region() && op.action() == OperationSpec.Action.SET_REAPER) {
        reaper = op.reaper();
        from = instant(op.atNanos());
      }
    }
    if (!reaper.periodic() && !reaper.hasThreshold()) {
      rows.add(new Action("A cron job removing leaked child processes.", false, "No reaper in this run", owner, true,
          VariantChanges.Topic.REAPER));
      return;
    }
    long runs = 0;
    long killed = 0;
    for (TimelineEvent e : r.result().events()) {
      if (e.kind() == EventKind.REAPER && !e.at().isBefore(from)) {
        runs++;
        killed += e.value();
      }
    }
    String what = "A cron job removing leaked child processes"
        + (reaper.periodic() ? " every " + Formats.duration(reaper.periodNanos()) : "")
        + (reaper.hasThreshold() ? (reaper.periodic() ? ", and at once when " : " when ")
            + Formats.group(reaper.threshold()) + " processes (" + Formats.share(reaper.threshold(), r.processLimit())
            + " of capacity) are reached" : "") + ".";
    String closed = "Yes: in force from " + Formats.dateTime(from, zone) + "; " + Formats.group(runs) + " runs removed "
        + Formats.group(killed) + " children";
    rows.add(new Action(what, true, closed, owner, true, VariantChanges.Topic.REAPER));
  }

  /** Faults of the region that started before {@code end}. */
  private List<FaultSpec> faultsBefore(RegionView r, Instant end) {
    return view.scenario().faults().stream()
        .filter(f -> f.region() == r.result().region() && instant(f.atNanos()).isBefore(end))
        .toList();
  }

  private static String servers(ServerTarget t) {
    return switch (t) {
      case BOTH -> "both servers (primary and secondary)";
      case PRIMARY -> "the primary server";
      case SECONDARY -> "the secondary server";
      case ACTIVE -> "the active server";
    };
  }

  private Instant instant(long nanos) {
    return view.scenario().timebase().instantOf(nanos);
  }

  private static TimelineEvent first(RegionView r, EventKind kind, Instant from, Instant to) {
    for (TimelineEvent e : r.result().events()) {
      if (e.kind() == kind && !e.at().isBefore(from) && !e.at().isAfter(to)) {
        return e;
      }
    }
    return null;
  }

  private static TimelineEvent last(RegionView r, EventKind kind, Instant from, Instant to) {
    TimelineEvent found = null;
    for (TimelineEvent e : r.result().events()) {
      if (e.kind() == kind && !e.at().isBefore(from) && !e.at().isAfter(to)) {
        found = e;
      }
    }
    return found;
  }
}
