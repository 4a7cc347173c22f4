package io.smsim.model;

import io.smsim.engine.RandomStream;
import io.smsim.engine.RandomStreams;

/**
 * One CSP gateway server's Gateway Scheduler: a process table, optional workers and queue, and the
 * child-process leak defect of the 2 April 2019 incident. Clock-free: the simulator and the live
 * emulation drive it with their own clocks and keep their own handles to in-flight work.
 *
 * <p>Semantics (ARCHITECTURE.md, "The model in brief"): a request spawns one child; if live processes (working + queued +
 * leaked) have reached the process limit P the spawn fails at once. With {@code workers} c set, at
 * most c children work and the rest wait, FIFO, holding their process slot; a full queue rejects.
 * A child that finishes exits — except with the leak probability ℓ, when it stays in the table
 * until reaped or the server restarts. With arrival rate λ the table therefore fills after about
 * P / (ℓ·λ), and near the limit failures are intermittent: slots freed by normal completions go
 * to new arrivals while leaked children keep eating capacity.
 */
public final class GatewayScheduler {

  /** Whether the server can take work. */
  public enum State {
    UP, RESTARTING, FAILED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Result of {@link #admit(int)}. */
  public enum Admission { STARTED, QUEUED, SPAWN_FAILED, QUEUE_FULL, UNAVAILABLE }

  private final String name;
  private final GatewaySpec spec;
  private final RandomStream serviceRandom;
  private final RandomStream deviceRandom;
  private final RandomStream leakRandom;
  private final RandomStream grayRandom;

  private State state = State.UP;
  private int working;
  private int leaked;
  private int[] queue = new int[16];
  private int queueHead;
  private int queued;
  private int epoch;
  private int peakProcesses;
  private int intervalPeakProcesses;

  private double leakProbability;
  private double grayFailureProbability;
  private double slowdown = 1;

  private long leakedTotal;
  private long reapedTotal;

  private Outcome plannedOutcome = Outcome.SUCCESS;
  private final io.smsim.engine.Distribution[] serviceBySrv;
  private final io.smsim.engine.Distribution[] serviceByCategory;
  private final boolean[] deviceBySrv;

  /**
   * @param name stable name, also the prefix of this server's random streams ({@code north.primary})
   */
  public GatewayScheduler(String name, GatewaySpec spec, RandomStreams streams) {
    this.name = name;
    this.spec = spec;
    this.serviceRandom = streams.stream(name + ".service");
    this.deviceRandom = streams.stream(name + ".device");
    this.leakRandom = streams.stream(name + ".leak");
    this.grayRandom = streams.stream(name + ".gray");
    serviceByCategory = new io.smsim.engine.Distribution[Category.values().length];
    for (Category c : Category.values()) {
      serviceByCategory[c.ordinal()] = spec.serviceTime().get(c);
    }
    SrvCatalogue catalogue = SrvCatalogue.standard();
    serviceBySrv = new io.smsim.engine.Distribution[catalogue.size()];
    deviceBySrv = new boolean[catalogue.size()];
    for (int i = 0; i < catalogue.size(); i++) {
      serviceBySrv[i] = spec.srvServiceTime().get(catalogue.get(i).variant());
      deviceBySrv[i] = !catalogue.get(i).nonDevice();
    }
  }

  public String name() {
    return name;
  }

  public GatewaySpec spec() {
    return spec;
  }

  /**
   * Tries to spawn a child for the request with this handle.
   * On {@code QUEUED} the handle waits and is returned later by {@link #finish()}.
   */
  public Admission admit(int handle) {
    if (state != State.UP) {
      return Admission.UNAVAILABLE;
    }
    if (liveProcesses() >= spec.processLimit()) {
      return Admission.SPAWN_FAILED;
    }
    if (!spec.unboundedWorkers() && working >= spec.workers()) {
      if (spec.queueLimit() > 0 && queued >= spec.queueLimit()) {
        return Admission.QUEUE_FULL;
      }
      enqueue(handle);
      notePeak();
      return Admission.QUEUED;
    }
    working++;
    notePeak();
    return Admission.STARTED;
  }

  /**
   * Plans a started child's work: returns its lifetime in nanoseconds; the outcome it will report
   * is then {@link #plannedOutcome()}. Non-device SRVs do only gateway work; device SRVs also wait
   * for the device, up to the response timeout.
   *
   * @param srvIndex the SRV's index in {@link SrvCatalogue#standard()}, or -1 for a device alert
   *     (gateway work only: the device already spoke)
   */
  public long planWork(Category category, int srvIndex, boolean wanDown) {
    io.smsim.engine.Distribution service = srvIndex < 0 ? null : serviceBySrv[srvIndex];
    if (service == null) {
      service = serviceByCategory[category.ordinal()];
    }
    boolean deviceRequest = srvIndex >= 0 && deviceBySrv[srvIndex];
    double serviceNanos = service.sample(serviceRandom) * slowdown;
    boolean grayFails = grayRandom.nextDouble() < grayFailureProbability;
    double deviceU = deviceRandom.nextDouble();
    double latencyNanos = deviceRequest ? spec.deviceLatency().sample(deviceRandom) : 0;
    Outcome outcome = Outcome.SUCCESS;
    double lifetime = serviceNanos;
    if (grayFails) {
      outcome = Outcome.GATEWAY_ERROR;
    } else if (deviceRequest) {
      if (wanDown) {
        outcome = Outcome.UNREACHABLE;
        lifetime += spec.responseTimeoutNanos();
      } else if (deviceU < spec.noResponseProbability() || latencyNanos >= spec.responseTimeoutNanos()) {
        outcome = Outcome.NO_RESPONSE;
        lifetime += spec.responseTimeoutNanos();
      } else {
        lifetime += latencyNanos;
      }
    }
    plannedOutcome = outcome;
    return Math.max(1L, (long) lifetime);
  }

  /** The outcome decided by the last {@link #planWork}. */
  public Outcome plannedOutcome() {
    return plannedOutcome;
  }

  /**
   * A working child finished: it exits, or leaks with the current leak probability. Returns the
   * handle of a queued request that now starts working, or -1.
   */
  public int finish() {
    working--;
    if (leakRandom.nextDouble() < leakProbability) {
      leaked++;
      leakedTotal++;
    }
    if (queued > 0) {
      working++;
      return dequeue();
    }
    return -1;
  }

  /** Kills all leaked children (the reaper); returns how many. */
  public int reap() {
    int n = leaked;
    leaked = 0;
    reapedTotal += n;
    return n;
  }

  /**
   * Takes the server out of service ({@code RESTARTING} or {@code FAILED}): every process dies and
   * in-flight work is invalidated (the epoch advances; the caller fails its handles as lost).
   */
  public void stop(State newState) {
    if (newState == State.UP) {
      throw new IllegalArgumentException("stop needs RESTARTING or FAILED");
    }
    state = newState;
    reapedTotal += leaked;
    working = 0;
    leaked = 0;
    queued = 0;
    queueHead = 0;
    epoch++;
  }

  /** Back in service with an empty process table. */
  public void start() {
    state = State.UP;
  }

  /**
   * Whether a probe of this kind succeeds now. A synthetic probe is a request through the
   * scheduler: it fails when no child can be spawned, or by gray failure.
   */
  public boolean probe(FailoverPolicy.ProbeKind kind) {
    return switch (kind) {
      case HEARTBEAT -> state != State.FAILED;
      case LIVENESS -> state == State.UP;
      case SYNTHETIC -> state == State.UP && liveProcesses() < spec.processLimit()
          && !(grayRandom.nextDouble() < grayFailureProbability);
    };
  }

  public int liveProcesses() {
    return working + queued + leaked;
  }

  public int working() {
    return working;
  }

  public int queued() {
    return queued;
  }

  public int leaked() {
    return leaked;
  }

  public State state() {
    return state;
  }

  /** Advances whenever the server stops; work planned in an older epoch was lost. */
  public int epoch() {
    return epoch;
  }

  public int peakProcesses() {
    return peakProcesses;
  }

  /** Peak since the last call, then resets to the current level. */
  public int takeIntervalPeak() {
    int p = intervalPeakProcesses;
    intervalPeakProcesses = liveProcesses();
    return p;
  }

  public long leakedTotal() {
    return leakedTotal;
  }

  public long reapedTotal() {
    return reapedTotal;
  }

  public double leakProbability() {
    return leakProbability;
  }

  public void setLeakProbability(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("leak probability must be in [0,1]: " + p);
    }
    leakProbability = p;
  }

  /** Gray failure: alive but failing with a probability and slower by a factor (1 = healthy). */
  public void setGrayFailure(double failureProbability, double slowdownFactor) {
    if (!(failureProbability >= 0 && failureProbability <= 1) || !(slowdownFactor >= 1)) {
      throw new IllegalArgumentException("bad gray failure: " + failureProbability + ", " + slowdownFactor);
    }
    grayFailureProbability = failureProbability;
    slowdown = slowdownFactor;
  }

  public boolean grayFailing() {
    return grayFailureProbability > 0 || slowdown > 1;
  }

  private void notePeak() {
    int live = liveProcesses();
    if (live > peakProcesses) {
      peakProcesses = live;
    }
    if (live > intervalPeakProcesses) {
      intervalPeakProcesses = live;
    }
  }

  private void enqueue(int handle) {
    if (queued == queue.length) {
      int[] bigger = new int[queue.length * 2];
      for (int i = 0; i < queued; i++) {
        bigger[i] = queue[(queueHead + i) % queue.length];
      }
      queue = bigger;
      queueHead = 0;
    }
    queue[(queueHead + queued) % queue.length] = handle;
    queued++;
  }

  private int dequeue() {
    int h = queue[queueHead];
    queueHead = (queueHead + 1) % queue.length;
    queued--;
    return h;
  }
}
