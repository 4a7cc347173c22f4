package io.smsim.duis;

import com.ctc.wstx.api.WstxInputProperties;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.io.Stax2CharArraySource;

/**
 * Opens untrusted DUIS bytes as a StAX reader that cannot reach outside the document.
 *
 * <p>Defences, in order: a size limit checked before any parsing; strict UTF-8 decoding done here
 * (DUIS documents are UTF-8; a declared encoding other than UTF-8 is rejected); Woodstox's StAX
 * reader, made here by name (never one found on the class path), with DTD support off, external
 * entities off, entity references reported rather than replaced, a resolver that refuses
 * everything, names not interned, and its limits set tight: at most 32 attributes on an element,
 * 256 elements deep, one entity (the predefined ones are never expanded from declarations), an
 * attribute value or text of at most the document's own size bound. {@link XmlCursor} then rejects a
 * DOCTYPE or entity reference the moment it is seen, and counts depth itself.
 *
 * <p>Speed: the JDK's own StAX reader costs as much to set up (its security manager's limits, entity
 * manager and scanner reset for every document, even with its {@code reuse-instance} property) as to
 * scan a 1.5 kB request, and ends every document by throwing and catching an exception; Woodstox's
 * reader costs a configuration copy and recycled buffers to open, and scanned the wrk request of
 * {@code benchmarks/live} in about half the JDK's time. Each thread keeps its own configured factory,
 * so the factory's shared symbol table is never contended.
 */
final class HardenedXml {

  static final String SR_NS = "http://www.dccinterface.co.uk/ServiceUserGateway";
  static final String DS_NS = "http://www.w3.org/2000/09/xmldsig#";
  static final String RA_NS = "http://www.dccinterface.co.uk/ResponseAndAlert";
  static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

  /** Requests up to 4 MiB: 11.1 Update Firmware carries the image, base64, in the body. */
  static final int DEFAULT_MAX_BYTES = 4 << 20;
  /** DUIS documents nest about 7 deep (ds:Signature, 6.15.1 certificates); 32 leaves room. */
  static final int DEFAULT_MAX_DEPTH = 32;

  private static final String WOODSTOX = "com.ctc.wstx.stax.WstxInputFactory";
  private static final ThreadLocal<XMLInputFactory2> FACTORY = ThreadLocal.withInitial(HardenedXml::newFactory);

  private HardenedXml() {
  }

  private static XMLInputFactory2 newFactory() {
    XMLInputFactory2 f = woodstox();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setProperty(XMLInputFactory2.P_INTERN_NAMES, false);
    f.setProperty(XMLInputFactory2.P_INTERN_NS_URIS, false);
    f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 32);
    f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, 256);
    f.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1L);
    f.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
    f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, DEFAULT_MAX_BYTES);
    f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, DEFAULT_MAX_BYTES);
    f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new XMLStreamException("external resolution refused: " + SafeText.quote(systemId));
    });
    f.setProperty(WstxInputProperties.P_UNDECLARED_ENTITY_RESOLVER, f.getXMLResolver());
    return f;
  }

  /**
   * {@code com.ctc.wstx.stax.WstxInputFactory}, by name: the class carries an OSGi service annotation
   * whose library is not on the compile path, which {@code -Xlint:all} would report on a direct use.
   */
  private static XMLInputFactory2 woodstox() {
    try {
      return (XMLInputFactory2) Class.forName(WOODSTOX).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Woodstox missing from the class path: " + e, e);
    }
  }

  /** A cursor over {@code bytes[offset, offset + length)}; the caller closes it. */
  static XmlCursor open(byte[] bytes, int offset, int length, int maxBytes, int maxDepth)
      throws DuisRejectedException {
    if (offset < 0 || length < 0 || offset > bytes.length - length) {
      throw new IndexOutOfBoundsException("slice [" + offset + ", +" + length + ") of " + bytes.length + " bytes");
    }
    if (length > maxBytes) {
      throw new DuisRejectedException(RejectReason.TOO_LARGE, length + " bytes > limit " + maxBytes);
    }
    CharBuffer chars = decodeUtf8(ByteBuffer.wrap(bytes, offset, length));
    int start = chars.position();
    if (chars.remaining() > 0 && chars.get(start) == '\uFEFF') {
      start++; // UTF-8 byte order mark
    }
    XMLStreamReader reader;
    try {
      reader = FACTORY.get().createXMLStreamReader(new Stax2CharArraySource(chars.array(), start, chars.limit() - start));
    } catch (XMLStreamException e) {
      throw XmlCursor.notWellFormed(e);
    }
    String declared = reader.getCharacterEncodingScheme();
    if (declared != null && !declared.equalsIgnoreCase("UTF-8")) {
      new XmlCursor(reader, maxDepth).close(); // closed readers are reused
      throw new DuisRejectedException(RejectReason.NOT_UTF8, "declared encoding " + SafeText.quote(declared));
    }
    return new XmlCursor(reader, maxDepth);
  }

  /** {@code bytes} as a heap slice, copying only when the buffer has no accessible array. */
  static XmlCursor open(ByteBuffer bytes, int maxBytes, int maxDepth) throws DuisRejectedException {
    if (bytes.remaining() > maxBytes) {
      throw new DuisRejectedException(RejectReason.TOO_LARGE, bytes.remaining() + " bytes > limit " + maxBytes);
    }
    if (bytes.hasArray()) {
      return open(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining(), maxBytes, maxDepth);
    }
    byte[] copy = new byte[bytes.remaining()];
    bytes.duplicate().get(copy);
    return open(copy, 0, copy.length, maxBytes, maxDepth);
  }

  private static CharBuffer decodeUtf8(ByteBuffer in) throws DuisRejectedException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int start = in.position();
    try {
      return decoder.decode(in);
    } catch (CharacterCodingException e) {
      throw new DuisRejectedException(RejectReason.NOT_UTF8, "invalid UTF-8 at byte " + (in.position() - start));
    }
  }
}
