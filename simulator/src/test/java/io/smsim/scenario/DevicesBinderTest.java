package io.smsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.smsim.duis.Eui64;
import io.smsim.model.DccBoxedDevices;
import io.smsim.model.DeviceRegistry;
import io.smsim.model.Region;
import org.junit.jupiter.api.Test;

class DevicesBinderTest {

  private static final String HEAD = """
      name: devices
      start: 2019-04-02T10:00
      end: 2019-04-02T11:00
      regions: {north: {}, central: {}}
      """;

  @Test
  void withoutTheSectionEveryRegionHasAThousandGeneratedDevicesAndTheFirstDccBoxedsToo() {
    DeviceRegistry d = ScenarioLoader.fromString("s.yaml", HEAD).devices();
    assertThat(d.count(Region.NORTH)).isEqualTo(1000 + DccBoxedDevices.eui64s().length);
    assertThat(d.count(Region.CENTRAL)).isEqualTo(1000);
    assertThat(d.count(Region.SOUTH)).isZero();
    assertThat(d.regionOf(Eui64.parse("00-DB-FF-01-00-00-03-E7"))).isEqualTo(Region.NORTH);
    assertThat(d.regionOf(Eui64.parse("00-DB-FF-01-00-00-03-E8"))).isNull();
    assertThat(d.nonDeviceRegion()).isEqualTo(Region.NORTH);
    assertThat(Eui64.format(d.dccEui64())).isEqualTo("90-B3-D5-1F-30-00-00-02");
  }

  @Test
  void everyScenarioKnowsDccBoxedsReferenceDevicesUnlessItSaysOtherwise() {
    long esme = Eui64.parse("00-DB-12-34-56-78-90-A0");
    long hcalcs = Eui64.parse("00-DB-12-34-56-78-90-A5");
    assertThat(DccBoxedDevices.eui64s()).hasSize(7).contains(esme, hcalcs);
    DeviceRegistry own = ScenarioLoader.fromString("s.yaml", HEAD + """
        devices:
          nonDeviceRegion: central
          north: {count: 3}
          central: {count: 2}
        """).devices();
    for (long eui : DccBoxedDevices.eui64s()) {
      assertThat(own.regionOf(eui)).as(Eui64.format(eui)).isEqualTo(Region.CENTRAL);
    }
    assertThat(own.count(Region.NORTH)).isEqualTo(3);
    DeviceRegistry placed = ScenarioLoader.fromString("s.yaml", HEAD + """
        devices:
          north: {ranges: ["00-DB-12-34-56-78-90-A0..00-DB-12-34-56-78-90-A3"]}
          central: {count: 2}
        """).devices();
    assertThat(placed.regionOf(esme)).as("inside the scenario's own range").isEqualTo(Region.NORTH);
    assertThat(placed.regionOf(hcalcs)).as("the rest in the non-device region").isEqualTo(Region.NORTH);
    assertThat(placed.count(Region.NORTH)).isEqualTo(7);
    DeviceRegistry off = ScenarioLoader.fromString("s.yaml", HEAD + """
        devices: {dccBoxed: false}
        """).devices();
    assertThat(off.regionOf(esme)).isNull();
    assertThat(off.count(Region.NORTH)).as("no region named: generated devices stay").isEqualTo(1000);
    assertThat(off.count(Region.CENTRAL)).isEqualTo(1000);
  }

  @Test
  void countsAndRangesPerRegion() {
    DeviceRegistry d = ScenarioLoader.fromString("s.yaml", HEAD + """
        devices:
          dcc: 90-B3-D5-1F-30-00-00-09
          nonDeviceRegion: central
          north:
            count: 5
            ranges: ["00-DB-12-34-56-78-90-A0..00-DB-12-34-56-78-90-AF", "F0-00-00-00-00-00-00-01"]
          central: {count: 2}
        """).devices();
    assertThat(d.count(Region.NORTH)).isEqualTo(5 + 16 + 1);
    assertThat(d.count(Region.CENTRAL)).as("2 + DCC Boxed's A0..A6 are in north's own range").isEqualTo(2);
    assertThat(d.regionOf(Eui64.parse("00-DB-12-34-56-78-90-AF"))).isEqualTo(Region.NORTH);
    assertThat(d.regionOf(Eui64.parse("00-DB-12-34-56-78-90-B0"))).isNull();
    assertThat(d.regionOf(Eui64.parse("F0-00-00-00-00-00-00-01"))).as("unsigned order").isEqualTo(Region.NORTH);
    assertThat(d.regionOf(DeviceRegistry.generated(Region.CENTRAL, 1))).isEqualTo(Region.CENTRAL);
    assertThat(d.regionOf(DeviceRegistry.generated(Region.CENTRAL, 2))).isNull();
    assertThat(d.nonDeviceRegion()).isEqualTo(Region.CENTRAL);
    assertThat(d.isDcc(Eui64.parse("90-B3-D5-1F-30-00-00-09"))).isTrue();
  }

  @Test
  void mistakesPointIntoTheFile() {
    assertThatExceptionOfType(ScenarioException.class).isThrownBy(() -> ScenarioLoader.fromString("s.yaml", HEAD + """
        devices:
          dcc: not-an-eui
          nonDeviceRegion: south
          north:
            count: 0
            ranges: ["00-DB-12-34-56-78-90-AF..00-DB-12-34-56-78-90-A0", "00-db-12-34-56-78-90-a0", 5]
          central:
            ranges: ["00-DB-FF-01-00-00-00-05"]
            colour: red
          south: {count: 3}
        """)).satisfies(e -> assertThat(e.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
            "s.yaml:6:8: devices.dcc: not an EUI-64 (8 upper-case hex bytes separated by '-', e.g. "
                + "00-DB-12-34-56-78-90-A0): not-an-eui",
            "s.yaml:7:20: devices.nonDeviceRegion: region is not defined under regions: south",
            "s.yaml:9:12: devices.north.count: must be in [1, 4294967296]: 0",
            "s.yaml:10:14: devices.north.ranges[0]: range must not end before it starts: "
                + "00-DB-12-34-56-78-90-AF..00-DB-12-34-56-78-90-A0",
            "s.yaml:10:66: devices.north.ranges[1]: not an EUI-64 (8 upper-case hex bytes separated by '-', e.g. "
                + "00-DB-12-34-56-78-90-A0): 00-db-12-34-56-78-90-a0",
            "s.yaml:10:93: devices.north.ranges[2]: not an EUI-64 (8 upper-case hex bytes separated by '-', e.g. "
                + "00-DB-12-34-56-78-90-A0): 5",
            "s.yaml:13:5: devices.central.colour: unknown key; accepted: count, ranges",
            "s.yaml:14:10: devices.south: region is not defined under regions: south"));
  }

  @Test
  void overlappingRangesAreRefused() {
    assertThatExceptionOfType(ScenarioException.class).isThrownBy(() -> ScenarioLoader.fromString("s.yaml", HEAD + """
        devices:
          north: {count: 10}
          central: {ranges: ["00-DB-FF-01-00-00-00-05..00-DB-FF-01-00-00-00-20"]}
        """)).withMessage("s.yaml:7:22: devices.central.ranges[0]: overlaps the devices at s.yaml:6:18 "
            + "(00-DB-FF-01-00-00-00-00..00-DB-FF-01-00-00-00-09)");
  }
}
