package io.smsim.workload;

import io.smsim.model.Srv;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A weighted choice of SRVs, sampled by inversion of the cumulative weights. */
public final class SrvMix {

  private final List<Srv> srvs;
  private final double[] cumulative;
  private final Map<String, Double> weights;

  public SrvMix(Map<Srv, Double> weights) {
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("an SRV mix needs at least one SRV");
    }
    this.srvs = new ArrayList<>(weights.keySet());
    this.cumulative = new double[srvs.size()];
    this.weights = new LinkedHashMap<>();
    double sum = 0;
    for (int i = 0; i < srvs.size(); i++) {
      double w = weights.get(srvs.get(i));
      if (!(w > 0 && Double.isFinite(w))) {
        throw new IllegalArgumentException("SRV weight must be > 0: " + srvs.get(i).variant() + "=" + w);
      }
      sum += w;
      cumulative[i] = sum;
      this.weights.put(srvs.get(i).variant(), w);
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= sum;
    }
  }

  /** The SRV for a uniform draw {@code u} in [0,1). */
  public Srv pick(double u) {
    return srvs.get(pickPosition(u));
  }

  /** Position in {@link #srvs()} of the SRV for a uniform draw {@code u} in [0,1). */
  public int pickPosition(double u) {
    int last = cumulative.length - 1;
    for (int i = 0; i < last; i++) {
      if (u < cumulative[i]) {
        return i;
      }
    }
    return last;
  }

  public List<Srv> srvs() {
    return List.copyOf(srvs);
  }

  /** Weights as given, by SRV variant, in declaration order. */
  public Map<String, Double> weights() {
    return java.util.Collections.unmodifiableMap(weights);
  }
}
