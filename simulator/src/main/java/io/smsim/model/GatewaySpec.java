package io.smsim.model;

import io.smsim.engine.Distribution;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of one Gateway Scheduler server (ARCHITECTURE.md, "The model in brief").
 *
 * @param processLimit P, process-table capacity (30,000 in the seed incident report)
 * @param workers c, children working at once; 0 means unbounded (every child works at once)
 * @param queueLimit children waiting for a worker; 0 means bounded only by the process table
 * @param serviceTime gateway work per category, nanoseconds
 * @param srvServiceTime gateway work for particular SRVs (by variant), overriding their category's
 * @param deviceLatency WAN round trip to the device for device SRVs, nanoseconds
 * @param noResponseProbability chance that a device never answers
 * @param responseTimeoutNanos how long a child waits for a device before giving up (E21)
 */
public record GatewaySpec(int processLimit, int workers, int queueLimit,
    Map<Category, Distribution> serviceTime, Map<String, Distribution> srvServiceTime, Distribution deviceLatency,
    double noResponseProbability, long responseTimeoutNanos) {

  public GatewaySpec {
    if (processLimit <= 0) {
      throw new IllegalArgumentException("processLimit must be positive: " + processLimit);
    }
    if (workers < 0) {
      throw new IllegalArgumentException("workers must be >= 0 (0 = unbounded): " + workers);
    }
    if (queueLimit < 0) {
      throw new IllegalArgumentException("queueLimit must be >= 0 (0 = process table): " + queueLimit);
    }
    Objects.requireNonNull(deviceLatency, "deviceLatency");
    EnumMap<Category, Distribution> copy = new EnumMap<>(Category.class);
    copy.putAll(serviceTime);
    for (Category c : Category.values()) {
      if (!copy.containsKey(c)) {
        throw new IllegalArgumentException("serviceTime missing for category " + c.key());
      }
    }
    serviceTime = java.util.Collections.unmodifiableMap(copy);
    srvServiceTime = Map.copyOf(srvServiceTime);
    if (!(noResponseProbability >= 0 && noResponseProbability <= 1)) {
      throw new IllegalArgumentException("noResponseProbability must be in [0,1]: " + noResponseProbability);
    }
    if (responseTimeoutNanos <= 0) {
      throw new IllegalArgumentException("responseTimeout must be positive: " + responseTimeoutNanos);
    }
  }

  /** Service time of an SRV: its own if given, else its category's. */
  public Distribution serviceTimeOf(Category category, String srvVariant) {
    Distribution d = srvServiceTime.get(srvVariant);
    return d != null ? d : serviceTime.get(category);
  }

  public boolean unboundedWorkers() {
    return workers == 0;
  }
}
