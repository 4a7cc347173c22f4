package io.smsim.sim;

import io.smsim.engine.RandomStream;
import io.smsim.engine.RandomStreams;
import io.smsim.model.AlertRule;
import io.smsim.model.FailoverController;
import io.smsim.model.GatewayScheduler;
import io.smsim.model.Region;
import io.smsim.model.ServerRole;
import io.smsim.scenario.RegionSpec;

/** One region's runtime state in a replay: its two servers, failover controller, alert rule, broker and WAN. */
final class Cluster {

  final int index;
  final Region region;
  final RegionSpec spec;
  final GatewayScheduler[] servers = new GatewayScheduler[2];
  final FailoverController failover;
  final AlertRule alert;
  final RandomStream brokerRandom;
  final int[] hardwareFaults = new int[2];
  final boolean[] atLimit = new boolean[2];
  long brokerAddNanos;
  /** The reaper in force (the scenario's, until a set-reaper operation changes it). */
  io.smsim.model.ReaperSpec reaper;
  /** Bumped when the reaper changes, so cron events of the old schedule are ignored. */
  int reaperGeneration;
  int wanOutages;
  /** Reaper-outage faults in force: while positive, neither cron runs nor the threshold trigger reap. */
  int reaperOutages;

  Cluster(RegionSpec spec, RandomStreams streams) {
    this.region = spec.region();
    this.index = region.ordinal();
    this.spec = spec;
    for (ServerRole role : ServerRole.values()) {
      servers[role.ordinal()] = new GatewayScheduler(region.key() + "." + role.key(), spec.gateway(), streams);
    }
    this.failover = new FailoverController(spec.failover());
    this.alert = new AlertRule(spec.monitoring());
    this.brokerRandom = streams.stream(region.key() + ".broker");
    this.reaper = spec.reaper();
  }

  /** Global server index ({@code region * 2 + role}) of the role. */
  int serverIndex(ServerRole role) {
    return index * 2 + role.ordinal();
  }

  /** The server requests are routed to: the active one, or during a switchover the one taking over. */
  int routedServer() {
    ServerRole role = failover.switching() ? failover.standby() : failover.active();
    return serverIndex(role);
  }

  boolean serving() {
    return !failover.switching() && servers[failover.active().ordinal()].state() == GatewayScheduler.State.UP;
  }

  GatewayScheduler server(int serverIndex) {
    return servers[serverIndex & 1];
  }

  long brokerRttNanos() {
    return (long) spec.brokerRtt().sample(brokerRandom) + brokerAddNanos;
  }
}
