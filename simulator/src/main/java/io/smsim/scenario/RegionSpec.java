package io.smsim.scenario;

import io.smsim.engine.Distribution;
import io.smsim.model.Category;
import io.smsim.model.ClusterSpec;
import io.smsim.model.FailoverPolicy;
import io.smsim.model.GatewaySpec;
import io.smsim.model.MonitoringSpec;
import io.smsim.model.OperatorSpec;
import io.smsim.model.ReaperSpec;
import io.smsim.model.Region;
import io.smsim.workload.CategoryLoad;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One region's CSP: its gateway cluster (primary and secondary run the same {@code gateway}
 * configuration), failover policy, reaper, monitoring, operations, message broker, and workload.
 *
 * @param brokerRtt round-trip time added by the DSP→CSP message broker, nanoseconds
 * @param workload per category; a missing category sends nothing
 */
public record RegionSpec(Region region, GatewaySpec gateway, FailoverPolicy failover, ReaperSpec reaper,
    MonitoringSpec monitoring, OperatorSpec operator, Distribution brokerRtt,
    Map<Category, CategoryLoad> workload) implements ClusterSpec {

  public RegionSpec {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(failover, "failover");
    Objects.requireNonNull(reaper, "reaper");
    Objects.requireNonNull(monitoring, "monitoring");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(brokerRtt, "brokerRtt");
    EnumMap<Category, CategoryLoad> copy = new EnumMap<>(Category.class);
    copy.putAll(workload);
    workload = Collections.unmodifiableMap(copy);
  }
}
