package io.smsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceRegistryTest {

  @Test
  void generatedDevicesFollowTheDocumentedScheme() {
    assertThat(DeviceRegistry.generated(Region.NORTH, 0)).isEqualTo(0x00DB_FF01_0000_0000L);
    assertThat(DeviceRegistry.generated(Region.SOUTH, 0x29)).isEqualTo(0x00DB_FF03_0000_0029L);
    assertThatIllegalArgumentException().isThrownBy(() -> DeviceRegistry.generated(Region.NORTH, 1L << 32));
  }

  @Test
  void lookupFindsEveryRangeAndNothingBetween() {
    DeviceRegistry d = new DeviceRegistry(DeviceRegistry.DCC_BOXED_EUI64, Region.SOUTH, List.of(
        new DeviceRegistry.Range(Region.SOUTH, 0xF000_0000_0000_0000L, 0xF000_0000_0000_0010L),
        DeviceRegistry.generatedRange(Region.CENTRAL, 100),
        new DeviceRegistry.Range(Region.NORTH, 5, 5)));
    assertThat(d.regionOf(5)).isEqualTo(Region.NORTH);
    assertThat(d.regionOf(4)).isNull();
    assertThat(d.regionOf(DeviceRegistry.generated(Region.CENTRAL, 99))).isEqualTo(Region.CENTRAL);
    assertThat(d.regionOf(0xF000_0000_0000_0010L)).isEqualTo(Region.SOUTH);
    assertThat(d.regionOf(0xF000_0000_0000_0011L)).isNull();
    assertThat(d.count(Region.CENTRAL)).isEqualTo(100);
  }

  @Test
  void overlapsAreRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new DeviceRegistry(1, Region.NORTH, List.of(
        new DeviceRegistry.Range(Region.NORTH, 1, 10), new DeviceRegistry.Range(Region.SOUTH, 10, 20))))
        .withMessageContaining("overlap");
  }

  @Test
  void defaultsCoverTheScenariosRegions() {
    DeviceRegistry d = DeviceRegistry.defaults(Set.of(Region.SOUTH));
    assertThat(d.count(Region.SOUTH)).as("generated, and DCC Boxed's reference devices")
        .isEqualTo(DeviceRegistry.DEFAULT_COUNT_PER_REGION + DccBoxedDevices.eui64s().length);
    assertThat(DeviceRegistry.generatedOnly(Set.of(Region.SOUTH)).count(Region.SOUTH))
        .isEqualTo(DeviceRegistry.DEFAULT_COUNT_PER_REGION);
    assertThat(d.nonDeviceRegion()).isEqualTo(Region.SOUTH);
  }
}
