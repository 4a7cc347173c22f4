package io.smsim.duis;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.model.DeviceType;
import io.smsim.model.Srv;
import io.smsim.model.SrvCatalogue;
import org.junit.jupiter.api.Test;

class GbcsUseCasesTest {

  private final GbcsUseCases table = GbcsUseCases.standard();

  @Test
  void everyCriticalDeviceSrvHasAUseCaseOnEveryDeviceType() {
    for (Srv srv : SrvCatalogue.standard().all()) {
      if (srv.critical() && !srv.nonDevice()) {
        for (DeviceType type : DeviceType.values()) {
          assertThat(table.find(srv.variant(), type)).as("%s on %s", srv.variant(), type).isPresent();
        }
      }
    }
  }

  @Test
  void theTargetsDeviceTypeChoosesTheUseCase() {
    assertThat(table.find("1.1.1", DeviceType.ESME)).hasValue(new GbcsUseCases.UseCase("ECS01a", 0x0019));
    assertThat(table.find("1.1.1", DeviceType.GSME)).hasValue(new GbcsUseCases.UseCase("GCS01a", 0x006B));
    assertThat(table.find("6.6", DeviceType.ESME)).as("gas-only SRV").hasValue(new GbcsUseCases.UseCase("GCS23", 0x007C));
    assertThat(table.find("8.7.1", DeviceType.HCALCS)).hasValue(new GbcsUseCases.UseCase("CS03A2", 0x00AB));
    assertThat(table.find("8.7.1", DeviceType.GSME)).hasValue(new GbcsUseCases.UseCase("CS03C", 0x00AF));
    assertThat(table.find("11.3", DeviceType.PPMID)).hasValue(new GbcsUseCases.UseCase("CS06", 0x0012));
    assertThat(table.find("4.1.1", DeviceType.ESME)).as("not critical").isEmpty();
  }
}
