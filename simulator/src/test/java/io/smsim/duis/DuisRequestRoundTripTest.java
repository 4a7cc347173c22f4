package io.smsim.duis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.smsim.model.Srv;
import io.smsim.model.SrvCatalogue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DuisRequestRoundTripTest {

  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();
  private static final DuisRequestBuilder BUILDER = DuisRequestBuilder.create(CATALOGUE);
  private static final DuisRequestParser PARSER = DuisRequestParser.create(CATALOGUE);
  private static final long USER = Eui64.parse("90-B3-D5-1F-30-01-00-00");
  private static final long DEVICE = Eui64.parse("00-DB-12-34-56-78-90-A0");

  @Test
  void everySrvInTheCatalogueRoundTripsWithEveryAllowedCommandVariant() throws Exception {
    int checked = 0;
    for (Srv srv : CATALOGUE.all()) {
      for (int cv = 1; cv <= 8; cv++) {
        if (!srv.allowsCommandVariant(cv)) {
          continue;
        }
        RequestId id = new RequestId(USER, DEVICE, 1000L + checked);
        DuisRequest parsed = PARSER.parse(Endpoint.forCommandVariant(cv), BUILDER.build(srv, id, cv));
        assertThat(parsed).isEqualTo(new DuisRequest(DuisRequestBuilder.DEFAULT_SCHEMA_VERSION, id, cv,
            srv.reference(), srv.variant(), DuisRequestBuilder.bodyElementFor(srv)));
        assertThat(PARSER.validate(parsed, Endpoint.forCommandVariant(cv))).isSameAs(srv);
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(CATALOGUE.size());
  }

  @Test
  void defaultCommandVariantComesFromTheSrv() throws Exception {
    for (Srv srv : CATALOGUE.all()) {
      byte[] xml = BUILDER.build(srv, new RequestId(USER, DEVICE, 7));
      DuisRequest parsed = PARSER.parseWellFormed(xml, 0, xml.length);
      assertThat(parsed.commandVariant()).as(srv.variant()).isEqualTo(srv.defaultCommandVariant());
    }
  }

  @Test
  void bodyElementsFollowDuisNamesWhereTheSamplesShowThem() {
    assertThat(DuisRequestBuilder.bodyElementFor(srv("11.2"))).isEqualTo("ReadFirmwareVersion");
    assertThat(DuisRequestBuilder.bodyElementFor(srv("4.1.1"))).isEqualTo("ReadInstantaneousImportRegisters");
    assertThat(DuisRequestBuilder.bodyElementFor(srv("8.7.1"))).isEqualTo("JoinServiceCritical");
    assertThat(DuisRequestBuilder.bodyElementFor(srv("6.15.1"))).isEqualTo("UpdateSecurityCredentialsKRP");
    assertThat(DuisRequestBuilder.bodyElementFor(srv("8.14.1"))).isEqualTo("CHFInstallSuccessSMWAN");
  }

  @Test
  void builderRefusesACommandVariantTheSrvDoesNotAllow() {
    assertThatIllegalArgumentException().isThrownBy(() -> BUILDER.build(srv("11.2"), new RequestId(USER, DEVICE, 1), 4))
        .withMessage("commandVariant 4 is not allowed for SRV 11.2 (default 1)");
  }

  @Test
  void buildsTheSampleStructureUnsignedForTheSignerToSign() {
    String xml = new String(BUILDER.build(srv("11.2"), new RequestId(USER, DEVICE, 1000)), StandardCharsets.UTF_8);
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .contains("<sr:Request xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" "
            + "xmlns:sr=\"http://www.dccinterface.co.uk/ServiceUserGateway\"")
        .contains("<sr:Header><sr:RequestID>90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1000</sr:RequestID>"
            + "<sr:CommandVariant>1</sr:CommandVariant><sr:ServiceReference>11.2</sr:ServiceReference>"
            + "<sr:ServiceReferenceVariant>11.2</sr:ServiceReferenceVariant></sr:Header>")
        .endsWith("<sr:Body><sr:ReadFirmwareVersion/></sr:Body></sr:Request>")
        .doesNotContain("Signature");
  }

  @Test
  void parsesSlicesAndDirectBuffersWithoutMovingThem() throws Exception {
    byte[] doc = BUILDER.build(srv("4.1.1"), new RequestId(USER, DEVICE, 42));
    byte[] padded = new byte[doc.length + 20];
    System.arraycopy(doc, 0, padded, 10, doc.length);
    assertThat(PARSER.parse(Endpoint.SEND_COMMAND, padded, 10, doc.length).requestId().counter()).isEqualTo(42);

    ByteBuffer direct = ByteBuffer.allocateDirect(doc.length).put(doc).flip();
    assertThat(PARSER.parse(Endpoint.SEND_COMMAND, direct).serviceReferenceVariant()).isEqualTo("4.1.1");
    assertThat(direct.position()).isZero();

    ByteBuffer slice = ByteBuffer.wrap(padded, 10, doc.length).slice();
    assertThat(PARSER.parse(Endpoint.SEND_COMMAND, slice).bodyElement()).isEqualTo("ReadInstantaneousImportRegisters");
  }

  @Test
  void acceptsTheNumberingReferenceWhereTheMatrixListsAnother() throws Exception {
    // The public request matrix gives 6.20.1 the reference 6.2; its numbering says 6.20. Both pass.
    String xml = new String(BUILDER.build(srv("6.20.1"), new RequestId(USER, DEVICE, 1)), StandardCharsets.UTF_8);
    assertThat(xml).contains("<sr:ServiceReference>" + srv("6.20.1").reference() + "</sr:ServiceReference>");
    String numbered = xml.replaceFirst("<sr:ServiceReference>[^<]*<", "<sr:ServiceReference>6.20<");
    assertThat(PARSER.parse(Endpoint.SEND_COMMAND, numbered.getBytes(StandardCharsets.UTF_8)).serviceReference())
        .isEqualTo("6.20");
    String wrong = xml.replaceFirst("<sr:ServiceReference>[^<]*<", "<sr:ServiceReference>6.21<");
    assertThatExceptionOfType(DuisRejectedException.class)
        .isThrownBy(() -> PARSER.parse(Endpoint.SEND_COMMAND, wrong.getBytes(StandardCharsets.UTF_8)))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(RejectReason.SERVICE_REFERENCE_MISMATCH));
  }

  @Test
  void oneParserServesSeveralThreadsAtOnce() throws Exception {
    List<Srv> srvs = CATALOGUE.all();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        results.add(pool.submit(() -> {
          int ok = 0;
          for (int i = 0; i < 500; i++) {
            Srv srv = srvs.get((i * 7 + offset) % srvs.size());
            RequestId id = new RequestId(USER, DEVICE, offset * 1_000_000L + i + 1);
            int cv = srv.defaultCommandVariant();
            DuisRequest r = PARSER.parse(Endpoint.forCommandVariant(cv), BUILDER.build(srv, id, cv));
            ok += r.requestId().equals(id) && r.serviceReferenceVariant().equals(srv.variant()) ? 1 : 0;
          }
          return ok;
        }));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(500);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Srv srv(String variant) {
    return CATALOGUE.find(variant).orElseThrow();
  }
}
