package io.smsim.sim;

import io.smsim.engine.EventHandler;
import io.smsim.engine.RandomStream;
import io.smsim.engine.RandomStreams;
import io.smsim.engine.Simulation;
import io.smsim.metrics.Recorder;
import io.smsim.model.Category;
import io.smsim.model.GatewayScheduler;
import io.smsim.model.Outcome;
import io.smsim.model.Region;
import io.smsim.model.RegionOperations;
import io.smsim.model.Srv;
import io.smsim.model.SrvCatalogue;
import io.smsim.scenario.RegionSpec;
import io.smsim.scenario.Scenario;
import io.smsim.workload.Arrivals;
import io.smsim.workload.CategoryLoad;
import io.smsim.workload.RetrySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The model of one region (ARCHITECTURE.md) in virtual time: Service Users' requests flow through the
 * region's active gateway server; attempts fail, retry and finish; journeys advance step by step.
 * Server-side operations (faults, failover, reaper, restarts, alerts) are the shared
 * {@link RegionOperations}, driven by {@link Operations}, which also ticks the metrics buckets.
 *
 * <p>Regions share no state in the model (only reporting joins them), so each has its own event
 * queue, recorder and pools, and {@link Replay} may run them on separate threads.
 */
final class ReplayModel implements EventHandler {

  private static final int CATS = Category.values().length;
  private static final int SUCCESS = Outcome.SUCCESS.ordinal();

  final Scenario scenario;
  final Simulation sim = new Simulation();
  final Recorder recorder;
  final RegionOperations[] clusters;
  final RequestPool requests = new RequestPool(Recorder.SERVERS);
  final JourneyPool journeys = new JourneyPool(Recorder.REGIONS);
  final Operations ops;
  final long endNanos;

  private final long[] openRequests = new long[Recorder.REGIONS * CATS];
  private final RetrySpec[] retries = new RetrySpec[Recorder.REGIONS * CATS];
  private final int[][] journeySteps = new int[Recorder.REGIONS][];
  private final RandomStream[] thinkRandom = new RandomStream[Recorder.REGIONS];
  private final CategoryLoad[] journeyLoad = new CategoryLoad[Recorder.REGIONS];

  // arrival generators
  private final List<Arrivals> arrivals = new ArrayList<>();
  /** Per generator, the SRV of its scheduled arrival as its source named it (or draw from the mix). */
  private int[] genNextSrv = new int[0];
  private int[] genRegion = new int[0];
  private int[] genCategory = new int[0];
  private int[][] genSrvs = new int[0][];
  private CategoryLoad[] genLoad = new CategoryLoad[0];
  private RandomStream[] genMixRandom = new RandomStream[0];

  /** The model of {@code spec}'s region alone. */
  ReplayModel(Scenario scenario, RegionSpec spec, long seed, int replication) {
    this.scenario = scenario;
    this.endNanos = scenario.durationNanos();
    RandomStreams streams = new RandomStreams(seed, replication);
    this.recorder = new Recorder(scenario.reporting(), scenario.timebase());
    SrvCatalogue catalogue = SrvCatalogue.standard();
    sim.setHandler(this);
    ops = new Operations(this);
    int index = spec.region().ordinal();
    ops.add(spec, streams);
    clusters = ops.regions;
    for (CategoryLoad load : spec.workload().values()) {
      retries[index * CATS + load.category().ordinal()] = load.retries();
      addGenerator(index, load, streams, catalogue);
    }
    region = spec.region();
  }

  final Region region;

  private void addGenerator(int region, CategoryLoad load, RandomStreams streams, SrvCatalogue catalogue) {
    String prefix = Region.of(region).key() + "." + load.category().key();
    int g = arrivals.size();
    arrivals.add(load.arrivals(Region.of(region), scenario.timebase(), streams.stream(prefix + ".arrivals")));
    genNextSrv = java.util.Arrays.copyOf(genNextSrv, g + 1);
    genRegion = java.util.Arrays.copyOf(genRegion, g + 1);
    genCategory = java.util.Arrays.copyOf(genCategory, g + 1);
    genSrvs = java.util.Arrays.copyOf(genSrvs, g + 1);
    genLoad = java.util.Arrays.copyOf(genLoad, g + 1);
    genMixRandom = java.util.Arrays.copyOf(genMixRandom, g + 1);
    genRegion[g] = region;
    genCategory[g] = load.category().ordinal();
    genLoad[g] = load;
    genMixRandom[g] = streams.stream(prefix + ".mix");
    List<Srv> srvs = load.isJourney() ? load.journey() : load.mix() == null ? List.of() : load.mix().srvs();
    genSrvs[g] = srvs.stream().mapToInt(s -> catalogue.indexOf(s.variant())).toArray();
    if (load.isJourney()) {
      journeySteps[region] = genSrvs[g];
      journeyLoad[region] = load;
      thinkRandom[region] = streams.stream(prefix + ".think");
    }
  }

  /** Schedules the first arrivals and the region's timeline; then {@link #runUntil} advances it. */
  void schedule() {
    for (int g = 0; g < arrivals.size(); g++) {
      scheduleNextArrival(g, -1);
    }
    ops.scheduleTimeline();
  }

  /** Processes the events up to {@code untilNanos} (capped at the end of the run). */
  void runUntil(long untilNanos) {
    sim.run(Math.min(untilNanos, endNanos));
  }

  /** Closes the arrival sources (traces); call once the run is over or failed. */
  void close() {
    for (Arrivals a : arrivals) {
      a.close();
    }
  }

  private void scheduleNextArrival(int g, long nowNanos) {
    Arrivals a = arrivals.get(g);
    long t = a.next(nowNanos);
    if (t <= endNanos) {
      genNextSrv[g] = a.srvIndex();
      sim.scheduleAt(t, EventType.ARRIVAL, g, 0);
    }
  }

  @Override
  public void onEvent(int type, int entity, long arg) {
    switch (type) {
      case EventType.ARRIVAL -> arrival(entity);
      case EventType.SEND -> send(entity);
      case EventType.WORK_DONE -> workDone(entity);
      case EventType.JOURNEY_NEXT -> startStep(entity);
      default -> ops.onEvent(type, entity, arg);
    }
  }

  private void arrival(int g) {
    int named = genNextSrv[g];
    scheduleNextArrival(g, sim.nowNanos());
    int region = genRegion[g];
    if (genLoad[g].isJourney()) {
      int j = journeys.allocate(region);
      recorder.journeyStarted(region);
      startStep(j);
    } else if (genCategory[g] == Category.ALERT.ordinal()) {
      send(newRequest(region, genCategory[g], -1, -1)); // a device alert
    } else if (named != Arrivals.DRAW_FROM_MIX) {
      send(newRequest(region, genCategory[g], named, -1));
    } else {
      int srv = genSrvs[g][genLoad[g].mix().pickPosition(genMixRandom[g].nextDouble())];
      send(newRequest(region, genCategory[g], srv, -1));
    }
  }

  private int newRequest(int region, int category, int srv, int journey) {
    openRequests[region * CATS + category]++;
    return requests.allocate(region, category, srv, journey);
  }

  private void startStep(int j) {
    int region = journeys.region[j];
    send(newRequest(region, Category.INSTALL.ordinal(), journeySteps[region][journeys.step[j]], j));
  }

  /** Sends the request's next attempt to its region's routed server. */
  void send(int id) {
    int region = requests.region[id];
    RegionOperations c = clusters[region];
    requests.attempt[id]++;
    requests.attemptStartNanos[id] = sim.nowNanos();
    int role = c.routedRole().ordinal();
    int s = region * 2 + role;
    if (!c.serving()) {
      attemptEnded(id, s, Outcome.UNAVAILABLE.ordinal());
      return;
    }
    GatewayScheduler g = c.server(role);
    switch (g.admit(id)) {
      case STARTED -> {
        requests.link(id, s);
        startWork(id, s);
      }
      case QUEUED -> {
        requests.link(id, s);
        requests.doneHandle[id] = -1;
      }
      case SPAWN_FAILED -> {
        c.limitReached(role);
        attemptEnded(id, s, Outcome.SPAWN_FAILED.ordinal());
      }
      case QUEUE_FULL -> attemptEnded(id, s, Outcome.QUEUE_FULL.ordinal());
      case UNAVAILABLE -> attemptEnded(id, s, Outcome.UNAVAILABLE.ordinal());
      default -> throw new IllegalStateException();
    }
    c.checkReaperThreshold(role);
  }

  private void startWork(int id, int s) {
    RegionOperations c = clusters[s >> 1];
    GatewayScheduler g = c.server(s & 1);
    long lifetime = g.planWork(Category.of(requests.category[id]), requests.srv[id], c.wanDown());
    requests.outcome[id] = g.plannedOutcome().ordinal();
    requests.doneHandle[id] = sim.scheduleIn(lifetime, EventType.WORK_DONE, id, 0);
  }

  private void workDone(int id) {
    int s = requests.server[id];
    requests.unlink(id);
    int started = clusters[s >> 1].server(s & 1).finish();
    if (started >= 0) {
      startWork(started, s);
    }
    attemptEnded(id, s, requests.outcome[id]);
  }

  /** Fails every request in flight at the server as lost; returns how many. Call after stopping it. */
  int loseInFlight(int s) {
    int[] lost = requests.drain(s);
    for (int id : lost) {
      sim.cancel(requests.doneHandle[id]);
      attemptEnded(id, s, Outcome.LOST.ordinal());
    }
    return lost.length;
  }

  private void attemptEnded(int id, int s, int outcome) {
    RegionOperations c = clusters[s >> 1];
    long latency = sim.nowNanos() - requests.attemptStartNanos[id] + c.brokerRttNanos();
    int category = requests.category[id];
    recorder.attempt(s, category, outcome, latency);
    if (outcome == SUCCESS) {
      requestEnded(id, s, outcome);
      return;
    }
    int j = requests.journey[id];
    if (j >= 0) {
      journeys.disrupted[j] = true;
    }
    RetrySpec r = retries[requests.region[id] * CATS + category];
    int attempt = requests.attempt[id];
    if (attempt < r.attempts()) {
      sim.scheduleIn(r.backoffBefore(attempt + 1), EventType.SEND, id, 0);
    } else {
      requestEnded(id, s, outcome);
    }
  }

  private void requestEnded(int id, int s, int outcome) {
    int region = requests.region[id];
    recorder.request(s, requests.category[id], outcome);
    openRequests[region * CATS + requests.category[id]]--;
    int j = requests.journey[id];
    requests.release(id);
    if (j < 0) {
      return;
    }
    if (outcome != SUCCESS) {
      recorder.journeyFailed(s);
      journeys.release(j);
      return;
    }
    int step = ++journeys.step[j];
    if (step == journeySteps[region].length) {
      recorder.journeyCompleted(region, journeys.disrupted[j]);
      journeys.release(j);
    } else {
      long think = (long) journeyLoad[region].thinkTime().sample(thinkRandom[region]);
      sim.scheduleIn(think, EventType.JOURNEY_NEXT, j, 0);
    }
  }

  /** Requests of a region still open (allocated, not ended), by category. */
  long[] openRequests(int region) {
    long[] open = new long[CATS];
    System.arraycopy(openRequests, region * CATS, open, 0, CATS);
    return open;
  }
}
