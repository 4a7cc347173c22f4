package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.smsim.duis.DuisRequestBuilder;
import io.smsim.duis.DuisRequestParser;
import io.smsim.duis.Endpoint;
import io.smsim.duis.RequestId;
import io.smsim.engine.RandomStream;
import io.smsim.model.Srv;
import io.smsim.model.SrvCatalogue;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The encoder's per-SRV templates write an HTTP/1.1 POST whose body is exactly the bytes
 * {@link DuisRequestBuilder} writes, for every SRV of the catalogue and random targets and counters,
 * to the endpoint of the SRV's command variant with the right Content-Length; and the DSP's own
 * parser accepts them.
 */
class RequestEncoderTest {

  @Test
  void requestsAreByteForByteTheBuildersAndGoToTheirEndpoint() throws Exception {
    SrvCatalogue catalogue = SrvCatalogue.standard();
    DuisRequestBuilder builder = DuisRequestBuilder.create(catalogue);
    DuisRequestParser parser = DuisRequestParser.create(catalogue);
    LoadOptions options = LoadOptions.defaults(URI.create("http://127.0.0.1:8080/dcc"), new Pacing.Constant(1));
    RequestEncoder encoder = new RequestEncoder(options);
    RandomStream random = new RandomStream(42);
    for (int i = 0; i < catalogue.size(); i++) {
      Srv srv = catalogue.get(i);
      for (int k = 0; k < 20; k++) {
        long target = random.nextLong();
        long counter = 1 + (random.nextLong() >>> 1) % (k < 10 ? 1000 : Long.MAX_VALUE - 1);
        ByteBuf r = encoder.encode(UnpooledByteBufAllocator.DEFAULT, i, target, counter);
        byte[] all = ByteBufUtil.getBytes(r);
        r.release();
        String text = new String(all, StandardCharsets.US_ASCII);
        int split = text.indexOf("\r\n\r\n");
        byte[] body = Arrays.copyOfRange(all, split + 4, all.length);
        RequestId id = new RequestId(options.originator(), target, counter);
        assertThat(body).as(srv.variant()).isEqualTo(builder.build(srv, id));
        Endpoint endpoint = Endpoint.forCommandVariant(srv.defaultCommandVariant());
        assertThat(text.substring(0, split)).isEqualTo("POST /dcc" + endpoint.path() + " HTTP/1.1\r\n"
            + "Host: 127.0.0.1:8080\r\nContent-Type: application/xml\r\nContent-Length: " + body.length);
        assertThat(parser.parse(endpoint, ByteBuffer.wrap(body)).requestId()).isEqualTo(id);
      }
    }
  }
}
