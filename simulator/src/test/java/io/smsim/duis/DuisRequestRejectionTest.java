package io.smsim.duis;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.smsim.model.SrvCatalogue;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input: each case asserts the reason, the DUIS code answered and what the message names. */
class DuisRequestRejectionTest {

  static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();
  static final DuisRequestParser PARSER = DuisRequestParser.create(CATALOGUE);
  static final String ID = "90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1000";
  /** A valid 11.2 request (CV 1, send command) as smsim builds it. */
  static final String VALID = new String(DuisRequestBuilder.create(CATALOGUE)
      .build(CATALOGUE.find("11.2").orElseThrow(), RequestId.parse(ID)), UTF_8);

  @Test
  void theUnmodifiedDocumentIsAccepted() throws Exception {
    assertThat(PARSER.parse(Endpoint.SEND_COMMAND, VALID.getBytes(UTF_8)).serviceReferenceVariant()).isEqualTo("11.2");
  }

  @Test
  void notXml() {
    DuisRejectedException e = reject("hello, this is not XML");
    assertThat(e.reason()).isEqualTo(RejectReason.NOT_WELL_FORMED);
    assertThat(e.responseCode()).isEqualTo(ResponseCode.E11);
    assertThat(e.getMessage()).startsWith("E11 document is not well-formed XML: \"line 1, column 1:");
  }

  @Test
  void emptyBody() {
    assertThat(reject("").reason()).isEqualTo(RejectReason.NOT_WELL_FORMED);
  }

  @Test
  void wrongNamespace() {
    DuisRejectedException e = reject(VALID.replace(HardenedXml.SR_NS, "http://example.com/not-duis"));
    assertThat(e.reason()).isEqualTo(RejectReason.WRONG_NAMESPACE);
    assertThat(e.offendingValue()).isEqualTo("root \"sr:Request\" in namespace \"http://example.com/not-duis\"");
  }

  @Test
  void wrongRoot() {
    DuisRejectedException e = reject(VALID.replace("sr:Request", "sr:Response"));
    assertThat(e.reason()).isEqualTo(RejectReason.WRONG_ROOT);
    assertThat(e.offendingValue()).isEqualTo("\"sr:Response\"");
  }

  @Test
  void missingHeaderField() {
    DuisRejectedException e = reject(VALID.replace("<sr:CommandVariant>1</sr:CommandVariant>", ""));
    assertThat(e.reason()).isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(e.offendingValue()).isEqualTo("sr:CommandVariant");
    assertThat(e.requestId()).hasValueSatisfying(id -> assertThat(id).hasToString(ID));
  }

  @Test
  void missingSchemaVersion() {
    DuisRejectedException e = reject(VALID.replace(" schemaVersion=\"5.4\"", ""));
    assertThat(e.reason()).isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(e.offendingValue()).isEqualTo("attribute schemaVersion on sr:Request");
  }

  @Test
  void duplicateHeaderField() {
    DuisRejectedException e = reject(VALID.replace("<sr:CommandVariant>1</sr:CommandVariant>",
        "<sr:CommandVariant>1</sr:CommandVariant><sr:CommandVariant>1</sr:CommandVariant>"));
    assertThat(e.reason()).isEqualTo(RejectReason.UNEXPECTED_CONTENT);
    assertThat(e.offendingValue()).isEqualTo("element \"sr:CommandVariant\" (duplicate)");
  }

  @Test
  void bodyWithTwoElements() {
    DuisRejectedException e = reject(VALID.replace("<sr:ReadFirmwareVersion/>", "<sr:ReadFirmwareVersion/><sr:X/>"));
    assertThat(e.reason()).isEqualTo(RejectReason.UNEXPECTED_CONTENT);
    assertThat(e.offendingValue()).contains("sr:Body holds one element");
  }

  @Test
  void textWhereDuisHasStructure() {
    DuisRejectedException e = reject(VALID.replace("<sr:Header>", "<sr:Header>surprise"));
    assertThat(e.reason()).isEqualTo(RejectReason.UNEXPECTED_CONTENT);
    assertThat(e.offendingValue()).startsWith("text \"surprise\"");
  }

  @Test
  void unknownSrvKeepsTheRequestIdForTheErrorResponse() {
    DuisRejectedException e = reject(VALID.replace(">11.2<", ">99.9<"));
    assertThat(e.reason()).isEqualTo(RejectReason.UNKNOWN_SRV);
    assertThat(e.responseCode()).isEqualTo(ResponseCode.E11);
    assertThat(e.offendingValue()).isEqualTo("\"99.9\"");
    assertThat(e.requestId()).hasValueSatisfying(id -> assertThat(id.counter()).isEqualTo(1000));
    assertThat(e.request()).hasValueSatisfying(r -> assertThat(r.serviceReferenceVariant()).isEqualTo("99.9"));
  }

  @Test
  void serviceReferenceNotMatchingTheSrv() {
    DuisRejectedException e = reject(VALID.replace("<sr:ServiceReference>11.2<", "<sr:ServiceReference>4.1<"));
    assertThat(e.reason()).isEqualTo(RejectReason.SERVICE_REFERENCE_MISMATCH);
    assertThat(e.offendingValue()).isEqualTo("ServiceReference \"4.1\" with ServiceReferenceVariant 11.2 (expected 11.2)");
  }

  @Test
  void commandVariantNotAllowedForTheSrv() {
    DuisRejectedException e = reject(VALID.replace(">1</sr:CommandVariant>", ">5</sr:CommandVariant>"));
    assertThat(e.reason()).isEqualTo(RejectReason.COMMAND_VARIANT_NOT_ALLOWED);
    assertThat(e.responseCode()).isEqualTo(ResponseCode.E12);
    assertThat(e.offendingValue()).isEqualTo("CommandVariant 5 for SRV 11.2 (non-critical, allowed 1,2,3)");
  }

  @Test
  void commandVariantWrongForTheEndpoint() {
    DuisRejectedException e = reject(Endpoint.TRANSFORM, VALID);
    assertThat(e.reason()).isEqualTo(RejectReason.WRONG_ENDPOINT);
    assertThat(e.responseCode()).isEqualTo(ResponseCode.E13);
    assertThat(e.offendingValue()).isEqualTo("CommandVariant 1 sent to /api/v1/serviceT (belongs to /api/v1/serviceS)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "9", "one", "", "11", "-1"})
  void commandVariantNotAnIntegerFromOneToEight(String cv) {
    DuisRejectedException e = reject(VALID.replace(">1</sr:CommandVariant>", ">" + cv + "</sr:CommandVariant>"));
    assertThat(e.reason()).isEqualTo(RejectReason.BAD_COMMAND_VARIANT);
    assertThat(e.offendingValue()).isEqualTo("\"" + cv + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0",
      "90-b3-d5-1f-30-01-00-00:00-DB-12-34-56-78-90-A0:1000", "90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:0",
      "90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90:1000", "junk", ""})
  void badRequestIdForms(String requestId) {
    DuisRejectedException e = reject(VALID.replace(ID, requestId));
    assertThat(e.reason()).isEqualTo(RejectReason.BAD_REQUEST_ID);
    assertThat(e.offendingValue()).startsWith("RequestID ");
    assertThat(e.requestId()).isEmpty();
  }

  @Test
  void truncatedDocument() {
    DuisRejectedException e = reject(VALID.substring(0, VALID.length() / 2));
    assertThat(e.reason()).isEqualTo(RejectReason.NOT_WELL_FORMED);
    assertThat(e.offendingValue()).contains("Unexpected EOF").doesNotContain("row,col");
  }

  @Test
  void oversizedInputIsRefusedBeforeParsing() {
    DuisRequestParser small = DuisRequestParser.create(CATALOGUE, 1024, 32);
    byte[] big = VALID.replace("<sr:Body>", "<!--" + "x".repeat(2000) + "--><sr:Body>").getBytes(UTF_8);
    assertThatExceptionOfType(DuisRejectedException.class).isThrownBy(() -> small.parse(Endpoint.SEND_COMMAND, big))
        .satisfies(e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.TOO_LARGE);
          assertThat(e.offendingValue()).isEqualTo(big.length + " bytes > limit 1024");
        });
    ByteBuffer direct = ByteBuffer.allocateDirect(big.length).put(big).flip();
    assertThatExceptionOfType(DuisRejectedException.class).isThrownBy(() -> small.parse(Endpoint.SEND_COMMAND, direct))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(RejectReason.TOO_LARGE));
  }

  @Test
  void defaultLimitRefusesFourMebibytesPlusOne() {
    byte[] big = Arrays.copyOf(VALID.getBytes(UTF_8), DuisRequestParser.DEFAULT_MAX_BYTES + 1);
    assertThatExceptionOfType(DuisRejectedException.class).isThrownBy(() -> PARSER.parse(Endpoint.SEND_COMMAND, big))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(RejectReason.TOO_LARGE));
  }

  @Test
  void tooDeepNesting() {
    String deep = "<sr:a>".repeat(40) + "</sr:a>".repeat(40);
    DuisRejectedException e = reject(VALID.replace("<sr:ReadFirmwareVersion/>",
        "<sr:ReadFirmwareVersion>" + deep + "</sr:ReadFirmwareVersion>"));
    assertThat(e.reason()).isEqualTo(RejectReason.TOO_DEEP);
    assertThat(e.offendingValue()).isEqualTo("depth 33 > limit 32");
  }

  @Test
  void moreAttributesOnOneElementThanTheParsersLimitAreRefused() {
    StringBuilder attributes = new StringBuilder();
    for (int i = 0; i < 33; i++) {
      attributes.append(" a").append(i).append("=\"1\"");
    }
    DuisRejectedException e = reject(VALID.replace("<sr:Body>", "<sr:Body" + attributes + ">"));
    assertThat(e.reason()).isEqualTo(RejectReason.NOT_WELL_FORMED);
    assertThat(e.offendingValue()).contains("32");
  }

  @Test
  void nonUtf8Garbage() {
    byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3, 0x28, (byte) 0xa0, (byte) 0xa1, 0x3c};
    DuisRejectedException e = reject(Endpoint.SEND_COMMAND, garbage);
    assertThat(e.reason()).isEqualTo(RejectReason.NOT_UTF8);
    assertThat(e.responseCode()).isEqualTo(ResponseCode.E11);
    assertThat(e.offendingValue()).isEqualTo("invalid UTF-8 at byte 0");
  }

  @Test
  void latin1BytesInsideAnOtherwiseValidDocument() {
    byte[] latin1 = VALID.replace("<sr:Body>", "<!-- caf\u00e9 --><sr:Body>").getBytes(ISO_8859_1);
    DuisRejectedException e = reject(Endpoint.SEND_COMMAND, latin1);
    assertThat(e.reason()).isEqualTo(RejectReason.NOT_UTF8);
    assertThat(e.offendingValue()).startsWith("invalid UTF-8 at byte ");
  }

  @Test
  void declaredEncodingOtherThanUtf8() {
    DuisRejectedException e = reject(VALID.replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\""));
    assertThat(e.reason()).isEqualTo(RejectReason.NOT_UTF8);
    assertThat(e.offendingValue()).isEqualTo("declared encoding \"ISO-8859-1\"");
  }

  @Test
  void utf8ByteOrderMarkIsAccepted() throws Exception {
    byte[] doc = VALID.getBytes(UTF_8);
    byte[] withBom = new byte[doc.length + 3];
    withBom[0] = (byte) 0xef;
    withBom[1] = (byte) 0xbb;
    withBom[2] = (byte) 0xbf;
    System.arraycopy(doc, 0, withBom, 3, doc.length);
    assertThat(PARSER.parse(Endpoint.SEND_COMMAND, withBom).requestId()).hasToString(ID);
  }

  static DuisRejectedException reject(String xml) {
    return reject(Endpoint.SEND_COMMAND, xml.getBytes(UTF_8));
  }

  static DuisRejectedException reject(Endpoint endpoint, String xml) {
    return reject(endpoint, xml.getBytes(UTF_8));
  }

  static DuisRejectedException reject(Endpoint endpoint, byte[] xml) {
    DuisRejectedException[] caught = new DuisRejectedException[1];
    assertThatExceptionOfType(DuisRejectedException.class).isThrownBy(() -> PARSER.parse(endpoint, xml))
        .satisfies(e -> caught[0] = e);
    return caught[0];
  }
}
