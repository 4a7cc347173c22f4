package io.smsim.duis;

import static io.smsim.duis.HardenedXml.DS_NS;
import static io.smsim.duis.HardenedXml.SR_NS;

import javax.xml.stream.XMLStreamConstants;

/**
 * Reads one {@code sr:Request} from a {@link XmlCursor}: root, {@code schemaVersion}, the four header
 * fields, the body's single element, an optional {@code ds:Signature}; nothing else. Builds no tree:
 * the body and signature are streamed past, checked but not kept.
 *
 * <p>Structure, from the DUIS samples (DCC Reference Test Data Set via SmartDCCInnovation
 * duis-templates): {@code sr:Request[@schemaVersion]} holding {@code sr:Header} (RequestID,
 * CommandVariant, ServiceReference, ServiceReferenceVariant, each once), {@code sr:Body} (one
 * element) and {@code ds:Signature}, in that order.
 */
final class RequestReader {

  private final XmlCursor cursor;
  private RequestId requestId;
  private String commandVariantText;
  private String serviceReference;
  private String serviceReferenceVariant;
  private String bodyElement;
  private String signedPreCommand;

  private RequestReader(XmlCursor cursor) {
    this.cursor = cursor;
  }

  static DuisRequest read(XmlCursor cursor) throws DuisRejectedException {
    RequestReader r = new RequestReader(cursor);
    try {
      return r.readDocument();
    } catch (DuisRejectedException e) {
      throw r.requestId == null ? e : e.withRequestId(r.requestId);
    }
  }

  private DuisRequest readDocument() throws DuisRejectedException {
    if (cursor.nextTag() != XMLStreamConstants.START_ELEMENT) {
      throw new DuisRejectedException(RejectReason.NOT_WELL_FORMED, "no root element");
    }
    if (!SR_NS.equals(cursor.namespace())) {
      throw new DuisRejectedException(RejectReason.WRONG_NAMESPACE,
          "root " + cursor.qualifiedName() + " in namespace " + SafeText.quote(cursor.namespace()));
    }
    if (!"Request".equals(cursor.localName())) {
      throw new DuisRejectedException(RejectReason.WRONG_ROOT, cursor.qualifiedName());
    }
    String schemaVersion = cursor.attribute("schemaVersion");
    if (schemaVersion == null) {
      throw new DuisRejectedException(RejectReason.MISSING_FIELD, "attribute schemaVersion on sr:Request");
    }
    if (!DuisSyntax.isSchemaVersion(schemaVersion)) {
      throw new DuisRejectedException(RejectReason.BAD_FIELD, "schemaVersion " + SafeText.quote(schemaVersion));
    }
    readChildrenOfRoot();
    cursor.expectEndOfDocument();
    int commandVariant = parseCommandVariant(commandVariantText);
    return new DuisRequest(schemaVersion, requestId, commandVariant, serviceReference, serviceReferenceVariant,
        bodyElement, signedPreCommand);
  }

  private void readChildrenOfRoot() throws DuisRejectedException {
    boolean header = false;
    boolean body = false;
    boolean signature = false;
    while (cursor.nextTag() == XMLStreamConstants.START_ELEMENT) {
      if (!header && cursor.is(SR_NS, "Header")) {
        readHeader();
        header = true;
      } else if (header && !body && cursor.is(SR_NS, "Body")) {
        readBody();
        body = true;
      } else if (body && !signature && cursor.is(DS_NS, "Signature")) {
        cursor.skipElement();
        signature = true;
      } else {
        throw unexpected("in sr:Request");
      }
    }
    if (!header) {
      throw new DuisRejectedException(RejectReason.MISSING_FIELD, "sr:Header");
    }
    if (!body) {
      throw new DuisRejectedException(RejectReason.MISSING_FIELD, "sr:Body");
    }
  }

  private void readHeader() throws DuisRejectedException {
    while (cursor.nextTag() == XMLStreamConstants.START_ELEMENT) {
      if (!SR_NS.equals(cursor.namespace())) {
        throw unexpected("in sr:Header");
      }
      switch (cursor.localName()) {
        case "RequestID" -> {
          once(requestId == null);
          String text = cursor.elementText();
          try {
            requestId = RequestId.parse(text);
          } catch (IllegalArgumentException e) {
            throw new DuisRejectedException(RejectReason.BAD_REQUEST_ID, e.getMessage());
          }
        }
        case "CommandVariant" -> {
          once(commandVariantText == null);
          commandVariantText = cursor.elementText();
        }
        case "ServiceReference" -> {
          once(serviceReference == null);
          serviceReference = DuisSyntax.checkReference("ServiceReference", cursor.elementText());
        }
        case "ServiceReferenceVariant" -> {
          once(serviceReferenceVariant == null);
          serviceReferenceVariant = DuisSyntax.checkReference("ServiceReferenceVariant", cursor.elementText());
        }
        default -> throw unexpected("in sr:Header");
      }
    }
    missing(requestId == null, "sr:RequestID");
    missing(commandVariantText == null, "sr:CommandVariant");
    missing(serviceReference == null, "sr:ServiceReference");
    missing(serviceReferenceVariant == null, "sr:ServiceReferenceVariant");
  }

  private void readBody() throws DuisRejectedException {
    if (cursor.nextTag() != XMLStreamConstants.START_ELEMENT) {
      throw new DuisRejectedException(RejectReason.MISSING_FIELD, "element in sr:Body");
    }
    if (!SR_NS.equals(cursor.namespace())) {
      throw new DuisRejectedException(RejectReason.WRONG_NAMESPACE, "body element " + cursor.qualifiedName()
          + " in namespace " + SafeText.quote(cursor.namespace()));
    }
    bodyElement = cursor.localName();
    if (DuisRequest.SIGNED_PRE_COMMAND.equals(bodyElement)) {
      readSignedPreCommand();
    } else {
      cursor.skipElement();
    }
    if (cursor.nextTag() != XMLStreamConstants.END_ELEMENT) {
      throw unexpected("after " + SafeText.quote(bodyElement) + ": sr:Body holds one element");
    }
  }

  /** {@code sr:SignedPreCommand}: an optional execution date-time, then {@code sr:GBCSPayload} (DUIS XSD). */
  private void readSignedPreCommand() throws DuisRejectedException {
    while (cursor.nextTag() == XMLStreamConstants.START_ELEMENT) {
      if (cursor.is(SR_NS, "GBCSPayload")) {
        once(signedPreCommand == null);
        signedPreCommand = cursor.elementText();
      } else {
        cursor.skipElement();
      }
    }
    missing(signedPreCommand == null, "sr:SignedPreCommand/sr:GBCSPayload");
  }

  private void once(boolean first) throws DuisRejectedException {
    if (!first) {
      throw unexpected("(duplicate)");
    }
  }

  private static void missing(boolean absent, String field) throws DuisRejectedException {
    if (absent) {
      throw new DuisRejectedException(RejectReason.MISSING_FIELD, field);
    }
  }

  private DuisRejectedException unexpected(String where) {
    return new DuisRejectedException(RejectReason.UNEXPECTED_CONTENT,
        "element " + cursor.qualifiedName() + " " + where);
  }

  private static int parseCommandVariant(String text) throws DuisRejectedException {
    if (text.length() == 1 && text.charAt(0) >= '1' && text.charAt(0) <= '8') {
      return text.charAt(0) - '0';
    }
    throw new DuisRejectedException(RejectReason.BAD_COMMAND_VARIANT, SafeText.quote(text));
  }
}
