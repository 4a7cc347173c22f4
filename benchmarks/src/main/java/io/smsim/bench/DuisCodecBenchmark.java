package io.smsim.bench;

import io.smsim.duis.DuisRejectedException;
import io.smsim.duis.DuisRequest;
import io.smsim.duis.DuisRequestBuilder;
import io.smsim.duis.DuisRequestParser;
import io.smsim.duis.DuisResponseBuilder;
import io.smsim.duis.Endpoint;
import io.smsim.duis.RequestId;
import io.smsim.model.Srv;
import io.smsim.model.SrvCatalogue;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** DUIS documents built and parsed per second on one thread: the live emulation's and load generator's codec. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DuisCodecBenchmark {

  @Param({"4.1.1", "8.1.1", "11.1"})
  String srv;

  private DuisRequestBuilder builder;
  private DuisRequestParser parser;
  private DuisResponseBuilder responses;
  private Srv theSrv;
  private Endpoint endpoint;
  private byte[] document;
  private DuisRequest parsed;
  private long counter = 1;

  @Setup
  public void setUp() throws DuisRejectedException {
    SrvCatalogue catalogue = SrvCatalogue.standard();
    builder = DuisRequestBuilder.create(catalogue);
    parser = DuisRequestParser.create(catalogue);
    responses = DuisResponseBuilder.create();
    theSrv = catalogue.find(srv).orElseThrow();
    endpoint = Endpoint.forCommandVariant(theSrv.defaultCommandVariant());
    document = builder.build(theSrv, requestId(1));
    parsed = parser.parse(endpoint, document);
  }

  private static RequestId requestId(long counter) {
    return new RequestId(0x90B3D51F30010000L, 0x00DB1234567890A0L, counter);
  }

  @Benchmark
  public byte[] buildRequest() {
    return builder.build(theSrv, requestId(counter++));
  }

  /** Hardened StAX parse of the header plus validation against the catalogue and the endpoint. */
  @Benchmark
  public DuisRequest parseAndValidateRequest() throws DuisRejectedException {
    return parser.parse(endpoint, document);
  }

  @Benchmark
  public byte[] buildAcknowledgement() {
    return responses.acknowledgement(parsed, Instant.EPOCH);
  }
}
