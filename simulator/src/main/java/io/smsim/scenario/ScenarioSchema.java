package io.smsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scenario format as a JSON Schema (draft 2020-12) and as a Markdown reference, both generated
 * from the binders' {@link Shape}s: the same declarations that {@link Fields} checks every read
 * against. Shipped as {@code scenarios/smsim-scenario.schema.json} and
 * {@code scenarios/REFERENCE.md}; {@code smsim schema --write scenarios} regenerates both, and a test
 * fails while the shipped files differ from what this class generates.
 *
 * <p>YAML is typed loosely by editors: {@code 30_000} and {@code 10%} are strings to a YAML 1.2
 * reader, so numbers also accept the numeric strings the binder accepts; every key may be
 * {@code null} (absent: in a variant's {@code set:} it removes an inherited setting).
 */
public final class ScenarioSchema {

  /** Where the schema is published in the repository, relative to a scenario in {@code scenarios/}. */
  public static final String FILE_NAME = "smsim-scenario.schema.json";
  public static final String REFERENCE_FILE_NAME = "REFERENCE.md";

  private static final String NUMBER_TEXT = "^\\s*[-+]?[0-9][0-9_]*(\\.[0-9]+)?([eE][-+]?[0-9]+)?\\s*%?\\s*$";
  private static final String DURATION_TEXT =
      "^\\s*(0|[Pp][0-9A-Za-z.,]+|([0-9]+(\\.[0-9]+)?(ns|us|\u00b5s|ms|s|m|h|d))+)\\s*$";
  private static final String TIME_TEXT = "^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?"
      + "(Z|[+-][0-9]{2}:[0-9]{2})?\\s*$";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ScenarioSchema() {
  }

  /** The root shape: every key a scenario file may have. */
  public static Shape root() {
    return ScenarioLoader.ROOT;
  }

  /** The JSON Schema text, pretty-printed, ending with a newline. */
  public static String json() {
    Map<Shape, String> names = new LinkedHashMap<>();
    collect(root(), names);
    ObjectNode schema = F.objectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", "https://smsim.io/schema/" + FILE_NAME);
    schema.put("title", "smsim scenario");
    schema.put("description", root().description() + " Generated from smsim's scenario binders by "
        + "'smsim schema --write scenarios'; do not edit by hand.");
    ObjectNode body = shapeSchema(root(), names);
    schema.setAll(body);
    ObjectNode defs = schema.putObject("$defs");
    for (Map.Entry<Shape, String> e : names.entrySet()) {
      if (e.getKey() != root()) {
        defs.set(e.getValue(), shapeSchema(e.getKey(), names));
      }
    }
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(schema) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The scenario reference in Markdown: one table per mapping, every key with its type, default and meaning. */
  public static String reference() {
    Map<Shape, String> names = new LinkedHashMap<>();
    collect(root(), names);
    StringBuilder md = new StringBuilder();
    md.append("# Scenario reference\n\n")
        .append("Generated from smsim's scenario binders (`smsim schema --write scenarios`); do not edit by hand.\n")
        .append("Editors that read `# yaml-language-server: $schema=").append(FILE_NAME)
        .append("` complete and check these keys.\n\n")
        .append("Durations: `250ms`, `90s`, `15m`, `1h30m`, `2d`, `0` or ISO-8601 `PT15M`. Times: ISO-8601, local in ")
        .append("`timeZone` unless they carry an offset (`2019-04-02T10:48`, `2019-04-02T09:48:00Z`). Numbers may use ")
        .append("`_` between digits (`30_000`) and end in `%` (`5%` = 0.05). A key set to `null` is absent (in a ")
        .append("variant's `set:` or `--set`, that removes an inherited setting).\n");
    for (Map.Entry<Shape, String> e : names.entrySet()) {
      Shape s = e.getKey();
      md.append("\n## ").append(e.getValue()).append("\n\n").append(s.description()).append("\n\n");
      if (!s.keys().isEmpty()) {
        md.append("| key | type | default | meaning |\n|---|---|---|---|\n");
        for (Shape.Key k : s.keys()) {
          String when = k.onlyWhen().isEmpty() ? "" : " (" + s.discriminatorKey() + ": "
              + String.join(", ", k.onlyWhen()) + ")";
          md.append("| `").append(k.name()).append("` | ").append(cell(describe(k.type(), names))).append(" | ")
              .append(k.required() ? "**required**" : k.defaultText() == null ? "—" : cell(k.defaultText()))
              .append(" | ").append(cell(k.description() + when)).append(" |\n");
        }
      }
      if (s.otherKeysType() != null) {
        md.append(s.keys().isEmpty() ? "" : "\n").append("Any other key: a ").append(s.otherKeysLabel())
            .append(", whose value is ").append(describe(s.otherKeysType(), names)).append(".\n");
      }
    }
    return md.toString();
  }

  // ---- JSON Schema ----------------------------------------------------------------------------

  private static void collect(Shape s, Map<Shape, String> names) {
    if (names.containsKey(s)) {
      return;
    }
    String name = anchor(s.name());
    while (names.containsValue(name)) {
      name = name + "_";
    }
    names.put(s, name);
    for (Shape.Key k : s.keys()) {
      collect(k.type(), names);
    }
    if (s.otherKeysType() != null) {
      collect(s.otherKeysType(), names);
    }
  }

  private static void collect(Shape.Type t, Map<Shape, String> names) {
    if (t instanceof Shape.Type.Nested n) {
      collect(n.shape(), names);
    } else if (t instanceof Shape.Type.ListOf l) {
      collect(l.item(), names);
    } else if (t instanceof Shape.Type.OneOf o) {
      o.options().forEach(x -> collect(x, names));
    }
  }

  private static String anchor(String name) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char c : name.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      } else {
        up = true;
      }
    }
    return b.toString();
  }

  private static ObjectNode shapeSchema(Shape s, Map<Shape, String> names) {
    ObjectNode o = F.objectNode();
    o.put("type", "object");
    o.put("description", s.description());
    ObjectNode props = o.putObject("properties");
    ArrayNode required = F.arrayNode();
    for (Shape.Key k : s.keys()) {
      ObjectNode p = nullable(typeSchema(k.type(), names));
      p.put("description", k.description());
      if (k.defaultText() != null) {
        p.put("default", k.defaultText());
      }
      props.set(k.name(), p);
      if (k.required()) {
        required.add(k.name());
      }
    }
    if (!required.isEmpty()) {
      o.set("required", required);
    }
    if (s.otherKeysType() == null) {
      o.put("additionalProperties", false);
    } else {
      ObjectNode value = nullable(typeSchema(s.otherKeysType(), names));
      if (s.otherKeysPattern() != null) {
        o.putObject("patternProperties").set("^(" + s.otherKeysPattern() + ")$", value);
        o.put("additionalProperties", false);
      } else {
        o.set("additionalProperties", value);
      }
    }
    ArrayNode conditions = F.arrayNode();
    for (Shape.Key k : s.keys()) {
      if (!k.onlyWhen().isEmpty()) {
        // a key that applies only to some kinds: absent (or null) for every other kind
        ObjectNode c = conditions.addObject();
        ObjectNode ifs = c.putObject("if");
        ifs.putObject("properties").putObject(s.discriminatorKey()).putObject("not").set("enum", strings(k.onlyWhen()));
        ifs.putArray("required").add(s.discriminatorKey());
        c.putObject("then").putObject("properties").putObject(k.name()).put("type", "null");
      }
    }
    if (!conditions.isEmpty()) {
      o.set("allOf", conditions);
    }
    return o;
  }

  private static ObjectNode nullable(ObjectNode t) {
    ObjectNode o = F.objectNode();
    ArrayNode any = o.putArray("anyOf");
    any.add(t);
    any.addObject().put("type", "null");
    return o;
  }

  private static ObjectNode typeSchema(Shape.Type t, Map<Shape, String> names) {
    ObjectNode o = F.objectNode();
    if (t instanceof Shape.Type.Duration d) {
      ArrayNode any = o.putArray("anyOf");
      any.addObject().put("type", "string").put("pattern", DURATION_TEXT);
      any.addObject().put("const", 0);
      if (d.orNone()) {
        any.addObject().set("enum", strings(List.of("none", "never", "off")));
      }
    } else if (t instanceof Shape.Type.Number n) {
      ArrayNode any = o.putArray("anyOf");
      ObjectNode num = any.addObject().put("type", n.whole() ? "integer" : "number");
      if (n.min() > 0 && n.min() <= 1e-6) {
        num.put("exclusiveMinimum", 0);
      } else if (n.min() > -Double.MAX_VALUE && n.min() > Long.MIN_VALUE) {
        num.put("minimum", n.min());
      }
      if (n.max() < Double.MAX_VALUE && n.max() < Long.MAX_VALUE) {
        num.put("maximum", n.max());
      }
      any.addObject().put("type", "string").put("pattern", NUMBER_TEXT);
      if (n.orNone()) {
        any.addObject().set("enum", strings(List.of("none", "unbounded", "never", "off")));
      }
    } else if (t instanceof Shape.Type.Time) {
      o.put("type", "string").put("pattern", TIME_TEXT);
    } else if (t instanceof Shape.Type.Bool) {
      o.putArray("anyOf").add(F.objectNode().put("type", "boolean"))
          .add(F.objectNode().set("enum", strings(List.of("yes", "no", "on", "off", "true", "false"))));
    } else if (t instanceof Shape.Type.Text x) {
      o.putArray("type").add("string").add("number").add("boolean");
      if (x.pattern() != null) {
        o.remove("type");
        o.put("type", "string");
        o.put("pattern", "^(" + x.pattern() + ")$");
      }
    } else if (t instanceof Shape.Type.Choice c) {
      o.set("enum", strings(c.values()));
    } else if (t instanceof Shape.Type.Nested n) {
      o.put("$ref", n.shape() == root() ? "#" : "#/$defs/" + names.get(n.shape()));
    } else if (t instanceof Shape.Type.ListOf l) {
      o.put("type", "array");
      o.set("items", typeSchema(l.item(), names));
      if (l.minItems() > 0) {
        o.put("minItems", l.minItems());
      }
      if (l.maxItems() > 0) {
        o.put("maxItems", l.maxItems());
      }
    } else if (t instanceof Shape.Type.OneOf x) {
      ArrayNode any = o.putArray("anyOf");
      x.options().forEach(opt -> any.add(typeSchema(opt, names)));
    } else if (!(t instanceof Shape.Type.Any)) {
      throw new IllegalStateException("no schema for " + t);
    }
    return o;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(a::add);
    return a;
  }

  // ---- Markdown -------------------------------------------------------------------------------

  private static String describe(Shape.Type t, Map<Shape, String> names) {
    if (t instanceof Shape.Type.Duration d) {
      return d.orNone() ? "duration or none" : "duration";
    }
    if (t instanceof Shape.Type.Number n) {
      String kind = n.whole() ? "whole number" : "number";
      List<String> parts = new ArrayList<>();
      if (n.min() > 0 && n.min() <= 1e-6) {
        parts.add("> 0");
      } else if (n.min() > -Double.MAX_VALUE && n.min() > Long.MIN_VALUE) {
        parts.add("≥ " + fmt(n.min()));
      }
      if (n.max() < Double.MAX_VALUE && n.max() < Integer.MAX_VALUE) {
        parts.add("≤ " + fmt(n.max()));
      }
      String range = parts.isEmpty() ? "" : " " + String.join(", ", parts);
      String unit = n.unit() == null ? "" : " (" + n.unit() + ")";
      return kind + range + unit + (n.orNone() ? " or none" : "");
    }
    if (t instanceof Shape.Type.Time) {
      return "time";
    }
    if (t instanceof Shape.Type.Bool) {
      return "true/false";
    }
    if (t instanceof Shape.Type.Text x) {
      return x.example() == null ? "text" : "text, e.g. `" + x.example() + "`";
    }
    if (t instanceof Shape.Type.Choice c) {
      return "one of " + String.join(", ", c.values().stream().map(v -> "`" + v + "`").toList());
    }
    if (t instanceof Shape.Type.Nested n) {
      return "[" + names.get(n.shape()) + "](#" + names.get(n.shape()).toLowerCase(Locale.ROOT) + ")";
    }
    if (t instanceof Shape.Type.ListOf l) {
      String size = l.minItems() == l.maxItems() && l.minItems() > 0 ? l.minItems() + " " : "";
      return "list of " + size + describe(l.item(), names);
    }
    if (t instanceof Shape.Type.OneOf x) {
      return String.join(" or ", x.options().stream().map(o -> describe(o, names)).toList());
    }
    return "any value";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("<", "&lt;").replace("\n", " ");
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
