package io.smsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

  @Test
  void runsEventsUpToTheHorizonAndAdvancesTheClock() {
    Simulation sim = new Simulation();
    List<Long> times = new ArrayList<>();
    sim.setHandler((type, entity, arg) -> {
      times.add(sim.nowNanos());
      if (sim.nowNanos() < 50) {
        sim.scheduleIn(10, 1, 0, 0);
      }
    });
    sim.scheduleAt(0, 1, 0, 0);
    long processed = sim.run(35);
    assertThat(times).containsExactly(0L, 10L, 20L, 30L);
    assertThat(processed).isEqualTo(4);
    assertThat(sim.nowNanos()).isEqualTo(35);
    sim.run(1000);
    assertThat(times).containsExactly(0L, 10L, 20L, 30L, 40L, 50L);
    assertThat(sim.eventsProcessed()).isEqualTo(6);
  }

  @Test
  void refusesToScheduleInThePast() {
    Simulation sim = new Simulation();
    sim.setHandler((type, entity, arg) -> sim.scheduleAt(sim.nowNanos() - 1, 1, 0, 0));
    sim.scheduleAt(10, 1, 0, 0);
    assertThatThrownBy(() -> sim.run(100)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("past");
  }

  @Test
  void sameScheduleGivesTheSameTrace() {
    assertThat(trace(7)).isEqualTo(trace(7)).isNotEqualTo(trace(8));
  }

  private static List<String> trace(long seed) {
    Simulation sim = new Simulation();
    RandomStream r = new RandomStream(seed);
    List<String> out = new ArrayList<>();
    sim.setHandler((type, entity, arg) -> {
      out.add(sim.nowNanos() + ":" + entity);
      if (out.size() < 1000) {
        sim.scheduleIn((long) (r.nextExponential(100)), 1, entity, 0);
      }
    });
    for (int i = 0; i < 10; i++) {
      sim.scheduleAt(0, 1, i, 0);
    }
    sim.run(Long.MAX_VALUE);
    return out;
  }
}
