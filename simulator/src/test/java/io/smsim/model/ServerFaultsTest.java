package io.smsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.smsim.engine.Distribution;
import io.smsim.engine.RandomStreams;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerFaultsTest {

  private static GatewayScheduler server() {
    Map<Category, Distribution> service = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      service.put(c, Distribution.constant(1e8));
    }
    return new GatewayScheduler("north.primary", new GatewaySpec(10, 0, GatewaySpec.UNBOUNDED_QUEUE, service, Map.of(),
        Distribution.constant(1e9), 0, 60_000_000_000L), new RandomStreams(1, 0));
  }

  @Test
  void overlappingHardwareFailuresRepairWithTheLast() {
    GatewayScheduler g = server();
    int[] count = new int[2];
    assertThat(ServerFaults.apply(new Fault.HardwareFailure(), true, g, count, 0)).isEqualTo(ServerFaults.Change.STOPPED);
    assertThat(ServerFaults.apply(new Fault.HardwareFailure(), true, g, count, 0)).isEqualTo(ServerFaults.Change.NONE);
    assertThat(g.state()).isEqualTo(GatewayScheduler.State.FAILED);
    assertThat(ServerFaults.apply(new Fault.HardwareFailure(), false, g, count, 0)).isEqualTo(ServerFaults.Change.NONE);
    assertThat(g.state()).isEqualTo(GatewayScheduler.State.FAILED);
    assertThat(ServerFaults.apply(new Fault.HardwareFailure(), false, g, count, 0))
        .isEqualTo(ServerFaults.Change.REPAIRED);
    assertThat(g.state()).isEqualTo(GatewayScheduler.State.UP);
  }

  @Test
  void leakAndGrayFailureSetAndResetTheServersParameters() {
    GatewayScheduler g = server();
    int[] count = new int[2];
    ServerFaults.apply(new Fault.Leak(0.3), true, g, count, 1);
    ServerFaults.apply(new Fault.GrayFailure(0.5, 2), true, g, count, 1);
    assertThat(g.leakProbability()).isEqualTo(0.3);
    assertThat(g.grayFailing()).isTrue();
    ServerFaults.apply(new Fault.Leak(0.3), false, g, count, 1);
    ServerFaults.apply(new Fault.GrayFailure(0.5, 2), false, g, count, 1);
    assertThat(g.leakProbability()).isZero();
    assertThat(g.grayFailing()).isFalse();
  }

  @Test
  void regionFaultsAreNotServerFaults() {
    assertThatIllegalArgumentException().isThrownBy(() -> ServerFaults.apply(new Fault.WanOutage(), true, server(),
        new int[2], 0));
  }
}
