package io.smsim.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deep merge of YAML trees: mappings merge key by key, anything else in the overlay replaces the
 * base. Used for {@code defaults} under each region, for variants and for {@code --set}.
 * Nodes keep their own locations and origin paths.
 */
final class YamlMerge {

  private YamlMerge() {
  }

  static YamlNode merge(YamlNode base, YamlNode overlay) {
    if (base instanceof YamlNode.Mapping b && overlay instanceof YamlNode.Mapping o) {
      Map<String, YamlNode> entries = new LinkedHashMap<>(b.entries());
      Map<String, Location> keys = new LinkedHashMap<>(b.keyLocations());
      for (Map.Entry<String, YamlNode> e : o.entries().entrySet()) {
        YamlNode prior = entries.get(e.getKey());
        entries.put(e.getKey(), prior == null ? e.getValue() : merge(prior, e.getValue()));
        keys.put(e.getKey(), o.keyLocations().get(e.getKey()));
      }
      return new YamlNode.Mapping(o.location(), o.path(), entries, keys);
    }
    return overlay;
  }
}
