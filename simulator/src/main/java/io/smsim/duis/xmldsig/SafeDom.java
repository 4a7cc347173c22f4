package io.smsim.duis.xmldsig;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses DUIS bytes into a namespace-aware DOM for XML Signature work, under the same defences as the
 * StAX codec: the JDK's own parser ({@link DocumentBuilderFactory#newDefaultInstance()}, never one
 * from the class path), a DOCTYPE refused outright ({@code disallow-doctype-decl}), no external
 * entities, DTDs or schemas fetched (empty {@code ACCESS_EXTERNAL_*} allow-lists), no XInclude,
 * secure processing on, an element-depth limit, and a size limit checked before parsing.
 *
 * <p>One {@link DocumentBuilder} per thread, reset after use: building one costs about as much as
 * parsing a request.
 */
final class SafeDom {

  /** DUIS documents nest about 7 deep; the StAX codec allows 32, this matches it. */
  static final int MAX_DEPTH = 32;

  private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SafeDom::newBuilder);
  private static final ErrorHandler STRICT = new ErrorHandler() {
    @Override
    public void warning(SAXParseException e) {
      // warnings do not make a document unusable
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  };

  private static final EntityResolver REFUSE = (publicId, systemId) -> {
    throw new SAXException("external resolution refused: " + systemId);
  };

  private SafeDom() {
  }

  private static DocumentBuilder newBuilder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
      f.setNamespaceAware(true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setAttribute("jdk.xml.maxElementDepth", MAX_DEPTH);
      f.setAttribute("jdk.xml.entityExpansionLimit", 1);
      return f.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's DOM parser lacks a security feature: " + e.getMessage(), e);
    }
  }

  /**
   * Parses {@code xml[offset, offset + length)}.
   *
   * @throws SignatureRejectedException (MALFORMED) when the bytes are over {@code maxBytes}, not
   *     well-formed, or carry a DOCTYPE
   */
  static Document parse(byte[] xml, int offset, int length, int maxBytes) throws SignatureRejectedException {
    if (length > maxBytes) {
      throw new SignatureRejectedException(SignatureRejectedException.Reason.MALFORMED,
          "document of " + length + " bytes exceeds the limit of " + maxBytes);
    }
    DocumentBuilder b = BUILDER.get();
    b.setErrorHandler(STRICT); // reset() restores the defaults, which print to stderr
    b.setEntityResolver(REFUSE);
    try {
      InputSource in = new InputSource(new ByteArrayInputStream(xml, offset, length));
      return b.parse(in);
    } catch (SAXException | IOException e) {
      throw new SignatureRejectedException(SignatureRejectedException.Reason.MALFORMED,
          "not well-formed XML: " + String.valueOf(e.getMessage()).replace('\n', ' '));
    } finally {
      b.reset();
    }
  }

  /** A new empty document (for building XML to sign). */
  static Document newDocument() {
    return BUILDER.get().newDocument();
  }
}
