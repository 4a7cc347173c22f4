package io.smsim.scenario;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link Scenario} was bound from its file: the file as read, the variant (or the scenario as
 * written) and any further overrides (a sweep point's parameters). {@link #bind()} binds it again,
 * giving the same scenario, so a run can be described in a few hundred bytes plus the file's text
 * and rebuilt anywhere: Spark executors do this with each task's point.
 *
 * @param variant the variant's name, or {@code null} for the scenario as written
 * @param more overrides applied after the variant's and the command line's (e.g. {@code --param})
 * @param option how {@code more} is named in messages (e.g. {@code --param})
 */
public record ScenarioOrigin(ScenarioBundle bundle, String variant, List<String> more, String option)
    implements Serializable {

  @Serial
  private static final long serialVersionUID = 1L;

  public ScenarioOrigin {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(option, "option");
    more = List.copyOf(more);
  }

  /** Binds the scenario again from the file's text. */
  public Scenario bind() {
    return bind(bundle.open());
  }

  /** Binds the scenario again from {@code file}, already opened from {@link #bundle()}. */
  public Scenario bind(ScenarioFile file) {
    Variant v = null;
    if (variant != null) {
      v = file.variant(variant).orElseThrow(() -> new IllegalArgumentException("no variant " + variant + " in "
          + bundle.label()));
    }
    if (more.isEmpty()) {
      return v == null ? file.scenario() : v.scenario();
    }
    return file.bind(v, more, option);
  }
}
