package io.smsim.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The DUIS SRV catalogue: every Service Reference Variant smsim knows, indexed for the hot path.
 *
 * <p>Built from the facts of the public DUIS request matrix published by Smart DCC
 * (SmartDCCInnovation/duis-parser), held in smsim's own tab-separated resource
 * {@code io/smsim/model/srv-catalogue.tsv}. Each SRV has a dense index so simulations can keep
 * per-SRV counters in primitive arrays.
 */
public final class SrvCatalogue {

  private static final String RESOURCE = "srv-catalogue.tsv";
  private static volatile SrvCatalogue standard;

  private final List<Srv> srvs;
  private final Map<String, Integer> indexByVariant;

  private SrvCatalogue(List<Srv> srvs) {
    this.srvs = List.copyOf(srvs);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < this.srvs.size(); i++) {
      if (index.put(this.srvs.get(i).variant(), i) != null) {
        throw new IllegalStateException("duplicate SRV in catalogue: " + this.srvs.get(i).variant());
      }
    }
    this.indexByVariant = Collections.unmodifiableMap(index);
  }

  /** The catalogue shipped with smsim (loaded once). */
  public static SrvCatalogue standard() {
    SrvCatalogue c = standard;
    if (c == null) {
      synchronized (SrvCatalogue.class) {
        c = standard;
        if (c == null) {
          c = load();
          standard = c;
        }
      }
    }
    return c;
  }

  private static SrvCatalogue load() {
    try (InputStream in = SrvCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Srv> srvs = new ArrayList<>();
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        srvs.add(parse(line, lineNo));
      }
      return new SrvCatalogue(srvs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Srv parse(String line, int lineNo) {
    String[] f = line.split("\t", -1);
    if (f.length != 9) {
      throw new IllegalStateException(RESOURCE + ":" + lineNo + ": expected 9 columns, got " + f.length);
    }
    Srv.FutureDated fd = switch (f[4]) {
      case "no" -> Srv.FutureDated.NO;
      case "dsp" -> Srv.FutureDated.DSP;
      case "device" -> Srv.FutureDated.DEVICE;
      case "dsp+device" -> Srv.FutureDated.DSP_AND_DEVICE;
      default -> throw new IllegalStateException(RESOURCE + ":" + lineNo + ": bad futureDated " + f[4]);
    };
    return new Srv(f[0], f[1], f[8], yes(f[2]), yes(f[3]), fd, yes(f[5]), yes(f[6]),
        f[7].isEmpty() ? java.util.Set.of() : new java.util.HashSet<>(Arrays.asList(f[7].split(","))));
  }

  private static boolean yes(String s) {
    return s.toLowerCase(Locale.ROOT).equals("y");
  }

  /** All SRVs in catalogue order; {@code all().get(indexOf(v))} is SRV {@code v}. */
  public List<Srv> all() {
    return srvs;
  }

  public int size() {
    return srvs.size();
  }

  /** The SRV with this variant, e.g. {@code "8.1.1"}. */
  public Optional<Srv> find(String variant) {
    Integer i = indexByVariant.get(variant);
    return i == null ? Optional.empty() : Optional.of(srvs.get(i));
  }

  /** Dense index of the variant, or -1 when unknown. */
  public int indexOf(String variant) {
    Integer i = indexByVariant.get(variant);
    return i == null ? -1 : i;
  }

  public Srv get(int index) {
    return srvs.get(index);
  }
}
