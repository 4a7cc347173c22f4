package io.smsim.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepParamTest {

  @Test
  void valuesSplitAtCommasOutsideBracketsBracesAndQuotes() {
    SweepParam p = SweepParam.parse("regions.north.reaper={period: 1h, threshold: 10000},none,'a,b',[1,2]");
    assertThat(p.path()).isEqualTo("regions.north.reaper");
    assertThat(p.values()).containsExactly("{period: 1h, threshold: 10000}", "none", "'a,b'", "[1,2]");
  }

  @Test
  void gridVariesTheFirstParameterSlowest() {
    List<List<String>> grid = SweepParam.grid(List.of(SweepParam.parse("a=1,2"), SweepParam.parse("b=x,y,z")));
    assertThat(grid).containsExactly(List.of("1", "x"), List.of("1", "y"), List.of("1", "z"), List.of("2", "x"),
        List.of("2", "y"), List.of("2", "z"));
  }

  @Test
  void malformedParametersAreRejectedWithTheRule() {
    assertThatIllegalArgumentException().isThrownBy(() -> SweepParam.parse("regions.north.reaper.period"))
        .withMessageContaining("expected --param path=v1,v2,...");
    assertThatIllegalArgumentException().isThrownBy(() -> SweepParam.parse("workloadScale=1,,2"))
        .withMessageContaining("empty value");
    assertThatIllegalArgumentException().isThrownBy(() -> SweepParam.parse("workloadScale=1,1"))
        .withMessageContaining("repeated");
  }
}
