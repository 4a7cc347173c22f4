package io.smsim.live;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.smsim.duis.DuisRequestParser;
import io.smsim.engine.RandomStreams;
import io.smsim.model.Region;
import io.smsim.model.ServerRole;
import io.smsim.model.SrvCatalogue;
import io.smsim.scenario.RegionSpec;
import io.smsim.scenario.Scenario;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code smsim serve}: a live DSP and CSP emulation of a scenario on real sockets. The DSP's DUIS
 * port answers requests synchronously ({@link DspService}) and routes accepted ones by the target
 * device's region ({@link CspHop}) over loopback HTTP to that region's active gateway server; each
 * region has a primary and a secondary {@link GatewayServer} on ports of their own, running the
 * simulator's Gateway Scheduler and failover model in real time ({@link LiveCluster}); final
 * responses are POSTed to the response URL ({@link ResponseDelivery}); the admin port serves
 * status, fault injection, restarts and Prometheus metrics ({@link AdminHandler}).
 *
 * <p>Threads: the DSP's event loops (DUIS port, its HTTP clients), the gateway loops (each region
 * pinned to one; all model state of a region lives there), and one admin loop. Close it to stop
 * every server and loop.
 */
public final class LiveEmulator implements AutoCloseable {

  static final String LOOPBACK = LiveOptions.LOOPBACK;

  private final Scenario scenario;
  private final LiveOptions options;
  private final VirtualClock clock;
  private final LiveEvents events;
  private final LiveMetrics metrics = new LiveMetrics();
  private final AtomicInteger faultIds = new AtomicInteger();
  private final EventLoopGroup dspGroup;
  private final EventLoopGroup gatewayGroup;
  private final EventLoopGroup adminGroup;
  private final List<AutoCloseable> clients = new ArrayList<>();
  private final LiveCluster[] clusters = new LiveCluster[Region.values().length];
  private DspService dsp;
  private ResponseDelivery delivery;
  private LiveAlerts alerts;
  private Channel dspChannel;
  private Channel adminChannel;
  private AdminGuard adminGuard;

  private LiveEmulator(Scenario scenario, LiveOptions options, Consumer<String> log) {
    this.scenario = scenario;
    this.options = options;
    this.clock = new VirtualClock(options.timeScale(), scenario.timebase());
    this.events = new LiveEvents(log);
    NettyTransport transport = NettyTransport.get();
    this.dspGroup = new MultiThreadIoEventLoopGroup(options.ioThreads(), transport.ioHandlerFactory());
    this.gatewayGroup = new MultiThreadIoEventLoopGroup(options.gatewayThreads(), transport.ioHandlerFactory());
    this.adminGroup = new MultiThreadIoEventLoopGroup(1, transport.ioHandlerFactory());
  }

  /**
   * Refuses, before anything starts, what the scenario asks of the live emulation that it cannot do
   * at {@code options}' time scale: an alert storm on the timeline above the live alert rate
   * ({@link LiveAlerts#MAX_REAL_RATE_PER_SEC} per real second).
   */
  public static void checkLiveBounds(Scenario scenario, LiveOptions options) {
    for (io.smsim.model.FaultSpec f : scenario.faults()) {
      try {
        LiveAlerts.checkRealRate(f.fault(), options.timeScale());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(scenario.name() + ": faults: " + f.region().key() + " at "
            + scenario.timebase().instantOf(f.atNanos()) + ": " + e.getMessage(), e);
      }
    }
  }

  /** Starts every server; {@code log} receives one line per server event (failover, fault, restart ...). */
  public static LiveEmulator start(Scenario scenario, LiveOptions options, Consumer<String> log)
      throws InterruptedException {
    checkLiveBounds(scenario, options);
    LiveEmulator e = new LiveEmulator(scenario, options, log);
    try {
      e.startDelivery();
      e.startGateways();
      e.startDsp();
      e.startAdmin();
      return e;
    } catch (Exception ex) { // also the bind's IOException, which Netty rethrows unchecked
      e.close();
      throw ex;
    }
  }

  /** Final responses and alerts to the response URL, each on its own connection pool and within its own bound. */
  private void startDelivery() {
    // as many waiting slots as requests may be admitted: a final response never finds the client full;
    // on the gateways' loops, where CspHop starts each delivery, so its exchange stays on one loop
    LoopbackHttpClient deliveryClient = client(new LoopbackHttpClient(gatewayGroup, 64, options.maxInFlight(), 2000));
    LoopbackHttpClient alertClient = client(new LoopbackHttpClient(dspGroup, 16, ResponseDelivery.MAX_PENDING_ALERTS,
        2000));
    delivery = new ResponseDelivery(options.responseUrl(), deliveryClient, alertClient, dspGroup, metrics,
        events::console, options.signatures().signer());
    alerts = new LiveAlerts(scenario.devices(), delivery, metrics, dspGroup, Clock.systemUTC());
  }

  private void startGateways() throws InterruptedException {
    LoopbackHttpClient probes = client(new LoopbackHttpClient(gatewayGroup, 2, 4, 1000));
    RandomStreams streams = new RandomStreams(options.seed(), 0);
    for (RegionSpec spec : scenario.regions().values()) {
      LiveCluster c = new LiveCluster(spec, streams, gatewayGroup.next(), LOOPBACK, clock, probes,
          events, metrics, alerts, scenario.devices().count(spec.region()));
      clusters[spec.region().ordinal()] = c;
      c.start(scenario, faultIds::incrementAndGet);
    }
  }

  private void startDsp() throws InterruptedException {
    // the hop and the delivery start on a region's loop (CspHop): their exchanges stay on it
    // as many in flight to a server from a loop as the HTTP/1.1 hop allowed (2,048 connections + 4,096 waiting)
    HopClient hopClient = client(new HopClient(gatewayGroup, 2048 + 4096, 1000));
    DuisRequestParser parser = DuisRequestParser.create(SrvCatalogue.standard(), options.maxBodyBytes(),
        DuisRequestParser.DEFAULT_MAX_DEPTH);
    dsp = new DspService(parser, scenario.devices(), scenario.regions().keySet(), options.maxInFlight(),
        Clock.systemUTC(), options.signatures().verifier(), metrics);
    CspHop hop = new CspHop(clusters, hopClient, dsp, delivery, metrics);
    DspHandler.Shared shared = new DspHandler.Shared(dsp, hop, metrics);
    dspChannel = bind(dspGroup, new DspInitializer(options, new ConnectionLimit(options.maxConnections(), metrics), shared),
        options.host(), options.dspPort());
  }

  private void startAdmin() throws InterruptedException {
    AdminCommands commands = new AdminCommands(scenario, options, clock, clusters, dsp, delivery, metrics, events,
        faultIds, this::dspPort);
    adminGuard = AdminGuard.forBind(options.adminHost(), this::adminPort);
    adminChannel = bind(adminGroup, new AdminInitializer(commands, adminGuard, metrics), options.adminHost(),
        options.adminPort());
  }

  private Channel bind(EventLoopGroup group, ChannelInitializer<SocketChannel> init, String host, int port)
      throws InterruptedException {
    return new ServerBootstrap().group(group).channel(NettyTransport.get().serverChannel())
        .option(ChannelOption.SO_BACKLOG, 1024).option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true).childHandler(init)
        .bind(new InetSocketAddress(host, port)).sync().channel();
  }

  private <C extends AutoCloseable> C client(C c) {
    clients.add(c);
    return c;
  }

  public int dspPort() {
    return ((InetSocketAddress) dspChannel.localAddress()).getPort();
  }

  /** The token the admin API needs when it is bound off loopback ({@code Authorization: Bearer TOKEN}), else null. */
  public String adminToken() {
    return adminGuard.token();
  }

  public int adminPort() {
    return ((InetSocketAddress) adminChannel.localAddress()).getPort();
  }

  /** The loopback port of a region's gateway server. */
  public int gatewayPort(Region region, ServerRole role) {
    return clusters[region.ordinal()].server(role).port();
  }

  /** The devices the emulation knows. */
  io.smsim.model.DeviceRegistry devices() {
    return scenario.devices();
  }

  public VirtualClock clock() {
    return clock;
  }

  /** The most recent server events, oldest first. */
  List<LiveEvents.Event> events() {
    return events.recent();
  }

  // ---- shutdown -------------------------------------------------------------------------------

  /**
   * What became of the requests: every accepted request is delivered, undeliverable (given up
   * after the retries), not delivered for want of a response URL, or still unfinished.
   */
  public record Summary(long accepted, long delivered, long undeliverable, long withoutResponseUrl, long refused,
      long unfinished) {

    /** {@code accepted 1,204 · delivered 1,200 · undeliverable 0 · refused 57 (HTTP 503) · unfinished 4}. */
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "accepted %,d · delivered %,d · undeliverable %,d%s · refused %,d "
          + "(HTTP 503) · unfinished %,d", accepted, delivered, undeliverable, withoutResponseUrl > 0
          ? String.format(java.util.Locale.ROOT, " · not delivered (no response URL) %,d", withoutResponseUrl) : "",
          refused, unfinished);
    }
  }

  /** The counts so far. */
  public Summary summary() {
    long accepted = dsp.accepted();
    long delivered = delivery.delivered();
    long undeliverable = delivery.undeliverable();
    int unfinished = dsp.inFlight();
    long none = delivery.url() == null ? accepted - unfinished : 0;
    return new Summary(accepted, delivered, undeliverable, none, dsp.refused(), unfinished);
  }

  /**
   * Stops taking requests (the DUIS port closes) and waits up to {@code maxMillis} for the accepted
   * ones to end with a delivered or undeliverable final response; returns the summary then.
   */
  public Summary drain(long maxMillis) throws InterruptedException {
    if (dspChannel != null) {
      dspChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
    while (dsp != null && dsp.inFlight() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20); // polling a counter; the requests finish on the event loops
    }
    return summary();
  }

  @Override
  public void close() {
    for (Channel ch : new Channel[] {dspChannel, adminChannel}) {
      if (ch != null) {
        ch.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
      }
    }
    for (LiveCluster c : clusters) {
      if (c != null) {
        c.loop.execute(() -> {
          for (GatewayServer s : c.servers) {
            s.close();
          }
        });
      }
    }
    for (AutoCloseable c : clients) {
      try {
        c.close();
      } catch (Exception ignored) {
        // shutting down: nothing to do about it
      }
    }
    for (EventLoopGroup g : new EventLoopGroup[] {adminGroup, dspGroup, gatewayGroup}) {
      g.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
    for (EventLoopGroup g : new EventLoopGroup[] {adminGroup, dspGroup, gatewayGroup}) {
      g.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
  }
}
