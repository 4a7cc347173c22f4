package io.smsim.spark;

import java.nio.file.Path;

/** Where the repository's scenarios are (the tests run in simulator/; surefire names the root). */
final class Repo {

  private Repo() {
  }

  static Path scenarios() {
    return Path.of(System.getProperty("smsim.repoRoot", ".."), "scenarios").normalize();
  }
}
