package io.smsim.duis;

import java.util.Optional;

/**
 * The three DUIS web services a DSP (and DCC Boxed) exposes, with their URL paths, and which DUIS
 * command variants each accepts.
 *
 * <p>Mapping, from Smart DCC's own DUIS tooling (duis-parser {@code src/cv.ts}, which tabulates each
 * command variant's web service, and dccboxed-nodered-nodes {@code src/dccboxed-send.ts}, which posts
 * to the path of that web service):
 * <ul>
 *   <li>Send Command Service, {@code /api/v1/serviceS}: 1 (non-critical, via SM WAN), 3 (via WAN and a
 *       copy for local delivery), 5 (signed pre-command via WAN), 7 (signed pre-command, both);</li>
 *   <li>Transform Service, {@code /api/v1/serviceT}: 4 (transform a critical request into a
 *       pre-command for the user to sign);</li>
 *   <li>Non-Device Service, {@code /api/v1/serviceD}: 8 (non-device request), and the local-delivery
 *       variants 2 and 6, whose command is returned to the user and not sent over the WAN.</li>
 * </ul>
 * A request whose variant does not fit the endpoint is answered {@link ResponseCode#E13}.
 */
public enum Endpoint {

  SEND_COMMAND("/api/v1/serviceS", 0b1010_1010),
  TRANSFORM("/api/v1/serviceT", 0b0001_0000),
  NON_DEVICE("/api/v1/serviceD", 0b1_0100_0100);

  private final String path;
  private final int commandVariantMask;

  Endpoint(String path, int commandVariantMask) {
    this.path = path;
    this.commandVariantMask = commandVariantMask;
  }

  /** The URL path, e.g. {@code /api/v1/serviceS}. */
  public String path() {
    return path;
  }

  /** Whether DUIS sends requests with this command variant to this endpoint. */
  public boolean accepts(int commandVariant) {
    return commandVariant >= 1 && commandVariant <= 8 && (commandVariantMask & (1 << commandVariant)) != 0;
  }

  /** The endpoint a request with this command variant is sent to. */
  public static Endpoint forCommandVariant(int commandVariant) {
    for (Endpoint e : values()) {
      if (e.accepts(commandVariant)) {
        return e;
      }
    }
    throw new IllegalArgumentException("commandVariant must be in [1,8]: " + commandVariant);
  }

  /** The endpoint served at {@code path}, or empty. */
  public static Optional<Endpoint> fromPath(String path) {
    for (Endpoint e : values()) {
      if (e.path.equals(path)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
