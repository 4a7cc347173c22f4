package io.smsim.duis;

import static io.smsim.duis.HardenedXml.DS_NS;
import static io.smsim.duis.HardenedXml.SR_NS;

import java.nio.ByteBuffer;
import javax.xml.stream.XMLStreamConstants;

/**
 * Parses DUIS responses ({@code sr:Response}) as {@code smsim load} receives them, synchronously
 * (I99 or an error) or POSTed later (I0 or an error), with the same defences as
 * {@link DuisRequestParser}: streamed with StAX, no DTD or entities, bounded size and depth, strict
 * UTF-8, DUIS namespace.
 *
 * <p>Reads {@code sr:Header} (RequestID, ResponseID optional; ResponseCode, ResponseDateTime
 * required; each at most once) and, when the body is an {@code sr:ResponseMessage}, its
 * ServiceReference and ServiceReferenceVariant; other body content (GBCS payloads, alerts) and the
 * signature are streamed past. Instances are immutable and thread-safe.
 */
public final class DuisResponseParser {

  private static final int MAX_CODE_CHARS = 8;
  private static final int MAX_DATE_TIME_CHARS = 40;

  private final int maxBytes;
  private final int maxDepth;

  private DuisResponseParser(int maxBytes, int maxDepth) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    if (maxDepth < 4) {
      throw new IllegalArgumentException("maxDepth must be at least 4: " + maxDepth);
    }
    this.maxBytes = maxBytes;
    this.maxDepth = maxDepth;
  }

  public static DuisResponseParser create() {
    return new DuisResponseParser(HardenedXml.DEFAULT_MAX_BYTES, HardenedXml.DEFAULT_MAX_DEPTH);
  }

  public static DuisResponseParser create(int maxBytes, int maxDepth) {
    return new DuisResponseParser(maxBytes, maxDepth);
  }

  public DuisResponse parse(byte[] xml) throws DuisRejectedException {
    return parse(xml, 0, xml.length);
  }

  public DuisResponse parse(byte[] xml, int offset, int length) throws DuisRejectedException {
    try (XmlCursor cursor = HardenedXml.open(xml, offset, length, maxBytes, maxDepth)) {
      return new Reader(cursor).read();
    }
  }

  /** Parses the buffer's remaining bytes; its position is not moved. */
  public DuisResponse parse(ByteBuffer xml) throws DuisRejectedException {
    try (XmlCursor cursor = HardenedXml.open(xml, maxBytes, maxDepth)) {
      return new Reader(cursor).read();
    }
  }

  /** One document's state. */
  private static final class Reader {
    private final XmlCursor cursor;
    private RequestId requestId;
    private RequestId responseId;
    private String responseCode;
    private String responseDateTime;
    private String serviceReference;
    private String serviceReferenceVariant;
    private String preCommand;

    Reader(XmlCursor cursor) {
      this.cursor = cursor;
    }

    DuisResponse read() throws DuisRejectedException {
      if (cursor.nextTag() != XMLStreamConstants.START_ELEMENT) {
        throw new DuisRejectedException(RejectReason.NOT_WELL_FORMED, "no root element");
      }
      if (!SR_NS.equals(cursor.namespace())) {
        throw new DuisRejectedException(RejectReason.WRONG_NAMESPACE,
            "root " + cursor.qualifiedName() + " in namespace " + SafeText.quote(cursor.namespace()));
      }
      if (!"Response".equals(cursor.localName())) {
        throw new DuisRejectedException(RejectReason.WRONG_ROOT, cursor.qualifiedName() + " (expected sr:Response)");
      }
      String schemaVersion = cursor.attribute("schemaVersion");
      if (schemaVersion == null || !DuisSyntax.isSchemaVersion(schemaVersion)) {
        throw new DuisRejectedException(schemaVersion == null ? RejectReason.MISSING_FIELD : RejectReason.BAD_FIELD,
            "schemaVersion " + SafeText.quote(schemaVersion));
      }
      boolean header = false;
      boolean body = false;
      boolean signature = false;
      while (cursor.nextTag() == XMLStreamConstants.START_ELEMENT) {
        if (!header && cursor.is(SR_NS, "Header")) {
          readHeader();
          header = true;
        } else if (header && !body && !signature && cursor.is(SR_NS, "Body")) {
          readBody();
          body = true;
        } else if (header && !signature && cursor.is(DS_NS, "Signature")) {
          cursor.skipElement();
          signature = true;
        } else {
          throw unexpected("in sr:Response");
        }
      }
      if (!header) {
        throw new DuisRejectedException(RejectReason.MISSING_FIELD, "sr:Header");
      }
      cursor.expectEndOfDocument();
      return new DuisResponse(schemaVersion, requestId, responseId, responseCode, responseDateTime,
          serviceReference, serviceReferenceVariant, preCommand);
    }

    private void readHeader() throws DuisRejectedException {
      while (cursor.nextTag() == XMLStreamConstants.START_ELEMENT) {
        if (!SR_NS.equals(cursor.namespace())) {
          throw unexpected("in sr:Header");
        }
        switch (cursor.localName()) {
          case "RequestID" -> requestId = id(requestId, "RequestID");
          case "ResponseID" -> responseId = id(responseId, "ResponseID");
          case "ResponseCode" -> responseCode = code(responseCode);
          case "ResponseDateTime" -> responseDateTime = dateTime(responseDateTime);
          default -> throw unexpected("in sr:Header");
        }
      }
      if (responseCode == null) {
        throw new DuisRejectedException(RejectReason.MISSING_FIELD, "sr:ResponseCode");
      }
      if (responseDateTime == null) {
        throw new DuisRejectedException(RejectReason.MISSING_FIELD, "sr:ResponseDateTime");
      }
    }

    private void readBody() throws DuisRejectedException {
      while (cursor.nextTag() == XMLStreamConstants.START_ELEMENT) {
        if (!cursor.is(SR_NS, "ResponseMessage")) {
          cursor.skipElement(); // alerts and other bodies: not needed by smsim
          continue;
        }
        while (cursor.nextTag() == XMLStreamConstants.START_ELEMENT) {
          if (serviceReference == null && cursor.is(SR_NS, "ServiceReference")) {
            serviceReference = DuisSyntax.checkReference("ServiceReference", cursor.elementText());
          } else if (serviceReferenceVariant == null && cursor.is(SR_NS, "ServiceReferenceVariant")) {
            serviceReferenceVariant = DuisSyntax.checkReference("ServiceReferenceVariant", cursor.elementText());
          } else if (preCommand == null && cursor.is(SR_NS, "PreCommand")) {
            readPreCommand();
          } else {
            cursor.skipElement(); // GBCSPayload and the like
          }
        }
      }
    }

    /** {@code sr:PreCommand}: GBCSVersion, then GBCSPayload (kept). */
    private void readPreCommand() throws DuisRejectedException {
      while (cursor.nextTag() == XMLStreamConstants.START_ELEMENT) {
        if (preCommand == null && cursor.is(SR_NS, "GBCSPayload")) {
          preCommand = cursor.elementText();
        } else {
          cursor.skipElement();
        }
      }
      if (preCommand == null) {
        throw new DuisRejectedException(RejectReason.MISSING_FIELD, "sr:PreCommand/sr:GBCSPayload");
      }
    }

    private RequestId id(RequestId previous, String field) throws DuisRejectedException {
      once(previous == null);
      String text = cursor.elementText();
      try {
        return RequestId.parse(text);
      } catch (IllegalArgumentException e) {
        throw new DuisRejectedException(RejectReason.BAD_REQUEST_ID, field + ": " + e.getMessage());
      }
    }

    private String code(String previous) throws DuisRejectedException {
      once(previous == null);
      String text = cursor.elementText();
      if (!isResponseCode(text)) {
        throw new DuisRejectedException(RejectReason.BAD_FIELD, "ResponseCode " + SafeText.quote(text));
      }
      return ResponseCode.find(text).map(ResponseCode::code).orElse(text);
    }

    private String dateTime(String previous) throws DuisRejectedException {
      once(previous == null);
      String text = cursor.elementText();
      if (text.isEmpty() || text.length() > MAX_DATE_TIME_CHARS) {
        throw new DuisRejectedException(RejectReason.BAD_FIELD, "ResponseDateTime " + SafeText.quote(text));
      }
      return text;
    }

    private void once(boolean first) throws DuisRejectedException {
      if (!first) {
        throw unexpected("(duplicate)");
      }
    }

    private DuisRejectedException unexpected(String where) {
      return new DuisRejectedException(RejectReason.UNEXPECTED_CONTENT,
          "element " + cursor.qualifiedName() + " " + where);
    }
  }

  /** A letter then 1 to 7 digits: I0, I99, E19, W1 ... */
  private static boolean isResponseCode(String s) {
    if (s.length() < 2 || s.length() > MAX_CODE_CHARS || s.charAt(0) < 'A' || s.charAt(0) > 'Z') {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
