package io.smsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule for overlapping faults of a kind: the strongest in force wins, parameter by parameter. */
class FaultStateTest {

  private static final int PRIMARY = 1;
  private static final int BOTH = 3;

  private static FaultState.Active fault(int id, Fault f, int mask) {
    return new FaultState.Active(id, f, mask, "test", 0);
  }

  @Test
  void aWeakerLeakStartedLaterDoesNotOverrideAStrongerOneAndIsListedAsNotInForce() {
    FaultState s = new FaultState();
    FaultState.Active admin = fault(1, new Fault.Leak(0.5), PRIMARY);
    FaultState.Active scenario = fault(2, new Fault.Leak(0.1), BOTH);
    s.add(admin);
    s.add(scenario);
    assertThat(s.leakProbability(ServerRole.PRIMARY)).isEqualTo(0.5);
    assertThat(s.leakProbability(ServerRole.SECONDARY)).isEqualTo(0.1);
    assertThat(s.inForce(admin)).isTrue();
    assertThat(s.inForce(scenario)).as("governs the secondary").isTrue();

    FaultState.Active weaker = fault(3, new Fault.Leak(0.2), PRIMARY);
    s.add(weaker);
    assertThat(s.inForce(weaker)).isFalse();
  }

  @Test
  void whenTheStrongestEndsTheStrongestStillInForceAppliesAndTheLastEndingHeals() {
    FaultState s = new FaultState();
    s.add(fault(1, new Fault.Leak(0.1), PRIMARY));
    s.add(fault(2, new Fault.Leak(0.5), PRIMARY));
    s.remove(2);
    assertThat(s.leakProbability(ServerRole.PRIMARY)).isEqualTo(0.1);
    s.remove(1);
    assertThat(s.leakProbability(ServerRole.PRIMARY)).isZero();
    assertThat(s.remove(1)).isNull();
  }

  @Test
  void grayFailureTakesTheStrongestOfEachParameter() {
    FaultState s = new FaultState();
    FaultState.Active failing = fault(1, new Fault.GrayFailure(0.3, 1), PRIMARY);
    FaultState.Active slow = fault(2, new Fault.GrayFailure(0.1, 4), PRIMARY);
    s.add(failing);
    s.add(slow);
    assertThat(s.grayFailureProbability(ServerRole.PRIMARY)).isEqualTo(0.3);
    assertThat(s.graySlowdown(ServerRole.PRIMARY)).isEqualTo(4);
    assertThat(s.inForce(failing)).isTrue();
    assertThat(s.inForce(slow)).isTrue();
  }

  @Test
  void brokerFaultsDoNotAddUpTheLargestApplies() {
    FaultState s = new FaultState();
    FaultState.Active big = fault(1, new Fault.BrokerRtt(2_000_000_000L), 0);
    FaultState.Active small = fault(2, new Fault.BrokerRtt(500_000_000L), 0);
    s.add(big);
    s.add(small);
    assertThat(s.brokerAddNanos()).isEqualTo(2_000_000_000L);
    assertThat(s.inForce(small)).isFalse();
    s.remove(1);
    assertThat(s.brokerAddNanos()).isEqualTo(500_000_000L);
    assertThat(s.inForce(small)).isTrue();
  }

  @Test
  void faultsWithoutParametersHoldWhileAnyOfTheirKindIsInForce() {
    FaultState s = new FaultState();
    s.add(fault(1, new Fault.HardwareFailure(), PRIMARY));
    s.add(fault(2, new Fault.HardwareFailure(), BOTH));
    s.add(fault(3, new Fault.WanOutage(), 0));
    s.add(fault(4, new Fault.ReaperOutage(), 0));
    s.remove(1);
    assertThat(s.hardwareFailed(ServerRole.PRIMARY)).isTrue();
    assertThat(s.wanDown()).isTrue();
    assertThat(s.reaperDown()).isTrue();
    s.remove(2);
    s.remove(3);
    s.remove(4);
    assertThat(s.hardwareFailed(ServerRole.PRIMARY)).isFalse();
    assertThat(s.wanDown()).isFalse();
    assertThat(s.reaperDown()).isFalse();
  }
}
