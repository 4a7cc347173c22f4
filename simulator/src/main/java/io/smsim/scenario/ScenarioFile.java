package io.smsim.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A scenario file with its what-if analysis: the scenario itself, its named {@code variants:},
 * its {@code expect:} checks and the {@code replications:} its statistics want. What
 * {@code compare}, {@code sweep} and {@code check} read; {@link ScenarioLoader#load} reads the
 * same file (variants and expectations included, so every problem is found) and keeps the scenario.
 *
 * <p>Overrides apply in this order: the file, then a variant's {@code set:}, then the command
 * line's {@code --set}, then a sweep point's parameters. A variant's {@code set:} entries keep the
 * locations where they were written, so a problem they cause points into the variants block.
 *
 * <pre>
 * replications: 10                      # default for compare, sweep and check
 * expect:                               # about the scenario as written
 *   - {metric: regions.north.birthingEvents.impacted, of: ci, between: [30, 50]}
 * variants:
 *   as-happened: {description: the scenario as written}      # the first variant is the baseline
 *   hourly-reaper:
 *     description: the cron job runs hourly from the start
 *     set: {regions.north.reaper: {period: 1h}}
 *     expect:
 *       - {metric: regions.north.birthingEvents.impacted, equals: 0}
 *       - {metric: regions.north.requests.failed, of: mean, atMost: 10% of baseline}
 * </pre>
 */
public final class ScenarioFile {

  static final String VARIANTS = "variants";
  static final String EXPECT = "expect";
  static final String REPLICATIONS = "replications";
  private static final Set<String> ANALYSIS_KEYS = Set.of(VARIANTS, EXPECT, REPLICATIONS);
  private static final Pattern VARIANT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  static final Shape SET = Shape.of("set", "Setting paths mapped to values, applied on top of the file (as --set), "
      + "e.g. regions.north.reaper.period: 1h; a null value removes an inherited setting.")
      .otherKeys("setting path", null, Shape.Type.ANY);

  static final Shape VARIANT = Shape.of("variant", "A named what-if: settings changed from the file, and what "
      + "it is expected to show.")
      .key("description", Shape.Type.TEXT, null, "What the variant tries.")
      .key("set", Shape.Type.mapping(SET), null, "Settings changed from the file.")
      .key(EXPECT, ExpectationBinder.LIST, null, "Checks of this variant; bounds may say e.g. 10% of baseline.");

  static final Shape VARIANTS_SHAPE = Shape.of("variants", "Named variants for compare; the first is the baseline.")
      .otherKeys("variant name", VARIANT_NAME.pattern(), Shape.Type.mapping(VARIANT));

  private final ScenarioBundle bundle;
  private final InputResolver files;
  private final YamlNode root;
  private final String source;
  private final List<String> overrides;
  private final Scenario scenario;
  private final List<Expectation> expectations;
  private final List<Variant> variants;
  private final int replications;

  private ScenarioFile(ScenarioBundle bundle, InputResolver files) {
    this.bundle = bundle;
    this.files = files;
    this.root = YamlReader.read(bundle.label(), bundle.text());
    this.source = bundle.label();
    this.overrides = bundle.overrides();
    YamlNode top = Overrides.apply(root, overrides);
    this.scenario = ScenarioLoader.bind(withoutAnalysisKeys(top), source, files)
        .withOrigin(new ScenarioOrigin(bundle, null, List.of(), "--set"));
    Problems problems = new Problems();
    Fields f = Fields.of(top, problems, ScenarioLoader.ROOT);
    this.replications = f.integer(REPLICATIONS, 0, 1, 100_000);
    this.expectations = ExpectationBinder.bind(f.node(EXPECT), scenario.regions().keySet(), scenario.zone(), false,
        problems);
    this.variants = variants(f.node(VARIANTS), problems);
    problems.throwIfAny();
  }

  /** Reads a scenario file with {@code path=value} overrides (as {@code --set}). */
  public static ScenarioFile load(Path file, List<String> overrides) {
    return ScenarioBundle.read(file, overrides).open();
  }

  /** Reads YAML text (tests and embedded scenarios); {@code label} names it in messages. */
  public static ScenarioFile fromString(String label, String yaml, List<String> overrides) {
    return new ScenarioBundle(label, yaml, overrides).open();
  }

  /** Parses and binds a file as read (here, or in another JVM it was shipped to). */
  static ScenarioFile of(ScenarioBundle bundle, InputResolver files) {
    return new ScenarioFile(bundle, files);
  }

  /** The file as read, with its overrides: what it is made from, and what travels with a Spark job. */
  public ScenarioBundle bundle() {
    return bundle;
  }

  /** Where the built-in network ({@link #builtInDefault}) is read from, on the class path. */
  public static final String BUILT_IN_DEFAULT = "default-network.yaml";

  /**
   * smsim's built-in network, what {@code smsim serve} runs without a scenario: three healthy regions
   * with DCC Boxed's reference devices known (resource {@value #BUILT_IN_DEFAULT} beside this class),
   * with {@code overrides} applied as {@code --set}.
   */
  public static ScenarioFile builtInDefault(List<String> overrides) {
    try (var in = ScenarioFile.class.getResourceAsStream(BUILT_IN_DEFAULT)) {
      if (in == null) {
        throw new IllegalStateException("built-in scenario missing from the class path: " + BUILT_IN_DEFAULT);
      }
      return fromString("(built-in) " + BUILT_IN_DEFAULT, new String(in.readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8), overrides);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The scenario as written, with the command-line overrides. */
  public Scenario scenario() {
    return scenario;
  }

  public String source() {
    return source;
  }

  /** The declared variants in file order (the first is the baseline); empty when none are declared. */
  public List<Variant> variants() {
    return variants;
  }

  public Optional<Variant> variant(String name) {
    return variants.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** The variants, or the scenario as written as one variant named {@value Variant#AS_WRITTEN} when none are declared. */
  public List<Variant> variantsOrAsWritten() {
    if (!variants.isEmpty()) {
      return variants;
    }
    return List.of(new Variant(Variant.AS_WRITTEN, "the scenario as written", List.of(), scenario, List.of(),
        root.location()));
  }

  /**
   * Every file outside this one that the scenario as written or any of its variants reads
   * (traces), each once by resolved path: what a tool shipping the scenario elsewhere must carry.
   */
  public List<InputFile> inputFiles() {
    Map<java.nio.file.Path, InputFile> files = new LinkedHashMap<>();
    for (InputFile f : scenario.inputFiles()) {
      files.putIfAbsent(f.path(), f);
    }
    for (Variant v : variants) {
      for (InputFile f : v.scenario().inputFiles()) {
        files.putIfAbsent(f.path(), f);
      }
    }
    return List.copyOf(files.values());
  }

  /** The checks of the top-level {@code expect:}, about the scenario as written. */
  public List<Expectation> expectations() {
    return expectations;
  }

  /** The {@code replications:} the file asks for, if any. */
  public OptionalInt replications() {
    return replications > 0 ? OptionalInt.of(replications) : OptionalInt.empty();
  }

  /**
   * The scenario of a variant (or, with {@code null}, as written) with further {@code path=value}
   * overrides on top, e.g. one point of a sweep; their problems are located at
   * {@code option path=value} (e.g. {@code --param regions.north.reaper.period=1h}).
   */
  public Scenario bind(Variant variant, List<String> more, String option) {
    YamlNode tree = root;
    if (variant != null) {
      tree = applySettings(tree, variant.set(), new Problems());
    }
    tree = Overrides.apply(Overrides.apply(tree, overrides), more, option);
    Scenario bound = ScenarioLoader.bind(withoutAnalysisKeys(tree), source, files);
    String name = variant == null || variant.name().equals(Variant.AS_WRITTEN) ? null : variant.name();
    return (name == null ? bound : bound.withVariant(name)).withOrigin(new ScenarioOrigin(bundle, name, more, option));
  }

  // ---- variants -------------------------------------------------------------------------------

  private List<Variant> variants(Optional<YamlNode> node, Problems problems) {
    List<Variant> out = new ArrayList<>();
    if (node.isEmpty()) {
      return out;
    }
    Fields all = Fields.of(node.get(), problems, VARIANTS_SHAPE);
    for (Map.Entry<String, YamlNode> e : all.mapping().entries().entrySet()) {
      String name = e.getKey();
      all.node(name);
      Location at = all.mapping().keyLocations().getOrDefault(name, e.getValue().location());
      if (!VARIANT_NAME.matcher(name).matches()) {
        problems.add(at, all.child(name), "a variant name is letters, digits, '-', '_' or '.', at most 64: " + name);
        continue;
      }
      Variant v = variant(name, e.getValue(), at, out.isEmpty(), problems);
      if (v != null) {
        out.add(v);
      }
    }
    all.finish();
    return out;
  }

  private Variant variant(String name, YamlNode node, Location at, boolean baseline, Problems problems) {
    Fields f = Fields.of(node, problems, VARIANT);
    String description = f.string("description", "");
    List<Variant.Setting> set = settings(f.node("set"), problems);
    Optional<YamlNode> expect = f.node(EXPECT);
    f.finish();
    int before = problems.size();
    YamlNode tree = applySettings(root, set, problems);
    if (problems.size() > before) {
      return null;
    }
    Scenario bound;
    try {
      bound = ScenarioLoader.bind(withoutAnalysisKeys(Overrides.apply(tree, overrides)), source, files)
          .withVariant(name)
          .withOrigin(new ScenarioOrigin(bundle, name, List.of(), "--set"));
    } catch (ScenarioException e) {
      for (Problem p : e.problems()) {
        problems.add(p.location(), p.path(), p.message() + " (in variant " + name + ")");
      }
      return null;
    }
    List<Expectation> checks = ExpectationBinder.bind(expect, bound.regions().keySet(), bound.zone(), !baseline,
        problems);
    return new Variant(name, description, set, bound, checks, at);
  }

  private static List<Variant.Setting> settings(Optional<YamlNode> node, Problems problems) {
    List<Variant.Setting> set = new ArrayList<>();
    if (node.isEmpty()) {
      return set;
    }
    if (!(node.get() instanceof YamlNode.Mapping m)) {
      problems.add(node.get(), "must be a mapping of setting paths to values, e.g. regions.north.reaper.period: 1h");
      return set;
    }
    for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
      Location at = m.keyLocations().getOrDefault(e.getKey(), e.getValue().location());
      String first = e.getKey().split("[.\\[]", 2)[0];
      if (ANALYSIS_KEYS.contains(first)) {
        problems.add(at, node.get().path() + "." + e.getKey(), "a variant cannot change " + first);
        continue;
      }
      set.add(new Variant.Setting(e.getKey(), e.getValue(), at));
    }
    return set;
  }

  private static YamlNode applySettings(YamlNode tree, List<Variant.Setting> set, Problems problems) {
    YamlNode t = tree;
    for (Variant.Setting s : set) {
      try {
        t = Overrides.applyNode(t, s.path(), s.value());
      } catch (IllegalArgumentException e) {
        problems.add(s.location(), s.path(), e.getMessage());
      }
    }
    return t;
  }

  private static YamlNode withoutAnalysisKeys(YamlNode node) {
    if (!(node instanceof YamlNode.Mapping m)) {
      return node;
    }
    Map<String, YamlNode> entries = new LinkedHashMap<>(m.entries());
    Map<String, Location> keys = new LinkedHashMap<>(m.keyLocations());
    for (String k : ANALYSIS_KEYS) {
      entries.remove(k);
      keys.remove(k);
    }
    return new YamlNode.Mapping(m.location(), m.path(), entries, keys);
  }
}
