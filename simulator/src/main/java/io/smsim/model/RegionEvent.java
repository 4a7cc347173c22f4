package io.smsim.model;

import java.util.Objects;

/**
 * One event of a region's timeline as the region model emits it, in virtual time.
 *
 * @param atNanos virtual time (an alert is stamped at its ticket time, which may be ahead of now)
 * @param server {@code primary}, {@code secondary}, {@code both} or empty for the region
 * @param value a count where the kind has one (work lost, children reaped), else 0
 * @param detail the recorded detail
 * @param note extra words for a live log line only (a fault's id and source); never recorded in results
 */
public record RegionEvent(EventKind kind, long atNanos, String server, long value, String detail, String note) {

  public RegionEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(note, "note");
  }

  /** The server field for a mask of {@link ServerRole} bits: {@code primary}, {@code secondary}, {@code both} or empty. */
  public static String where(int serverMask) {
    return switch (serverMask) {
      case 1 -> "primary";
      case 2 -> "secondary";
      case 3 -> "both";
      default -> "";
    };
  }
}
