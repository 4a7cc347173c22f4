package io.smsim.model;

/**
 * The kinds of smart metering device a DUIS request can target, as SMETS2 names them. The type
 * decides which GBCS use case a critical SRV becomes (1.1.1 is ECS01a on an electricity meter,
 * GCS01a on a gas meter), see {@code io.smsim.duis.GbcsUseCases}.
 */
public enum DeviceType {
  /** Electricity Smart Metering Equipment. */
  ESME,
  /** Gas Smart Metering Equipment. */
  GSME,
  /** Communications Hub Function. */
  CHF,
  /** Gas Proxy Function (on the Communications Hub). */
  GPF,
  /** Prepayment Meter Interface Device. */
  PPMID,
  /** HAN-connected Auxiliary Load Control Switch. */
  HCALCS;

  /** Whether GBCS addresses this device with its gas (GCS) use cases. */
  public boolean gas() {
    return this == GSME || this == GPF;
  }
}
