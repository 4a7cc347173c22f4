package io.smsim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The architecture's package order, enforced on the compiled classes with ArchUnit (the picture and
 * the reasons are in {@code simulator/ARCHITECTURE.md}): dependencies point one way, from {@code cli}
 * down to {@code engine}. Each package is in a layer; it may import only the packages its row of
 * {@link #MAY_IMPORT} names, all of them in lower layers; no two packages depend on each other through
 * any path; and each package's {@code package-info.java} says what the package is for and states the
 * same row ("May import: ..."), so the documentation cannot drift from the rule.
 *
 * <p>A new package fails {@link #everyPackageHasARow()} until it is given a row here and a
 * package-info.
 */
class LayeringTest {

  /** Bottom to top; packages in one layer do not import each other. */
  static final List<List<String>> LAYERS = List.of(
      List.of("engine", "output"),
      List.of("model"),
      List.of("metrics", "duis", "workload"),
      List.of("scenario", "duis.xmldsig"),
      List.of("sim", "live"),
      List.of("analysis"),
      List.of("report", "spark"),
      List.of("load"),
      List.of("cli"));

  /** What each package (below {@code io.smsim}) may import of smsim's. */
  static final Map<String, Set<String>> MAY_IMPORT = rows(
      "engine", "",
      "output", "",
      "model", "engine",
      "metrics", "model engine",
      "duis", "model",
      "workload", "model engine",
      "scenario", "workload metrics duis model engine",
      "duis.xmldsig", "duis model",
      "sim", "scenario workload metrics duis model engine",
      "live", "scenario workload metrics duis.xmldsig duis model engine",
      "analysis", "sim scenario workload metrics duis model engine output",
      "report", "analysis sim scenario workload metrics duis model engine output",
      "spark", "analysis sim scenario workload metrics duis model engine output",
      "load", "live report analysis scenario workload metrics duis.xmldsig duis model engine output",
      "cli", "load report spark analysis sim live scenario workload metrics duis.xmldsig duis model engine output");

  private static final String ROOT = "io.smsim.";
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.smsim");

  @Test
  void everyPackageHasARow() {
    Set<String> packages = CLASSES.stream().map(JavaClass::getPackageName)
        .map(p -> p.substring(ROOT.length())).collect(Collectors.toCollection(TreeSet::new));
    assertThat(packages).as("packages of the simulator (a new one needs a row in MAY_IMPORT and LAYERS)")
        .isEqualTo(new TreeSet<>(MAY_IMPORT.keySet()));
  }

  @Test
  void eachPackageImportsOnlyWhatItsRowAllows() {
    List<ArchRule> rules = new ArrayList<>();
    for (Map.Entry<String, Set<String>> row : MAY_IMPORT.entrySet()) {
      String[] forbidden = MAY_IMPORT.keySet().stream()
          .filter(p -> !p.equals(row.getKey()) && !row.getValue().contains(p)).map(p -> ROOT + p)
          .toArray(String[]::new);
      rules.add(noClasses().that().resideInAPackage(ROOT + row.getKey())
          .should().dependOnClassesThat().resideInAnyPackage(forbidden)
          .because(row.getKey() + " may import only " + describe(row.getValue())));
    }
    CompositeArchRule.of(rules).check(CLASSES);
  }

  @Test
  void thereAreNoCyclesBetweenPackages() {
    slices().matching("io.smsim.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void everyRowImportsOnlyFromLowerLayers() {
    for (Map.Entry<String, Set<String>> row : MAY_IMPORT.entrySet()) {
      for (String imported : row.getValue()) {
        assertThat(layer(imported)).as(row.getKey() + " imports " + imported).isLessThan(layer(row.getKey()));
      }
    }
    assertThat(MAY_IMPORT.get("engine")).as("the kernel imports nothing of ours").isEmpty();
    assertThat(MAY_IMPORT.values().stream().flatMap(Set::stream)).as("nothing imports the command line")
        .doesNotContain("cli");
  }

  @Test
  void everyPackageInfoSaysWhatThePackageIsForAndStatesItsRow() throws IOException {
    Path sources = Path.of("src", "main", "java", "io", "smsim");
    assumeTrue(Files.isDirectory(sources), "the sources are not under " + sources.toAbsolutePath());
    Pattern mayImport = Pattern.compile("May import:\\s+(.*?)\\.\\s*$", Pattern.DOTALL);
    for (Map.Entry<String, Set<String>> row : MAY_IMPORT.entrySet()) {
      Path info = sources.resolve(row.getKey().replace('.', '/')).resolve("package-info.java");
      assertThat(info).as("package-info of " + row.getKey()).exists();
      String text = javadoc(Files.readString(info));
      Matcher m = mayImport.matcher(text);
      assertThat(m.find()).as(info + " states what the package may import (\"May import: ...\")").isTrue();
      Set<String> stated = new TreeSet<>();
      Matcher code = Pattern.compile("\\{@code ([a-z.]+)}").matcher(m.group(1));
      while (code.find()) {
        stated.add(code.group(1));
      }
      assertThat(stated).as(info + ": May import").isEqualTo(new TreeSet<>(row.getValue()));
      if (stated.isEmpty()) {
        assertThat(m.group(1)).as(info.toString()).isEqualTo("nothing of smsim's");
      }
      assertThat(text.substring(0, text.indexOf("Layer ")).strip()).as(info + ": what the package is for")
          .hasSizeGreaterThan(100);
    }
  }

  private static int layer(String pkg) {
    for (int i = 0; i < LAYERS.size(); i++) {
      if (LAYERS.get(i).contains(pkg)) {
        return i;
      }
    }
    throw new AssertionError(pkg + " is in no layer");
  }

  /** The javadoc's text, without the comment markers. */
  private static String javadoc(String source) {
    String doc = source.substring(source.indexOf("/**") + 3, source.indexOf("*/"));
    return doc.lines().map(l -> l.strip().replaceFirst("^\\*\\s?", "")).collect(Collectors.joining("\n")).strip();
  }

  private static String describe(Set<String> allowed) {
    return allowed.isEmpty() ? "nothing of smsim's" : String.join(", ", new TreeSet<>(allowed));
  }

  private static Map<String, Set<String>> rows(String... pairs) {
    Map<String, Set<String>> rows = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      rows.put(pairs[i], pairs[i + 1].isEmpty() ? Set.of() : Set.of(pairs[i + 1].split(" ")));
    }
    return rows;
  }
}
