package io.smsim.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario could not be read: every problem found, each pointing into the file. */
public final class ScenarioException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public ScenarioException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public ScenarioException(Problem problem) {
    this(List.of(problem));
  }

  public List<Problem> problems() {
    return problems;
  }
}
