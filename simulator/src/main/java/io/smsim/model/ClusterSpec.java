package io.smsim.model;

import io.smsim.engine.Distribution;

/**
 * What the region model ({@link RegionOperations}) needs of a region's configuration: its gateway
 * servers, failover policy, reaper, monitoring, operator policy and broker. The scenario's
 * {@code RegionSpec} implements it.
 */
public interface ClusterSpec {

  Region region();

  GatewaySpec gateway();

  FailoverPolicy failover();

  ReaperSpec reaper();

  MonitoringSpec monitoring();

  OperatorSpec operator();

  /** DSP↔CSP broker round trip, nanoseconds. */
  Distribution brokerRtt();
}
