package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.smsim.model.Category;
import io.smsim.model.Outcome;
import io.smsim.model.Region;
import io.smsim.model.ServerRole;
import io.smsim.model.SrvCatalogue;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A gateway server's port speaks HTTP/1.1 (health probes, curl) and the DSP's binary hop to the same
 * gateway, told apart by the first bytes: a request over either runs through the gateway's model and
 * is answered with its outcome; a hop request it cannot read is answered as such; a hop frame of no
 * known kind closes that connection and the port serves on.
 */
class GatewayPortProtocolsTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private static final int SRV_4_1_1 = SrvCatalogue.standard().indexOf("4.1.1");
  private static final String SCENARIO = """
      name: protocols
      start: 2019-04-02T10:00
      end: 2019-04-02T11:00
      regions: {north: {}}
      devices: {north: {count: 10}}
      """;

  private static int[] hop(HopClient client, InetSocketAddress to, int srv, int category) throws Exception {
    CompletableFuture<int[]> f = new CompletableFuture<>();
    client.send(to, srv, category, 30 * SECOND, (failure, code) -> f.complete(new int[] {failure.ordinal(), code}));
    return f.get(60, TimeUnit.SECONDS);
  }

  @Test
  void theSameGatewayAnswersHttp1AndTheHopOnOnePort() throws Exception {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NettyTransport.get().ioHandlerFactory());
    try (LiveFixture live = LiveFixture.start(SCENARIO, 60);
        LoopbackHttpClient h1 = new LoopbackHttpClient(group, 2, 2, 5000);
        HopClient hop = new HopClient(group, 10, 5000)) {
      InetSocketAddress gw = new InetSocketAddress("127.0.0.1", live.emulator.gatewayPort(Region.NORTH, ServerRole.PRIMARY));

      assertThat(hop(hop, gw, SRV_4_1_1, Category.ON_DEMAND.ordinal()))
          .containsExactly(HttpResult.Failure.NONE.ordinal(), Outcome.SUCCESS.ordinal());

      String request = "/csp/v1/requests?srv=4.1.1&category=onDemand";
      HttpResult overH1 = h1.send(gw, LoopbackHttpClient.post(gw, request, new byte[0], HttpResponses.TEXT), 30 * SECOND)
          .get(60, TimeUnit.SECONDS);
      assertThat(overH1.status()).isEqualTo(200);
      assertThat(overH1.bodyText()).isEqualTo("success");

      HttpResult probe = h1.send(gw, LoopbackHttpClient.get(gw, "/probe/heartbeat"), 30 * SECOND).get(60, TimeUnit.SECONDS);
      assertThat(probe.bodyText().trim()).isEqualTo("ok");

      assertThat(hop(hop, gw, SrvCatalogue.standard().size(), Category.ON_DEMAND.ordinal()))
          .as("an SRV out of range").containsExactly(HttpResult.Failure.NONE.ordinal(), HopProtocol.BAD_REQUEST);
      assertThat(hop(hop, gw, SRV_4_1_1, Category.values().length))
          .as("a category out of range").containsExactly(HttpResult.Failure.NONE.ordinal(), HopProtocol.BAD_REQUEST);
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  @Test
  void aHopFrameOfNoKnownKindClosesThatConnectionAndThePortServesOn() throws Exception {
    try (LiveFixture live = LiveFixture.start(SCENARIO, 60)) {
      int port = live.emulator.gatewayPort(Region.NORTH, ServerRole.PRIMARY);
      try (Socket s = new Socket("127.0.0.1", port)) {
        s.setSoTimeout(30_000);
        ByteBuf out = Unpooled.buffer();
        out.writeBytes(HopProtocol.PREFACE.duplicate());
        HopProtocol.writeRequest(out, 42, SRV_4_1_1, Category.ON_DEMAND.ordinal());
        s.getOutputStream().write(ByteBufUtil.getBytes(out));
        InputStream in = s.getInputStream();
        DataInputStream data = new DataInputStream(in);
        assertThat(data.readByte()).as("a well-formed request is answered").isEqualTo(HopProtocol.ANSWER);
        assertThat(data.readInt()).isEqualTo(42);
        assertThat(data.readUnsignedByte()).isEqualTo(Outcome.SUCCESS.ordinal());
        s.getOutputStream().write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(in.read()).as("then a frame of no known kind closes the connection").isEqualTo(-1);
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        s.setSoTimeout(30_000);
        s.getOutputStream().write("GET /probe/heartbeat HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(answer).startsWith("HTTP/1.1 200").endsWith("ok\n");
      }
    }
  }
}
