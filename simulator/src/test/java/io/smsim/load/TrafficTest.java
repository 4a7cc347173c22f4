package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smsim.engine.RandomStream;
import io.smsim.model.DeviceRegistry;
import io.smsim.model.Region;
import io.smsim.model.SrvCatalogue;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/** Requests go to devices that exist, in each region's share of the scenario's volume, with the mix's SRVs. */
class TrafficTest {

  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();

  @Test
  void regionsFollowTheScenariosVolumesAndTargetsItsDevices() {
    Scenario scenario = ScenarioLoader.fromString("t.yaml", """
        name: t
        start: 2019-04-02T00:00
        end: 2019-04-03T00:00
        defaults:
          workload:
            onDemand: {perDay: 1000, mix: {"4.1.1": 3, "11.2": 1}}
            firmware: {perDay: 500, mix: {"11.1": 1}}
        regions: {north: {workload: {onDemand: {perDay: 3000}}}, central: {}, south: {}}
        devices:
          dcc: 90-B3-D5-1F-30-00-00-02
          nonDeviceRegion: south
          north: {count: 10}
          central: {ranges: ["00-DB-12-34-56-78-90-A0..00-DB-12-34-56-78-90-AF"]}
          south: {count: 5}
        """);
    Traffic traffic = Traffic.fromScenario(scenario, Set.of(), null);
    RandomStream random = new RandomStream(11);
    Traffic.Pick pick = new Traffic.Pick();
    long[] byRegion = new long[3];
    long[] bySrv = new long[3];
    int n = 60_000;
    for (int i = 0; i < n; i++) {
      traffic.pick(random, -1, pick);
      String srv = CATALOGUE.get(pick.srvIndex).variant();
      if (srv.equals("11.1")) { // non-device: to the DCC, served by the non-device region
        assertThat(pick.target).isEqualTo(0x90B3_D51F_3000_0002L);
        assertThat(pick.region).isEqualTo(Region.SOUTH.ordinal());
        bySrv[2]++;
        continue;
      }
      assertThat(scenario.devices().regionOf(pick.target)).isEqualTo(Region.of(pick.region));
      byRegion[pick.region]++;
      bySrv[srv.equals("4.1.1") ? 0 : 1]++;
    }
    // on-demand volumes 3000 : 1000 : 1000 (firmware, 1500 a day in all, goes to the DCC)
    double onDemand = n * 5000.0 / 6500;
    double[] expected = {onDemand * 3 / 5, onDemand / 5, onDemand / 5};
    assertThat(new ChiSquareTest().chiSquareTest(expected, byRegion)).isGreaterThan(0.01);
    double[] srvExpected = {onDemand * 3 / 4, onDemand / 4, n * 1500.0 / 6500};
    assertThat(new ChiSquareTest().chiSquareTest(srvExpected, bySrv)).isGreaterThan(0.01);
  }

  @Test
  void defaultsUseServesDevicesAndExplicitRangesAreHonoured() {
    Traffic standard = Traffic.standard(EnumSet.of(Region.CENTRAL), Traffic.parseMix("4.1.1"));
    RandomStream random = new RandomStream(3);
    Traffic.Pick pick = new Traffic.Pick();
    for (int i = 0; i < 1000; i++) {
      standard.pick(random, -1, pick);
      if (!io.smsim.model.DccBoxedDevices.contains(pick.target)) { // serve's default knows DCC Boxed's too
        assertThat(pick.target).isBetween(DeviceRegistry.generated(Region.CENTRAL, 0),
            DeviceRegistry.generated(Region.CENTRAL, DeviceRegistry.DEFAULT_COUNT_PER_REGION - 1));
      }
    }
    Traffic ranges = Traffic.devices(List.of(Traffic.parseRange("00-00-00-00-00-00-00-10..00-00-00-00-00-00-00-11"),
        Traffic.parseRange("00-00-00-00-00-00-01-00")), Traffic.parseMix("4.1.1"), DeviceRegistry.DCC_BOXED_EUI64);
    long[] seen = new long[3];
    for (int i = 0; i < 3000; i++) {
      ranges.pick(random, -1, pick);
      assertThat(pick.target).isIn(0x10L, 0x11L, 0x100L);
      seen[pick.target == 0x10 ? 0 : pick.target == 0x11 ? 1 : 2]++;
      assertThat(pick.region).isEqualTo(Traffic.OTHER);
    }
    assertThat(seen[0]).isGreaterThan(800);
    assertThat(seen[1]).isGreaterThan(800);
    assertThat(seen[2]).isGreaterThan(800);
    assertThatThrownBy(() -> Traffic.parseRange("00-00-00-00-00-00-00-11..00-00-00-00-00-00-00-10"))
        .hasMessageContaining("--devices: range ends before it starts");
    assertThatThrownBy(() -> Traffic.parseMix("4.1.1=0")).hasMessageContaining("must be positive");
  }
}
