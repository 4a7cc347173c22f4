package io.smsim.report;

import io.smsim.metrics.Incident;
import io.smsim.metrics.RegionResult;
import io.smsim.scenario.RegionSpec;
import java.util.Locale;

/** One region of a {@link ReplayView}: its results and its specification. */
public record RegionView(RegionResult result, RegionSpec spec) {

  public String key() {
    return result.region().key();
  }

  /** {@code North}, as the incident report writes it. */
  public String name() {
    String k = key();
    return k.substring(0, 1).toUpperCase(Locale.ROOT) + k.substring(1);
  }

  /** No incident and no failed request in the whole run. */
  public boolean unaffected() {
    return result.incidents().isEmpty() && result.requests().failed() == 0;
  }

  public int processLimit() {
    return spec.gateway().processLimit();
  }

  /** An incident with the region it happened in and its index in the region's list. */
  public record RegionIncident(RegionView region, int index, Incident incident) {
  }
}
