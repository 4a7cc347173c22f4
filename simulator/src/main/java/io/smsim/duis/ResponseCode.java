package io.smsim.duis;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The DUIS response codes smsim sends and understands, each with its documented meaning.
 *
 * <p>Sources: the codes seen in public material (DCC Boxed, the public DUIS samples), and a public summary of the DUIS
 * "DCC Systems Response Codes" table (smets2reference, iananthony3000.wixsite.com), which gives the
 * meanings below for I0, I99, E1–E5, E11–E13, E17, E19, E20, E21 and starts E30. E65 is taken from
 * Smart DCC's own DCC Boxed acknowledgement error sample (duis-parser test data,
 * ACKNOWLEDGEMENT_ERROR_RESPONSE_DUIS.XML); its meaning could not be confirmed from public material.
 * {@link #meaningConfirmed()} says which is which. Codes absent here (a real DCC has more) still parse
 * in {@link DuisResponse#responseCode()}; {@link #find(String)} returns empty for them.
 */
public enum ResponseCode {

  I0(Category.SUCCESS, true, "Success: the request has had a successful outcome"),
  I99(Category.ACKNOWLEDGEMENT, true, "Acknowledgement: a request for a device was accepted and passed access "
      + "control (the outcome follows asynchronously); or a successful non-device request with no response data"),
  E1(Category.AUTHORISATION, true, "Failed Authorisation - Invalid User / User Role: not a valid SEC party / User Role"),
  E2(Category.AUTHORISATION, true, "Failed Authorisation - Invalid User Role / Service Reference: the User Role "
      + "may not send this Service Reference"),
  E3(Category.AUTHORISATION, true, "Failed Authorisation - Invalid User Status: the User Status may not send "
      + "this Service Reference"),
  E4(Category.AUTHORISATION, true, "Failed Authorisation - Invalid User / User Role for Device: the User Role is "
      + "not authorised for the device at the required date and time"),
  E5(Category.AUTHORISATION, true, "Failed Authorisation - Invalid Device Status: the device's SMI status is "
      + "incompatible with the Service Reference"),
  E11(Category.VALIDATION, true, "Failed Validation - Invalid Service Request / device type combination: the "
      + "Service Reference is not compatible with the specified device"),
  E12(Category.VALIDATION, true, "Failed Validation - Invalid Request / Command Variant combination: the Command "
      + "Variant is not applicable to the request type"),
  E13(Category.VALIDATION, true, "Failed Validation - Invalid Request Type for URL: e.g. a non-device request "
      + "sent to the transform URL"),
  E17(Category.AUTHORISATION, true, "Failed Authorisation - Service Request or Signed Pre-Command not available "
      + "for local command services for this User Role / device status"),
  E19(Category.AUTHORISATION, true, "Failed Authorisation - Device doesn't exist: the Device ID is invalid"),
  E20(Category.COMMUNICATIONS, true, "Communications Failure - Unable to Communicate with Device: DCC Systems "
      + "cannot establish communications with the device"),
  E21(Category.COMMUNICATIONS, true, "Communications Failure - No Response Received from Device, for an "
      + "on-demand or future-dated command"),
  /** Only the start of this row was readable in the public summary ("Time-out - Future Dated Command"). */
  E30(Category.TIMEOUT, false, "Time-out - future-dated command (only partly confirmed from public material)"),
  /** Seen in DCC Boxed's synchronous error acknowledgement for an 11.2 request; meaning unconfirmed. */
  E65(Category.UNCLASSIFIED, false, "Error seen in a public DCC Boxed acknowledgement (meaning not confirmed)");

  /**
   * The code smsim answers when a CSP gateway fails to take a request on, e.g. the Gateway
   * Scheduler cannot spawn a child process (the CSP North incident of 2 April 2019) or the server is
   * unavailable: {@link #E20}, sent in the final asynchronous response.
   *
   * <p>Reasoning: the DSP has already acknowledged the request (I99) when it reaches the CSP, so
   * the failure arrives asynchronously; the command never left the CSP for the SM WAN, which is E20's
   * meaning ("DCC Systems cannot establish communications with the device"), whereas E21 means the
   * command went out and no response came back. Authorisation and validation codes would blame the
   * user's request, which was valid.
   */
  public static final ResponseCode CSP_UNAVAILABLE = E20;

  /**
   * The code smsim answers, synchronously and with no final response, when a request's XML
   * signature is missing or invalid, names a certificate not in the trust store, or was made by a
   * party other than the RequestID's originator: {@link #E1}, "Failed Authorisation - Invalid User /
   * User Role".
   *
   * <p>Reasoning: the DUIS response-code table (public summary cited above) has no code of its own
   * for a failed signature check; DUIS identifies the User and User Role that sent a request by the
   * certificate that signed it (an SMKI Organisation certificate naming the User's EUI-64, the
   * RequestID's originator). A request whose signature does not verify against a known certificate
   * of its originator is therefore not from a valid SEC party / User Role, which is E1's meaning. E1
   * is the first of the "Failed Authorisation" checks, which DUIS applies before validating the
   * request against the device (E4, E5, E19). The DCC Boxed tooling (dccboxed-signing-tool,
   * duis-sign-wrap) signs and validates but publishes no code for this either.
   */
  public static final ResponseCode SIGNATURE_REFUSED = E1;

  /**
   * The code smsim answers a command variant 5 (signed pre-command) with when there is no pre-command
   * behind it: no earlier transform of the same RequestID and SRV, or a signed pre-command whose
   * pre-command part differs in any byte from the one the Transform Service returned (the grouping
   * header or the content was altered): {@link #E12}, sent synchronously, with no callback.
   *
   * <p>Reasoning: command variant 5 applies only to a request the Transform Service has turned into
   * a pre-command; a signed pre-command that is not one of those is not the request type the variant
   * is for, which is E12's confirmed meaning ("Command Variant not applicable to the Request type").
   * DUIS has further validation codes (E40 and up in the XSD) whose meanings could not be confirmed
   * from public material; a signature that does not verify is the signature check's business.
   */
  public static final ResponseCode PRE_COMMAND_REFUSED = E12;

  /** Families of codes, as in the DUIS table's headings. */
  public enum Category { SUCCESS, ACKNOWLEDGEMENT, AUTHORISATION, VALIDATION, COMMUNICATIONS, TIMEOUT, UNCLASSIFIED }

  private static final Map<String, ResponseCode> BY_CODE = new HashMap<>();

  static {
    for (ResponseCode c : values()) {
      BY_CODE.put(c.name(), c);
    }
  }

  private final Category category;
  private final boolean meaningConfirmed;
  private final String meaning;

  ResponseCode(Category category, boolean meaningConfirmed, String meaning) {
    this.category = category;
    this.meaningConfirmed = meaningConfirmed;
    this.meaning = meaning;
  }

  /** The code as written in {@code sr:ResponseCode}, e.g. {@code "E19"}. */
  public String code() {
    return name();
  }

  public Category category() {
    return category;
  }

  /** What the code means, in the DUIS table's words where public material gives them. */
  public String meaning() {
    return meaning;
  }

  /** Whether {@link #meaning()} was confirmed from public material (false: smsim's best reading). */
  public boolean meaningConfirmed() {
    return meaningConfirmed;
  }

  /** Whether this is an error ({@code E...}) code. */
  public boolean isError() {
    return name().charAt(0) == 'E';
  }

  /** The code written as {@code code}, or empty when smsim does not know it. */
  public static Optional<ResponseCode> find(String code) {
    return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
  }
}
