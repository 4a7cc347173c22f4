package io.smsim.report;

import io.smsim.model.Category;
import io.smsim.model.Fault;
import io.smsim.model.FaultSpec;
import io.smsim.model.OperationSpec;
import io.smsim.model.Region;
import io.smsim.scenario.RegionSpec;
import io.smsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a variant of a comparison changes, found by comparing its bound scenario with the baseline's
 * (so it does not matter how the overrides are spelled, nor whether they go through
 * {@code defaults}): the reaper (the seed report's cron job), a reaper outage (its risk "if the
 * automation fails"), the failover policy, the operator's restart, monitoring, the leak (the hot
 * fix), the broker's round trip, volume; anything else is {@link Topic#OTHER}.
 */
final class VariantChanges {

  /** What a variant changes, as the review's sections know it. */
  enum Topic { REAPER, REAPER_FAILS, FAILOVER, RESTART, MONITORING, LEAK, BROKER, VOLUME, OTHER }

  private VariantChanges() {
  }

  /** Adds what {@code s} changes against {@code base} to {@code topics}, and the regions it changes them in. */
  static void between(Scenario base, Scenario s, Set<Topic> topics, Set<Region> regions) {
    if (base.workloadScale() != s.workloadScale()) {
      topics.add(Topic.VOLUME);
      regions.addAll(s.regions().keySet());
    }
    for (Region r : Region.values()) {
      RegionSpec a = base.regions().get(r);
      RegionSpec b = s.regions().get(r);
      Set<Topic> here = EnumSet.noneOf(Topic.class);
      if (a == null || b == null) {
        if (a != b) {
          here.add(Topic.OTHER);
        }
      } else {
        add(here, !a.reaper().equals(b.reaper()) || !operations(base, r, true).equals(operations(s, r, true)),
            Topic.REAPER);
        add(here, !a.failover().equals(b.failover()), Topic.FAILOVER);
        add(here, !a.operator().equals(b.operator()) || !operations(base, r, false).equals(operations(s, r, false)),
            Topic.RESTART);
        add(here, !a.monitoring().equals(b.monitoring()), Topic.MONITORING);
        add(here, !volumes(a).equals(volumes(b)), Topic.VOLUME);
        add(here, !a.brokerRtt().equals(b.brokerRtt()), Topic.BROKER);
        add(here, !a.gateway().equals(b.gateway()), Topic.OTHER);
      }
      for (FaultSpec f : difference(base.faults(), s.faults(), r)) {
        here.add(topic(f.fault()));
      }
      if (!here.isEmpty()) {
        topics.addAll(here);
        regions.add(r);
      }
    }
    if (topics.isEmpty()) {
      topics.add(Topic.OTHER);
      regions.addAll(s.regions().keySet());
    }
  }

  /** Requests per day by category (profiles and mixes are not compared: they have no value equality). */
  private static Map<Category, Double> volumes(RegionSpec r) {
    Map<Category, Double> out = new EnumMap<>(Category.class);
    r.workload().forEach((category, load) -> out.put(category, load.perDay()));
    return out;
  }

  private static void add(Set<Topic> topics, boolean changed, Topic topic) {
    if (changed) {
      topics.add(topic);
    }
  }

  private static List<OperationSpec> operations(Scenario s, Region r, boolean reaper) {
    return s.operations().stream().filter(o -> o.region() == r
        && (o.action() == OperationSpec.Action.SET_REAPER) == reaper).toList();
  }

  /** Faults of region {@code r} in one list and not the other (either way). */
  private static List<FaultSpec> difference(List<FaultSpec> a, List<FaultSpec> b, Region r) {
    List<FaultSpec> out = new ArrayList<>();
    List<FaultSpec> rest = new ArrayList<>(b);
    for (FaultSpec f : a) {
      if (!rest.remove(f) && f.region() == r) {
        out.add(f);
      }
    }
    rest.stream().filter(f -> f.region() == r).forEach(out::add);
    return out;
  }

  private static Topic topic(Fault f) {
    if (f instanceof Fault.ReaperOutage) {
      return Topic.REAPER_FAILS;
    }
    if (f instanceof Fault.Leak) {
      return Topic.LEAK;
    }
    if (f instanceof Fault.BrokerRtt) {
      return Topic.BROKER;
    }
    return Topic.OTHER;
  }
}
