package io.smsim.duis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.smsim.model.Srv;
import io.smsim.model.SrvCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Parses the public DUIS samples in {@code ../shared/duis-samples} (DCC Reference Test Data Set via
 * SmartDCCInnovation duis-templates and duis-parser); skipped where that folder is absent.
 */
class DuisSamplesConformanceTest {

  private static final Pattern SRV_IN_NAME = Pattern.compile("(?:^|_)(\\d+(?:\\.\\d+)+)_");
  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();
  private static final DuisRequestParser REQUESTS = DuisRequestParser.create(CATALOGUE);
  private static final DuisResponseParser RESPONSES = DuisResponseParser.create();
  private static Path samples;

  /** Per test, so that without the samples each test is reported skipped with the reason (not "Tests run: 0"). */
  @BeforeEach
  void locateSamples() {
    samples = DuisSamples.folder();
  }

  @Test
  void everyRequestSampleMatchesItsFileNameAndPassesValidationAtItsEndpoint() throws Exception {
    List<Path> files = files("_REQUEST_DUIS.XML");
    assertThat(files).hasSizeGreaterThanOrEqualTo(11);
    for (Path file : files) {
      Matcher m = SRV_IN_NAME.matcher(file.getFileName().toString());
      assertThat(m.find()).as("SRV in %s", file.getFileName()).isTrue();
      Srv srv = CATALOGUE.find(m.group(1)).orElseThrow();
      byte[] xml = Files.readAllBytes(file);
      DuisRequest request = REQUESTS.parseWellFormed(xml, 0, xml.length);

      assertThat(request.serviceReferenceVariant()).as(file.getFileName().toString()).isEqualTo(srv.variant());
      assertThat(request.serviceReference()).isEqualTo(srv.reference());
      assertThat(request.schemaVersion()).isEqualTo("5.4");
      assertThat(request.requestId().originator()).isEqualTo(Eui64.parse("90-B3-D5-1F-30-01-00-00"));
      assertThat(srv.allowsCommandVariant(request.commandVariant())).isTrue();
      Endpoint endpoint = Endpoint.forCommandVariant(request.commandVariant());
      assertThat(REQUESTS.parse(endpoint, xml)).isEqualTo(request);
      for (Endpoint other : Endpoint.values()) {
        if (other != endpoint) {
          assertThatExceptionOfType(DuisRejectedException.class).isThrownBy(() -> REQUESTS.parse(other, xml))
              .satisfies(e -> assertThat(e.responseCode()).isEqualTo(ResponseCode.E13));
        }
      }
    }
  }

  @Test
  void requestSamplesYieldTheirBodyElements() throws Exception {
    assertThat(parse("ECS52_11.2_SUCCESS_REQUEST_DUIS.XML").bodyElement()).isEqualTo("ReadFirmwareVersion");
    assertThat(parse("CS01a_2.2_SUCCESS_REQUEST_DUIS.XML").requestId().counter()).isEqualTo(12884901888L);
    assertThat(parse("ECS70Commission_8.1.1_SUCCESS_REQUEST_DUIS.XML").commandVariant()).isEqualTo(4);
    assertThat(parse("11.1_UPDATE_FIRMWARE_REQUEST_DUIS.XML").bodyElement()).isEqualTo("UpdateFirmware");
  }

  @Test
  void finalSuccessResponseSampleParses() throws Exception {
    DuisResponse r = RESPONSES.parse(Files.readAllBytes(samples.resolve("ECS52_11.2_SUCCESS_RESPONSE_DUIS.XML")));
    assertThat(r.code()).contains(ResponseCode.I0);
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.requestId()).hasToString("90-B3-D5-1F-30-01-00-00:BC-33-AC-00-FE-FA-55-3C:1660286628923");
    assertThat(r.responseId()).isEqualTo(r.requestId().responseId());
    assertThat(r.responseDateTime()).isEqualTo("2022-08-12T06:43:49.844Z");
    assertThat(r.serviceReference()).isEqualTo("11.2");
    assertThat(r.serviceReferenceVariant()).isEqualTo("11.2");
    assertThat(r.schemaVersion()).isEqualTo("5.1");
  }

  @Test
  void acknowledgementErrorSampleParses() throws Exception {
    DuisResponse r = RESPONSES.parse(Files.readAllBytes(samples.resolve("ACKNOWLEDGEMENT_ERROR_RESPONSE_DUIS.XML")));
    assertThat(r.responseCode()).isEqualTo("E65");
    assertThat(r.isError()).isTrue();
    assertThat(r.responseId()).isNull();
    assertThat(r.requestId().counter()).isEqualTo(1658482675800L);
    assertThat(r.serviceReferenceVariant()).isEqualTo("11.2");
  }

  private static DuisRequest parse(String name) throws Exception {
    byte[] xml = Files.readAllBytes(samples.resolve(name));
    return REQUESTS.parse(Endpoint.forCommandVariant(REQUESTS.parseWellFormed(xml, 0, xml.length).commandVariant()), xml);
  }

  private static List<Path> files(String suffix) throws IOException {
    return DuisSamples.files(samples, suffix);
  }
}
