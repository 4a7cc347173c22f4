package io.smsim.duis;

/**
 * Why smsim rejects a DUIS document, and the response code it answers with.
 *
 * <p>Two stages, as in a DSP. <b>Schema-level</b> reasons ({@link #schemaLevel()} true) are what a
 * DSP finds when it checks the document against the DUIS XML schema and its transport limits, before
 * any access control: a document that is not XML, not UTF-8, carries a DOCTYPE or entity, is too
 * big or too deep, or lacks the DUIS structure. Public material does not give a DUIS code for these
 * (a DSP may answer them at the HTTP level); smsim's choice is {@link ResponseCode#E11}, the first of
 * the confirmed "Failed Validation" codes, whose wording ("Invalid Service Request ...") is the
 * nearest, and {@code smsim serve} should send it with HTTP 400. An unknown SRV is schema-level too:
 * the DUIS schema enumerates the variants.
 *
 * <p><b>Validation</b> reasons are the documented DUIS checks of a well-formed request: command
 * variant against the SRV ({@link ResponseCode#E12}) and against the URL ({@link ResponseCode#E13}).
 */
public enum RejectReason {

  TOO_LARGE(ResponseCode.E11, true, "document exceeds the size limit"),
  NOT_UTF8(ResponseCode.E11, true, "document is not UTF-8"),
  NOT_WELL_FORMED(ResponseCode.E11, true, "document is not well-formed XML"),
  DOCTYPE_FORBIDDEN(ResponseCode.E11, true, "DOCTYPE declarations are not allowed"),
  ENTITY_FORBIDDEN(ResponseCode.E11, true, "entity references are not allowed"),
  TOO_DEEP(ResponseCode.E11, true, "elements nested deeper than the limit"),
  WRONG_NAMESPACE(ResponseCode.E11, true, "element is not in the DUIS namespace http://www.dccinterface.co.uk/ServiceUserGateway"),
  WRONG_ROOT(ResponseCode.E11, true, "root element is not sr:Request (requests) or sr:Response (responses)"),
  UNEXPECTED_CONTENT(ResponseCode.E11, true, "element or text not allowed here"),
  MISSING_FIELD(ResponseCode.E11, true, "required DUIS field missing"),
  BAD_FIELD(ResponseCode.E11, true, "DUIS field has an invalid value"),
  BAD_REQUEST_ID(ResponseCode.E11, true, "RequestID invalid"),
  BAD_COMMAND_VARIANT(ResponseCode.E11, true, "CommandVariant must be an integer in [1,8]"),
  UNKNOWN_SRV(ResponseCode.E11, true, "ServiceReferenceVariant is not a known SRV"),
  SERVICE_REFERENCE_MISMATCH(ResponseCode.E11, false, "ServiceReference does not match the ServiceReferenceVariant"),
  COMMAND_VARIANT_NOT_ALLOWED(ResponseCode.E12, false, "CommandVariant not applicable to this SRV"),
  WRONG_ENDPOINT(ResponseCode.E13, false, "CommandVariant not valid for this URL");

  private final ResponseCode responseCode;
  private final boolean schemaLevel;
  private final String description;

  RejectReason(ResponseCode responseCode, boolean schemaLevel, String description) {
    this.responseCode = responseCode;
    this.schemaLevel = schemaLevel;
    this.description = description;
  }

  /** The DUIS code to answer with. */
  public ResponseCode responseCode() {
    return responseCode;
  }

  /** Whether a DSP finds this at schema/transport validation, before access control (answer HTTP 400). */
  public boolean schemaLevel() {
    return schemaLevel;
  }

  /** A short reason in words. */
  public String description() {
    return description;
  }
}
