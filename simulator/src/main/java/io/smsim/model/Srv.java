package io.smsim.model;

import java.util.Objects;
import java.util.Set;

/**
 * One DUIS Service Reference Variant (SRV): the unit of work a Service User asks the DCC for.
 *
 * <p>Facts come from the public DUIS request matrix (see {@link SrvCatalogue}). The command variants
 * an SRV accepts follow DUIS: a non-device request takes only variant 8; a critical request takes
 * 4 (transform to a pre-command), 5, 6 or 7 (signed pre-command, via WAN, local, or both); a
 * non-critical device request takes 1, 2 or 3 (via WAN, local, or both).
 *
 * @param variant the Service Reference Variant, e.g. {@code "8.1.1"}
 * @param reference the Service Reference, e.g. {@code "8.1"}
 * @param name the DUIS name, e.g. {@code "Commission Device"}
 * @param critical whether the command is critical (needs a supplier-signed pre-command)
 * @param onDemand whether it can be sent on demand
 * @param futureDated the future-dated response pattern
 * @param dccScheduled whether the DCC can schedule it
 * @param nonDevice whether the DCC answers it without talking to a device
 * @param roles eligible user roles (IS, GS, ED, GT, OU, ES, RSA ...)
 */
public record Srv(String variant, String reference, String name, boolean critical, boolean onDemand,
    FutureDated futureDated, boolean dccScheduled, boolean nonDevice, Set<String> roles) {

  /** How a future-dated request is answered. */
  public enum FutureDated { NO, DSP, DEVICE, DSP_AND_DEVICE }

  public Srv {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(futureDated, "futureDated");
    roles = Set.copyOf(roles);
    if (!variant.startsWith(reference)) {
      throw new IllegalArgumentException("variant " + variant + " must extend reference " + reference);
    }
  }

  /** Whether DUIS allows this command variant for this SRV. */
  public boolean allowsCommandVariant(int commandVariant) {
    if (nonDevice) {
      return commandVariant == 8;
    }
    if (critical) {
      return commandVariant >= 4 && commandVariant <= 7;
    }
    return commandVariant >= 1 && commandVariant <= 3;
  }

  /** The command variant a Service User normally sends: 8 non-device, 4 critical, 1 otherwise. */
  public int defaultCommandVariant() {
    return nonDevice ? 8 : critical ? 4 : 1;
  }
}
