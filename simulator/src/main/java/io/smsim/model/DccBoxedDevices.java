package io.smsim.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The devices of DCC Boxed's reference test data (the RTDS): the EUI-64s that the request templates
 * of DCC's Reference Test Data Set address, and the type of each, so that a DCC Boxed client's
 * requests find their device in smsim as they do in DCC Boxed.
 *
 * <p>Provenance (facts, read in place, nothing copied): the RequestID targets of the 293 request
 * templates of Smart DCC's {@code @smartdcc/duis-templates} 0.5.0 (the RTDS 4.5 request set that DCC
 * Boxed's own Node-RED client offers) are exactly {@code 00-DB-12-34-56-78-90-A0} to {@code ...-A6}
 * and the DCC itself ({@link DeviceRegistry#DCC_BOXED_EUI64}). Each device's type follows from the
 * GBCS use cases its templates carry: A0 receives the ECS (electricity meter) use cases, A1 the GCS
 * (gas meter) ones, A2 the CCS and DBCH (Communications Hub) ones and the 8.14 hub status updates,
 * A3 the GCS use cases of the Gas Proxy Function, A4 CS08 (read PPMID firmware) and the non-critical
 * HAN joins, A5 CS03A2 (critical join of a non-meter device: an HCALCS), A6 the ECS46d auxiliary
 * controller schedule of an electricity meter. EUI-64s that appear only inside request bodies (HAN
 * join partners such as {@code ...-93}) are not targets of any template and are not listed.
 */
public final class DccBoxedDevices {

  private static final Map<Long, DeviceType> DEVICES = new LinkedHashMap<>();

  static {
    DEVICES.put(0x00DB_1234_5678_90A0L, DeviceType.ESME);
    DEVICES.put(0x00DB_1234_5678_90A1L, DeviceType.GSME);
    DEVICES.put(0x00DB_1234_5678_90A2L, DeviceType.CHF);
    DEVICES.put(0x00DB_1234_5678_90A3L, DeviceType.GPF);
    DEVICES.put(0x00DB_1234_5678_90A4L, DeviceType.PPMID);
    DEVICES.put(0x00DB_1234_5678_90A5L, DeviceType.HCALCS);
    DEVICES.put(0x00DB_1234_5678_90A6L, DeviceType.ESME);
  }

  private DccBoxedDevices() {
  }

  /** The RTDS devices' EUI-64s, in order. */
  public static long[] eui64s() {
    return DEVICES.keySet().stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * The type of device {@code eui64}: its RTDS type, else {@link DeviceType#ESME}. smsim's own
   * devices (generated or given as ranges in a scenario) have no type of their own; they are treated
   * as electricity meters when a critical SRV is transformed.
   */
  public static DeviceType typeOf(long eui64) {
    return DEVICES.getOrDefault(eui64, DeviceType.ESME);
  }

  /** Whether {@code eui64} is one of the RTDS devices. */
  public static boolean contains(long eui64) {
    return DEVICES.containsKey(eui64);
  }
}
