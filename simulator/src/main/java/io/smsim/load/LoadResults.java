package io.smsim.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adds a run's workers' parts and the sampler's histograms up into a {@link LoadResult}. */
final class LoadResults {

  private LoadResults() {
  }

  static LoadResult of(LoadOptions o, Traffic traffic, LoadStats stats, IntervalSampler sampler,
      List<LoadWorker.WorkerResult> parts, CallbackReceiver receiver, Instant wallStart, double wallSeconds) {
    long issued = 0;
    long onWire = 0;
    long inFlight = 0;
    long late = 0;
    long maxLateness = 0;
    long maxAwaiting = 0;
    long lateAnswers = 0;
    long duplicated = 0;
    long transformed = 0;
    long unknown = stats.unknownCallbacks.get();
    long[] byCode = new long[Codes.MAX];
    List<String> lost = new ArrayList<>();
    List<String> dups = new ArrayList<>();
    SecondSeries series = new SecondSeries();
    AnswerSeries answers = new AnswerSeries();
    List<Ledger.Lost> lostDetail = new ArrayList<>();
    for (LoadWorker.WorkerResult p : parts) {
      Ledger.Totals t = p.ledger();
      issued += t.issued();
      onWire += p.sentOnWire();
      inFlight += t.inFlight();
      late += p.late();
      maxLateness = Math.max(maxLateness, p.maxLatenessNanos());
      maxAwaiting += t.maxAwaiting();
      lateAnswers += t.lateAnswers();
      duplicated += t.duplicated();
      transformed += t.transformed();
      unknown += t.unknown();
      for (int i = 0; i < Codes.MAX; i++) {
        byCode[i] += t.byCode()[i];
      }
      lost.addAll(t.lostIds());
      dups.addAll(t.duplicatedIds());
      series.add(t.series());
      answers.add(t.answers());
      lostDetail.addAll(t.lost());
    }
    lost.sort(Comparator.comparingLong(LoadResults::counterOf));
    List<String> names = stats.codes.names();
    double duration = o.durationNanos() / 1e9;
    LoadResult.Setup setup = new LoadResult.Setup(o.target().toString(), o.pacing().describe(), traffic.describe(),
        duration, o.connections(), o.threads(), o.maxInFlight(), o.responseTimeoutNanos() / 1e9,
        o.graceNanos() / 1e9, o.lateThresholdNanos() / 1e6, o.ackOnly(),
        receiver == null ? null : receiver.url().toString(), o.seed(), wallStart, wallSeconds);
    LoadResult.Outcomes outcomes = new LoadResult.Outcomes(issued, byCode[Codes.OK], errors(names, byCode),
        byCode[Codes.TIMEOUT], byCode[Codes.TIMEOUT_NO_ACK], inFlight);
    LoadResult.Accounting accounting = new LoadResult.Accounting(lost.size(), List.copyOf(lost), lateAnswers,
        duplicated, List.copyOf(dups), unknown, stats.unparsableCallbacks.get(), stats.callbackAcknowledgements.get());
    LoadResult.Sends sends = new LoadResult.Sends(onWire, late, maxLateness / 1e6, byCode[Codes.OVERLOAD],
        maxAwaiting, onWire / duration, transformed, PreCommandSigner.keySource(o));
    LoadResult.Latency latency = new LoadResult.Latency(sampler.totalAck(), sampler.totalE2e(),
        sampler.totalE2eByRegion());
    LoadResult.Series s = new LoadResult.Series(names, series, sampler.rows(), traffic.regionsUsed());
    return new LoadResult(setup, outcomes, accounting, sends, latency, s,
        servers(o, stats.servers.names(), answers, lostDetail));
  }

  private static LoadResult.Servers servers(LoadOptions o, List<String> names, AnswerSeries answers,
      List<Ledger.Lost> lost) {
    lost.sort(Comparator.comparingLong(Ledger.Lost::counter));
    List<LoadResult.Lost> list = new ArrayList<>(lost.size());
    for (Ledger.Lost l : lost) {
      String by = l.server() == ServerNames.NONE && o.serverHeader() == null ? null : names.get(l.server());
      list.add(new LoadResult.Lost(l.requestId(), l.intendedOffset() / 1e9, by));
    }
    return new LoadResult.Servers(o.serverHeader(), names, answers, list);
  }

  /** Error codes (not ok, not timeouts) with their counts, largest first, then by name. */
  private static Map<String, Long> errors(List<String> names, long[] byCode) {
    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (i != Codes.OK && !Codes.isTimeout(i) && byCode[i] > 0) {
        codes.add(i);
      }
    }
    codes.sort((a, b) -> byCode[a] != byCode[b] ? Long.compare(byCode[b], byCode[a])
        : names.get(a).compareTo(names.get(b)));
    Map<String, Long> errors = new LinkedHashMap<>();
    for (int i : codes) {
      errors.put(names.get(i), byCode[i]);
    }
    return errors;
  }

  private static long counterOf(String requestId) {
    return Long.parseLong(requestId.substring(requestId.lastIndexOf(':') + 1));
  }
}
