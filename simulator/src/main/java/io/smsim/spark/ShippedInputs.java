package io.smsim.spark;

import io.smsim.scenario.InputFile;
import io.smsim.scenario.InputResolver;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioBundle;
import io.smsim.scenario.ScenarioOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The files a study's scenarios read besides their own text (traffic traces), shipped with the
 * job: no shared filesystem is assumed. On the driver, {@link #stage} copies each file the points,
 * or any variant of their scenario files, name ({@link Scenario#inputFiles()}) into Spark's
 * driver directory under its SHA-256 and adds it to the job ({@code SparkContext.addFile}: each
 * executor fetches it once, to its local disk, however big). On an executor, {@link #resolver}
 * maps each name as the scenario wrote it to that local copy, checked against the digest once per
 * JVM, so the scenario binds and streams its traces exactly as on the driver.
 */
final class ShippedInputs implements Serializable {

  @Serial
  private static final long serialVersionUID = 1L;

  /** A file as shipped: Spark's name for it, and what it must hash to. */
  record Shipped(String name, String sha256, long size) implements Serializable {
  }

  /** A file name as written in one scenario file (relative names depend on the file's directory). */
  private record Key(String label, String written) implements Serializable {
  }

  private static final Map<Path, Boolean> VERIFIED = new ConcurrentHashMap<>();

  private final Map<Key, Shipped> files;

  private ShippedInputs(Map<Key, Shipped> files) {
    this.files = Map.copyOf(files);
  }

  /** How many files travel with the job. */
  int size() {
    return files.size();
  }

  /**
   * Driver: ships every file the points' scenario files read (their variants' too, as an executor
   * binds the whole file) with the job.
   */
  static ShippedInputs stage(JavaSparkContext spark, List<ScenarioOrigin> origins, List<Scenario> points) {
    Map<Key, InputFile> inputs = new LinkedHashMap<>();
    Set<ScenarioBundle> opened = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int p = 0; p < points.size(); p++) {
      ScenarioBundle bundle = origins.get(p).bundle();
      if (opened.add(bundle)) {
        for (InputFile f : bundle.open().inputFiles()) {
          inputs.putIfAbsent(new Key(bundle.label(), f.written()), f);
        }
      }
      for (InputFile f : points.get(p).inputFiles()) {
        inputs.putIfAbsent(new Key(bundle.label(), f.written()), f);
      }
    }
    Map<Key, Shipped> shipped = new LinkedHashMap<>();
    if (inputs.isEmpty()) {
      return new ShippedInputs(shipped);
    }
    Path staging = staging();
    Set<String> added = new HashSet<>();
    for (String uri : CollectionConverters.asJava(spark.sc().listFiles())) {
      added.add(uri.substring(uri.lastIndexOf('/') + 1));
    }
    for (Map.Entry<Key, InputFile> e : inputs.entrySet()) {
      Shipped s = copy(e.getValue().path(), staging);
      if (added.add(s.name())) {
        spark.addFile(staging.resolve(s.name()).toString());
      }
      shipped.put(e.getKey(), s);
    }
    return new ShippedInputs(shipped);
  }

  /** Executor: where the files named by the scenario file {@code bundle} are, on this machine. */
  InputResolver resolver(ScenarioBundle bundle) {
    if (files.isEmpty()) {
      return InputResolver.besides(bundle.label()); // nothing shipped: names nothing that is read
    }
    return written -> {
      Shipped s = files.get(new Key(bundle.label(), written));
      if (s == null) {
        throw new IllegalStateException(written + " (named by " + bundle.label() + ") was not shipped with the job");
      }
      return local(s);
    };
  }

  private static Path local(Shipped s) {
    Path path = Path.of(SparkFiles.get(s.name()));
    VERIFIED.computeIfAbsent(path, p -> {
      long size = size(p);
      if (size != s.size()) {
        throw new IllegalStateException("the shipped copy of " + s.name() + " at " + p + " has " + size
            + " bytes, not " + s.size());
      }
      String actual = sha256(p);
      if (!actual.equals(s.sha256())) {
        throw new IllegalStateException("the shipped copy of " + s.name() + " at " + p + " has SHA-256 " + actual
            + ", not " + s.sha256());
      }
      return Boolean.TRUE;
    });
    return path;
  }

  /** A directory for the staged copies inside Spark's driver directory (which Spark deletes when it stops). */
  private static Path staging() {
    try {
      return Files.createDirectories(Path.of(SparkFiles.getRootDirectory(), "smsim-inputs"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the staging directory for the scenario's files", e);
    }
  }

  /** Copies {@code file} into {@code dir} as {@code <sha256 prefix>-<name>}, hashing it on the way. */
  private static Shipped copy(Path file, Path dir) {
    try {
      Path tmp = Files.createTempFile(dir, "copy", ".tmp");
      MessageDigest sha = sha256();
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      String digest = HexFormat.of().formatHex(sha.digest());
      String name = digest.substring(0, 16) + "-" + file.getFileName();
      Path staged = dir.resolve(name);
      Files.move(tmp, staged, StandardCopyOption.REPLACE_EXISTING);
      return new Shipped(name, digest, Files.size(staged));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot ship " + file + " with the job: " + e.getMessage(), e);
    }
  }

  private static String sha256(Path file) {
    MessageDigest sha = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shipped file " + file, e);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shipped file " + file, e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
