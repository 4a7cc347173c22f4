package io.smsim.duis;

import io.smsim.model.DeviceType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which GBCS use case, and so which GBCS message code, a critical SRV becomes on a given device: what
 * the Transform Service writes into the grouping header of the pre-command it returns (the "Other
 * Information" field). Read from the resource {@code gbcs-use-cases.tsv} beside this class, which
 * gives the sources (DCC's Reference Test Data Set for SRV to use case, the GBCS message code table
 * for the codes). Immutable and thread-safe.
 */
public final class GbcsUseCases {

  /** A GBCS use case, e.g. ECS01a (message code 0x0019, "Set Tariff and Price on ESME"). */
  public record UseCase(String name, int messageCode) {
    public UseCase {
      Objects.requireNonNull(name, "name");
      if (messageCode <= 0 || messageCode > 0xFFFF) {
        throw new IllegalArgumentException("GBCS message code must be in [1, 0xFFFF]: " + messageCode);
      }
    }
  }

  private static final String RESOURCE = "gbcs-use-cases.tsv";
  private static final GbcsUseCases STANDARD = load();

  /** Per SRV: electricity, gas, non-meter HAN device; null where the SRV has none for that kind. */
  private final Map<String, UseCase[]> bySrv;

  private GbcsUseCases(Map<String, UseCase[]> bySrv) {
    this.bySrv = Map.copyOf(bySrv);
  }

  /** The table shipped with smsim. */
  public static GbcsUseCases standard() {
    return STANDARD;
  }

  /** The SRVs the table knows (the critical device SRVs of the DUIS catalogue). */
  public Set<String> srvs() {
    return bySrv.keySet();
  }

  /**
   * The use case of {@code srv} on a device of type {@code target}: the column of its kind
   * (electricity, gas, non-meter HAN device), or the first column that has one.
   */
  public Optional<UseCase> find(String srv, DeviceType target) {
    UseCase[] row = bySrv.get(srv);
    if (row == null) {
      return Optional.empty();
    }
    int column = switch (target) {
      case GSME, GPF -> 1;
      case PPMID, HCALCS, CHF -> 2;
      case ESME -> 0;
    };
    if (row[column] != null) {
      return Optional.of(row[column]);
    }
    for (UseCase u : row) {
      if (u != null) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }

  private static GbcsUseCases load() {
    Map<String, UseCase[]> rows = new HashMap<>();
    try (InputStream in = GbcsUseCases.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        if (cols.length < 4) {
          throw new IllegalStateException(RESOURCE + ":" + n + ": expected 4 tab-separated columns: " + line);
        }
        UseCase[] row = new UseCase[3];
        for (int i = 0; i < 3; i++) {
          row[i] = parse(cols[i + 1], n);
        }
        rows.put(cols[0], row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new GbcsUseCases(rows);
  }

  private static UseCase parse(String cell, int line) {
    if (cell.equals("-")) {
      return null;
    }
    int eq = cell.indexOf('=');
    if (eq < 1) {
      throw new IllegalStateException(RESOURCE + ":" + line + ": expected NAME=HEXCODE: " + cell);
    }
    return new UseCase(cell.substring(0, eq), Integer.parseInt(cell.substring(eq + 1), 16));
  }
}
