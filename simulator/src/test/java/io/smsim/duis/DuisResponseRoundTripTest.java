package io.smsim.duis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.smsim.model.SrvCatalogue;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DuisResponseRoundTripTest {

  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();
  private static final DuisResponseBuilder BUILDER = DuisResponseBuilder.create();
  private static final DuisResponseParser PARSER = DuisResponseParser.create();
  private static final Instant AT = Instant.parse("2019-04-02T10:24:00.123Z");
  private static final DuisRequest REQUEST = new DuisRequest("5.4",
      RequestId.parse("90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1000"), 4, "8.1", "8.1.1",
      "CommissionDeviceSynchroniseClock");

  @Test
  void acknowledgementCarriesI99AndTheRequestsReferences() throws Exception {
    DuisResponse ack = PARSER.parse(BUILDER.acknowledgement(REQUEST, AT));
    assertThat(ack).isEqualTo(new DuisResponse("5.1", REQUEST.requestId(), null, "I99", "2019-04-02T10:24:00.123Z",
        "8.1", "8.1.1"));
    assertThat(ack.isAcknowledgement()).isTrue();
  }

  @Test
  void acknowledgementHasTheShapeOfTheDccBoxedSample() {
    String xml = new String(BUILDER.acknowledgement(REQUEST, AT), UTF_8);
    assertThat(xml).contains("<sr:Header><sr:RequestID>90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1000"
        + "</sr:RequestID><sr:ResponseCode>I99</sr:ResponseCode><sr:ResponseDateTime>2019-04-02T10:24:00.123Z"
        + "</sr:ResponseDateTime></sr:Header><sr:Body><sr:ResponseMessage><sr:ServiceReference>8.1"
        + "</sr:ServiceReference><sr:ServiceReferenceVariant>8.1.1</sr:ServiceReferenceVariant>"
        + "</sr:ResponseMessage></sr:Body></sr:Response>")
        .doesNotContain("ResponseID").doesNotContain("Signature");
  }

  @Test
  void finalSuccessResponseCarriesTheSwappedResponseIdAndPayload() throws Exception {
    DuisResponse r = PARSER.parse(BUILDER.finalResponse(REQUEST, ResponseCode.I0, "3QAAAAAAAFUR+/==", AT));
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.requestId()).isEqualTo(REQUEST.requestId());
    assertThat(r.responseId()).hasToString("00-DB-12-34-56-78-90-A0:90-B3-D5-1F-30-01-00-00:1000");
    assertThat(r.serviceReferenceVariant()).isEqualTo("8.1.1");
    assertThat(new String(BUILDER.finalResponse(REQUEST, ResponseCode.I0, "3QAAAAAAAFUR+/==", AT), UTF_8))
        .endsWith("<sr:GBCSPayload>3QAAAAAAAFUR+/==</sr:GBCSPayload></sr:ResponseMessage></sr:Body></sr:Response>")
        .doesNotContain("Signature");
  }

  @Test
  void finalErrorResponseForAnUnavailableCspIsE20() throws Exception {
    DuisResponse r = PARSER.parse(BUILDER.finalResponse(REQUEST, ResponseCode.CSP_UNAVAILABLE, null, AT));
    assertThat(r.code()).contains(ResponseCode.E20);
    assertThat(r.isError()).isTrue();
    assertThat(r.responseId()).isEqualTo(REQUEST.requestId().responseId());
  }

  @Test
  void finalResponseCannotBeAnAcknowledgement() {
    assertThatIllegalArgumentException().isThrownBy(() -> BUILDER.finalResponse(REQUEST, ResponseCode.I99, null, AT))
        .withMessageContaining("I99");
  }

  @Test
  void errorResponseForARejectedRequestEchoesWhatWasRead() throws Exception {
    byte[] request = DuisRequestBuilder.create(CATALOGUE).build(CATALOGUE.find("11.2").orElseThrow(),
        REQUEST.requestId());
    DuisRejectedException rejection = catchRejection(() -> DuisRequestParser.create(CATALOGUE)
        .parse(Endpoint.NON_DEVICE, request));
    DuisResponse r = PARSER.parse(BUILDER.error(rejection, AT));
    assertThat(r).isEqualTo(new DuisResponse("5.1", REQUEST.requestId(), null, "E13", "2019-04-02T10:24:00.123Z",
        "11.2", "11.2"));
  }

  @Test
  void errorResponseWithoutRequestIdOmitsHeaderIdAndBody() throws Exception {
    DuisRejectedException rejection = catchRejection(() -> DuisRequestParser.create(CATALOGUE)
        .parse(Endpoint.SEND_COMMAND, "not xml".getBytes(UTF_8)));
    DuisResponse r = PARSER.parse(BUILDER.error(rejection, AT));
    assertThat(r).isEqualTo(new DuisResponse("5.1", null, null, "E11", "2019-04-02T10:24:00.123Z", null, null));
  }

  @Test
  void authorisationErrorsUseTheRequestsReferences() throws Exception {
    DuisResponse r = PARSER.parse(BUILDER.error(REQUEST, ResponseCode.E19, AT));
    assertThat(r.code()).contains(ResponseCode.E19);
    assertThat(r.serviceReferenceVariant()).isEqualTo("8.1.1");
    assertThatIllegalArgumentException().isThrownBy(() -> BUILDER.error(REQUEST, ResponseCode.I0, AT));
  }

  @Test
  void payloadTextIsEscaped() throws Exception {
    byte[] xml = BUILDER.finalResponse(REQUEST, ResponseCode.I0, "a&b<c>\"d'", AT);
    assertThat(new String(xml, UTF_8)).contains("<sr:GBCSPayload>a&amp;b&lt;c&gt;&quot;d&apos;</sr:GBCSPayload>");
    assertThat(PARSER.parse(xml).isSuccess()).isTrue();
    assertThatIllegalArgumentException().isThrownBy(() -> BUILDER.finalResponse(REQUEST, ResponseCode.I0, "x\u0000", AT))
        .withMessageContaining("U+0");
  }

  @Test
  void unknownResponseCodesAreKeptAsWritten() throws Exception {
    String xml = new String(BUILDER.error(REQUEST, ResponseCode.E19, AT), UTF_8).replace(">E19<", ">E57<");
    DuisResponse r = PARSER.parse(xml.getBytes(UTF_8));
    assertThat(r.responseCode()).isEqualTo("E57");
    assertThat(r.code()).isEmpty();
    assertThat(r.isError()).isTrue();
  }

  @Test
  void responseParserIsHardenedLikeTheRequestParser() {
    String ack = new String(BUILDER.acknowledgement(REQUEST, AT), UTF_8);
    assertThat(catchRejection(() -> PARSER.parse(ack.replace("<sr:Response ", "<!DOCTYPE x><sr:Response ")
        .getBytes(UTF_8))).reason()).isEqualTo(RejectReason.DOCTYPE_FORBIDDEN);
    assertThat(catchRejection(() -> PARSER.parse(ack.replace("<sr:ResponseCode>I99</sr:ResponseCode>", "")
        .getBytes(UTF_8))).offendingValue()).isEqualTo("sr:ResponseCode");
    assertThat(catchRejection(() -> PARSER.parse(ack.replace("sr:Response", "sr:Request")
        .getBytes(UTF_8))).reason()).isEqualTo(RejectReason.WRONG_ROOT);
    assertThat(catchRejection(() -> PARSER.parse(ack.replace(">I99<", ">OK<")
        .getBytes(UTF_8))).offendingValue()).isEqualTo("ResponseCode \"OK\"");
  }

  @Test
  void responseDateTimeIsUtcWithMilliseconds() throws Exception {
    assertThat(PARSER.parse(BUILDER.acknowledgement(REQUEST, Instant.parse("2022-08-12T06:43:49Z")))
        .responseDateTime()).isEqualTo("2022-08-12T06:43:49.000Z");
  }

  private interface Call {
    void run() throws DuisRejectedException;
  }

  private static DuisRejectedException catchRejection(Call call) {
    DuisRejectedException[] caught = new DuisRejectedException[1];
    assertThatExceptionOfType(DuisRejectedException.class).isThrownBy(call::run).satisfies(e -> caught[0] = e);
    return caught[0];
  }
}
