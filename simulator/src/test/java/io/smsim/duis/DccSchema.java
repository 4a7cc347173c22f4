package io.smsim.duis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/**
 * The DUIS XSD as DCC publishes it for DCC Boxed: {@code DUIS Schema V5.1.xsd} (with the MMC schema
 * and XML-DSig schema it imports) inside the signing and validation tool of the npm package
 * {@code @smartdcc/duis-sign-wrap} ({@code dist/tool.jar}), read where npm installed it, never copied.
 * Validation is the JDK's XSD validator with the same schema the tool's own {@code Validate} uses.
 *
 * <p>Where the package is found: the system property {@code smsim.dccTooling} or the environment
 * variable {@code SMSIM_DCC_TOOLING} (a {@code node_modules} folder, or the jar itself), then
 * {@code node_modules} beside or above the repository, then npm's global root ({@code npm root -g}).
 * Tests call {@link #load()}, which skips them with the reason when it is absent.
 */
public final class DccSchema {

  static final String PACKAGE_JAR = "@smartdcc/duis-sign-wrap/dist/tool.jar";
  static final String DUIS_XSD = "DUIS Schema V5.1.xsd";

  private final Schema schema;
  private final Path jar;

  private DccSchema(Schema schema, Path jar) {
    this.schema = schema;
    this.jar = jar;
  }

  /** The schema, or the calling test is skipped with the reason. */
  public static DccSchema load() {
    Path jar = locate();
    Assumptions.assumeTrue(jar != null, "DCC's DUIS schema not found: install @smartdcc/duis-sign-wrap with npm "
        + "(or set SMSIM_DCC_TOOLING to its node_modules folder); searched " + String.join(", ", searched()));
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setResourceResolver((type, ns, publicId, systemId, baseUri) -> input(zip, systemId, publicId, baseUri));
      ZipEntry main = zip.getEntry(DUIS_XSD);
      Assumptions.assumeTrue(main != null, jar + " holds no " + DUIS_XSD);
      StreamSource source = new StreamSource(new ByteArrayInputStream(zip.getInputStream(main).readAllBytes()),
          "jar:" + DUIS_XSD);
      return new DccSchema(f.newSchema(source), jar);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SAXException e) {
      throw new IllegalStateException("DCC's DUIS schema in " + jar + " does not compile: " + e.getMessage(), e);
    }
  }

  /** Where the schema came from. */
  public Path jar() {
    return jar;
  }

  /** Empty when {@code xml} is valid against the DUIS schema, else the validator's message. */
  public String problem(byte[] xml) {
    Validator v = schema.newValidator();
    try {
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      v.validate(new StreamSource(new ByteArrayInputStream(xml)));
      return "";
    } catch (SAXException e) {
      return e.getMessage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LSInput input(ZipFile zip, String systemId, String publicId, String baseUri) {
    if (systemId == null) {
      return null;
    }
    String name = systemId.substring(systemId.lastIndexOf('/') + 1).replace("%20", " ");
    ZipEntry e = zip.getEntry(name);
    if (e == null) {
      return null;
    }
    try {
      return new JarInput(zip.getInputStream(e).readAllBytes(), publicId, "jar:" + name, baseUri);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static Path locate() {
    for (String candidate : candidates()) {
      Path p = Path.of(candidate);
      Path jar = Files.isRegularFile(p) ? p : p.resolve(PACKAGE_JAR);
      if (Files.isRegularFile(jar)) {
        return jar;
      }
    }
    return null;
  }

  private static List<String> searched() {
    return candidates();
  }

  private static List<String> candidates() {
    List<String> c = new ArrayList<>();
    String prop = System.getProperty("smsim.dccTooling");
    if (prop != null) {
      c.add(prop);
    }
    String env = System.getenv("SMSIM_DCC_TOOLING");
    if (env != null) {
      c.add(env);
    }
    String root = System.getProperty("smsim.repoRoot", ".");
    for (Path dir = Path.of(root).toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      c.add(dir.resolve("node_modules").toString());
    }
    String global = npmGlobalRoot();
    if (global != null) {
      c.add(global);
    }
    return c;
  }

  private static String npmGlobalRoot() {
    try {
      Process p = new ProcessBuilder("npm", "root", "-g").redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
        return new String(out).strip();
      }
      p.destroy();
    } catch (IOException e) {
      // no npm: nothing more to search
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  /** A schema document read from the jar. */
  private record JarInput(byte[] bytes, String publicId, String systemId, String baseUri) implements LSInput {
    @Override public Reader getCharacterStream() { return null; }
    @Override public void setCharacterStream(Reader r) { }
    @Override public InputStream getByteStream() { return new ByteArrayInputStream(bytes); }
    @Override public void setByteStream(InputStream s) { }
    @Override public String getStringData() { return null; }
    @Override public void setStringData(String s) { }
    @Override public String getSystemId() { return systemId; }
    @Override public void setSystemId(String s) { }
    @Override public String getPublicId() { return publicId; }
    @Override public void setPublicId(String s) { }
    @Override public String getBaseURI() { return baseUri; }
    @Override public void setBaseURI(String s) { }
    @Override public String getEncoding() { return null; }
    @Override public void setEncoding(String s) { }
    @Override public boolean getCertifiedText() { return false; }
    @Override public void setCertifiedText(boolean b) { }
  }
}
