package io.smsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.smsim.model.FailoverPolicy;
import io.smsim.model.Region;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * hardware-only probes the heartbeat: {@code probe: heartbeat} says so and is accepted; another probe
 * is refused with the way to drop one inherited from the file ({@code probe: null}), which works.
 */
class FailoverProbeTest {

  private static final String FILE = """
      name: t
      start: 2020-01-06T00:00
      end: 2020-01-06T01:00
      regions:
        north:
          failover: {policy: health-check, probe: synthetic}
      variants:
        base: {description: as written}
        dropped:
          set: {regions.north.failover: {policy: hardware-only, probe: null}}
      """;

  @Test
  void hardwareOnlyAcceptsTheHeartbeatProbeItUses() {
    Scenario s = ScenarioLoader.fromString("t.yaml", FILE.replace("policy: health-check, probe: synthetic",
        "policy: hardware-only, probe: heartbeat"));
    assertThat(s.regions().get(Region.NORTH).failover()).isInstanceOf(FailoverPolicy.HardwareOnly.class);
  }

  @Test
  void anInheritedProbeIsRefusedWithTheWayToRemoveIt() {
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioFile.fromString("t.yaml",
        FILE.replace("{regions.north.failover: {policy: hardware-only, probe: null}}",
            "{regions.north.failover.policy: hardware-only}"), List.of()));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("hardware-only always probes the heartbeat, so probe may only be heartbeat; "
        + "to drop a probe inherited from defaults or the file (in a variant's set: or --set), write probe: null: "
        + "synthetic");
    ScenarioFile ok = ScenarioFile.fromString("t.yaml", FILE, List.of());
    assertThat(ok.variant("dropped").orElseThrow().scenario().regions().get(Region.NORTH).failover())
        .isInstanceOf(FailoverPolicy.HardwareOnly.class);
  }
}
