package io.smsim.duis;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks a StAX reader element by element, turning every hazard into a {@link DuisRejectedException}:
 * a DOCTYPE, an entity reference, nesting deeper than the limit, text where DUIS has structure, and
 * any well-formedness error. Whitespace, comments and processing instructions between elements are
 * skipped. Not thread-safe; one per document.
 */
final class XmlCursor implements AutoCloseable {

  private final XMLStreamReader reader;
  private final int maxDepth;
  private int depth;

  XmlCursor(XMLStreamReader reader, int maxDepth) {
    this.reader = reader;
    this.maxDepth = maxDepth;
  }

  /**
   * Moves to the next start or end tag and returns {@code START_ELEMENT}, {@code END_ELEMENT} or
   * {@code END_DOCUMENT}; non-whitespace text on the way is rejected.
   */
  int nextTag() throws DuisRejectedException {
    while (true) {
      int event = advance();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT, XMLStreamConstants.END_DOCUMENT -> {
          return event;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (!reader.isWhiteSpace()) {
            throw new DuisRejectedException(RejectReason.UNEXPECTED_CONTENT, "text " + SafeText.quote(reader.getText().strip())
                + " at line " + reader.getLocation().getLineNumber());
          }
        }
        default -> {
          // comments, processing instructions
        }
      }
    }
  }

  /** The text of the current element, trimmed of XML white space; child elements are rejected. */
  String elementText() throws DuisRejectedException {
    String name = localName();
    StringBuilder text = null;
    String only = "";
    while (true) {
      int event = advance();
      switch (event) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (text == null && only.isEmpty()) {
            only = reader.getText();
          } else {
            if (text == null) {
              text = new StringBuilder(only);
            }
            text.append(reader.getText());
          }
        }
        case XMLStreamConstants.START_ELEMENT -> throw new DuisRejectedException(RejectReason.UNEXPECTED_CONTENT,
            "element " + SafeText.quote(reader.getLocalName()) + " inside " + name);
        case XMLStreamConstants.END_ELEMENT -> {
          return (text == null ? only : text.toString()).strip();
        }
        default -> {
          // comments, processing instructions
        }
      }
    }
  }

  /** From the current start tag, skips past its matching end tag, still checking every event. */
  void skipElement() throws DuisRejectedException {
    int target = depth - 1;
    while (depth > target) {
      advance();
    }
  }

  /** After the root's end tag: only white space, comments and processing instructions may follow. */
  void expectEndOfDocument() throws DuisRejectedException {
    if (nextTag() != XMLStreamConstants.END_DOCUMENT) {
      throw new DuisRejectedException(RejectReason.UNEXPECTED_CONTENT, "content after the root element");
    }
  }

  String localName() {
    return reader.getLocalName();
  }

  /** The current element's namespace URI, or {@code ""} when it has none. */
  String namespace() {
    String ns = reader.getNamespaceURI();
    return ns == null ? "" : ns;
  }

  boolean is(String namespace, String localName) {
    return localName.equals(reader.getLocalName()) && namespace.equals(namespace());
  }

  /** The current element's {@code prefix:name}, for messages. */
  String qualifiedName() {
    String prefix = reader.getPrefix();
    String name = prefix == null || prefix.isEmpty() ? reader.getLocalName() : prefix + ":" + reader.getLocalName();
    return SafeText.quote(name);
  }

  String attribute(String localName) {
    return reader.getAttributeValue(null, localName);
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (XMLStreamException e) {
      // nothing held: the source is an in-memory reader
    }
  }

  private int advance() throws DuisRejectedException {
    int event;
    try {
      event = reader.next();
    } catch (XMLStreamException | RuntimeException e) {
      throw notWellFormed(e);
    }
    switch (event) {
      case XMLStreamConstants.DTD -> throw new DuisRejectedException(RejectReason.DOCTYPE_FORBIDDEN,
          "DOCTYPE at line " + reader.getLocation().getLineNumber());
      case XMLStreamConstants.ENTITY_REFERENCE -> throw new DuisRejectedException(RejectReason.ENTITY_FORBIDDEN,
          "&" + SafeText.quote(reader.getLocalName()) + ";");
      case XMLStreamConstants.START_ELEMENT -> {
        if (++depth > maxDepth) {
          throw new DuisRejectedException(RejectReason.TOO_DEEP, "depth " + depth + " > limit " + maxDepth);
        }
      }
      case XMLStreamConstants.END_ELEMENT -> depth--;
      default -> {
        // other events carry no hazard
      }
    }
    return event;
  }

  static DuisRejectedException notWellFormed(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int at = message.indexOf("Message: ");
    String detail = at >= 0 ? message.substring(at + 9) : message;
    int where = detail.indexOf("\n at [row,col"); // Woodstox appends the location, given below in words
    detail = (where >= 0 ? detail.substring(0, where) : detail).strip().replace('\n', ' ');
    if (e instanceof XMLStreamException x && x.getLocation() != null) {
      detail = "line " + x.getLocation().getLineNumber() + ", column " + x.getLocation().getColumnNumber() + ": " + detail;
    }
    return new DuisRejectedException(RejectReason.NOT_WELL_FORMED, SafeText.quote(detail));
  }
}
