package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.smsim.model.Region;
import io.smsim.model.ServerRole;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A gateway server's port speaks HTTP/1.1 (health probes, curl) and HTTP/2 with prior knowledge (the
 * DSP's multiplexed hop) to the same gateway: a request over either runs through the gateway's model
 * and is answered with its outcome, and a probe answers over either.
 */
class GatewayPortProtocolsTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private static final String SCENARIO = """
      name: protocols
      start: 2019-04-02T10:00
      end: 2019-04-02T11:00
      regions: {north: {}}
      devices: {north: {count: 10}}
      """;

  @Test
  void theSameGatewayAnswersHttp1AndHttp2OnOnePort() throws Exception {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NettyTransport.get().ioHandlerFactory());
    try (LiveFixture live = LiveFixture.start(SCENARIO, 60);
        LoopbackHttpClient h1 = new LoopbackHttpClient(group, 2, 2, 5000);
        Http2HopClient h2 = new Http2HopClient(group, 10, 5000)) {
      InetSocketAddress gw = new InetSocketAddress("127.0.0.1", live.emulator.gatewayPort(Region.NORTH, ServerRole.PRIMARY));
      String request = "/csp/v1/requests?srv=4.1.1&category=onDemand";

      HttpResult overH2 = h2.send(gw, Http2HopClient.request(gw, "POST", request), 30 * SECOND).get(60, TimeUnit.SECONDS);
      assertThat(overH2.failure()).isEqualTo(HttpResult.Failure.NONE);
      assertThat(overH2.status()).isEqualTo(200);
      assertThat(overH2.bodyText()).isEqualTo("success");

      HttpResult overH1 = h1.send(gw, LoopbackHttpClient.post(gw, request, new byte[0], HttpResponses.TEXT), 30 * SECOND)
          .get(60, TimeUnit.SECONDS);
      assertThat(overH1.status()).isEqualTo(200);
      assertThat(overH1.bodyText()).isEqualTo("success");

      HttpResult probeH1 = h1.send(gw, LoopbackHttpClient.get(gw, "/probe/heartbeat"), 30 * SECOND).get(60, TimeUnit.SECONDS);
      HttpResult probeH2 = h2.send(gw, Http2HopClient.request(gw, "GET", "/probe/heartbeat"), 30 * SECOND)
          .get(60, TimeUnit.SECONDS);
      assertThat(probeH1.bodyText().trim()).isEqualTo("ok");
      assertThat(probeH2.bodyText().trim()).isEqualTo("ok");

      HttpResult unknown = h2.send(gw, Http2HopClient.request(gw, "GET", "/nothing"), 30 * SECOND).get(60, TimeUnit.SECONDS);
      assertThat(unknown.status()).isEqualTo(404);
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}
