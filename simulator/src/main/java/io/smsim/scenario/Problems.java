package io.smsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects problems while binding, so a user sees every mistake at once, each once. */
final class Problems {

  private final Set<Problem> problems = new LinkedHashSet<>();

  void add(YamlNode node, String message) {
    problems.add(new Problem(node.location(), node.path(), message));
  }

  void add(Location location, String path, String message) {
    problems.add(new Problem(location, path, message));
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  int size() {
    return problems.size();
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ScenarioException(List.copyOf(problems));
    }
  }

  List<Problem> list() {
    return new ArrayList<>(problems);
  }
}
