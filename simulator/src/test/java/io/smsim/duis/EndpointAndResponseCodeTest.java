package io.smsim.duis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointAndResponseCodeTest {

  @Test
  void commandVariantsMapToTheDuisWebServices() {
    assertThat(Endpoint.forCommandVariant(1)).isEqualTo(Endpoint.SEND_COMMAND);
    assertThat(Endpoint.forCommandVariant(3)).isEqualTo(Endpoint.SEND_COMMAND);
    assertThat(Endpoint.forCommandVariant(5)).isEqualTo(Endpoint.SEND_COMMAND);
    assertThat(Endpoint.forCommandVariant(7)).isEqualTo(Endpoint.SEND_COMMAND);
    assertThat(Endpoint.forCommandVariant(4)).isEqualTo(Endpoint.TRANSFORM);
    assertThat(Endpoint.forCommandVariant(2)).isEqualTo(Endpoint.NON_DEVICE);
    assertThat(Endpoint.forCommandVariant(6)).isEqualTo(Endpoint.NON_DEVICE);
    assertThat(Endpoint.forCommandVariant(8)).isEqualTo(Endpoint.NON_DEVICE);
  }

  @Test
  void everyVariantBelongsToExactlyOneEndpoint() {
    for (int cv = 1; cv <= 8; cv++) {
      int owners = 0;
      for (Endpoint e : Endpoint.values()) {
        owners += e.accepts(cv) ? 1 : 0;
      }
      assertThat(owners).as("endpoints accepting CV %d", cv).isEqualTo(1);
    }
    assertThat(Endpoint.SEND_COMMAND.accepts(0)).isFalse();
    assertThat(Endpoint.NON_DEVICE.accepts(9)).isFalse();
  }

  @Test
  void pathsAreDccBoxeds() {
    assertThat(Endpoint.fromPath("/api/v1/serviceS")).contains(Endpoint.SEND_COMMAND);
    assertThat(Endpoint.fromPath("/api/v1/serviceT")).contains(Endpoint.TRANSFORM);
    assertThat(Endpoint.fromPath("/api/v1/serviceD")).contains(Endpoint.NON_DEVICE);
    assertThat(Endpoint.fromPath("/api/v1/serviceX")).isEmpty();
  }

  @Test
  void responseCodesKnowTheirFamilies() {
    assertThat(ResponseCode.find("I0")).contains(ResponseCode.I0);
    assertThat(ResponseCode.find("E999")).isEmpty();
    assertThat(ResponseCode.I99.isError()).isFalse();
    assertThat(ResponseCode.E19.category()).isEqualTo(ResponseCode.Category.AUTHORISATION);
    assertThat(ResponseCode.E12.category()).isEqualTo(ResponseCode.Category.VALIDATION);
    assertThat(ResponseCode.E65.meaningConfirmed()).isFalse();
    assertThat(ResponseCode.CSP_UNAVAILABLE).isEqualTo(ResponseCode.E20);
  }
}
