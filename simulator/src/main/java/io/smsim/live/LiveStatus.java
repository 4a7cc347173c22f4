package io.smsim.live;

import java.util.List;
import java.util.Map;

/** The JSON shapes of {@code GET /admin/status}: a snapshot of every region, taken on its event loop. */
final class LiveStatus {

  private LiveStatus() {
  }

  /** The whole emulation. */
  record Emulation(String scenario, double timeScale, String virtualNow, String virtualNowLocal, Map<String, Object> dsp,
      List<Region> regions, List<LiveEvents.Event> events) {
  }

  /** One region's cluster. */
  record Region(String region, String policy, String probe, String active, String standby, boolean switching,
      int failovers, long brokerAddMs, boolean wanOutage, boolean reaperOutage, List<Server> servers,
      List<ActiveFault> faults) {
  }

  /** One gateway server. */
  record Server(String role, String state, boolean active, int port, int processLimit, int processes, int working,
      int queued, int leaked, int peakProcesses, double leakProbability, boolean grayFailing, long leakedTotal,
      long reapedTotal, long admitted, int inFlight, Map<String, Long> outcomes) {
  }

  /**
   * A fault in force, from the scenario's timeline or injected through the admin API; {@code inForce}
   * is false while a stronger fault of its kind governs (the overlap rule of {@code model.FaultState}).
   */
  record ActiveFault(int id, String kind, String source, String servers, String since, Map<String, Object> params,
      boolean inForce) {
  }
}
