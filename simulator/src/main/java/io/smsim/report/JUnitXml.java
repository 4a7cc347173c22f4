package io.smsim.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, the test-report format CI servers read (Jenkins, GitLab, GitHub Actions reporters,
 * Maven Surefire's own): {@code <testsuites>} of {@code <testsuite>}s of {@code <testcase>}s, each
 * passed, {@code <failure>} or {@code <skipped>}, as in the Ant/Surefire schema. {@code smsim check
 * --junit} writes a testcase per expectation per variant, {@code smsim load --junit} a testcase per SLO.
 */
public final class JUnitXml {

  /** A testcase's outcome. */
  public enum Status { PASSED, FAILED, SKIPPED }

  /**
   * One testcase.
   *
   * @param className the group it belongs to, dotted (CI servers nest by it)
   * @param message for a failure or a skip, one line: expected and actual
   */
  public record TestCase(String className, String name, double timeSeconds, Status status, String message) {
    public TestCase {
      Objects.requireNonNull(className, "className");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(status, "status");
      message = message == null ? "" : message;
    }
  }

  /** One suite: a scenario file, or a load run. */
  public record Suite(String name, Instant timestamp, double timeSeconds, List<TestCase> cases) {
    public Suite {
      cases = List.copyOf(cases);
    }

    long count(Status s) {
      return cases.stream().filter(c -> c.status() == s).count();
    }
  }

  private JUnitXml() {
  }

  /** Writes {@code suites} to {@code file} as UTF-8. */
  public static void write(List<Suite> suites, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(suites, w);
    }
  }

  public static void write(List<Suite> suites, Writer out) throws IOException {
    try {
      // the JDK's writer, whatever else the class path offers (Woodstox, for the DUIS parser)
      XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "smsim");
      attributes(x, suites.stream().mapToLong(s -> s.cases().size()).sum(),
          suites.stream().mapToLong(s -> s.count(Status.FAILED)).sum(),
          suites.stream().mapToLong(s -> s.count(Status.SKIPPED)).sum(),
          suites.stream().mapToDouble(Suite::timeSeconds).sum());
      for (Suite s : suites) {
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", s.name());
        attributes(x, s.cases().size(), s.count(Status.FAILED), s.count(Status.SKIPPED), s.timeSeconds());
        x.writeAttribute("timestamp", s.timestamp().toString());
        for (TestCase c : s.cases()) {
          x.writeCharacters("\n    ");
          x.writeStartElement("testcase");
          x.writeAttribute("name", c.name());
          x.writeAttribute("classname", c.className());
          x.writeAttribute("time", seconds(c.timeSeconds()));
          if (c.status() == Status.FAILED) {
            x.writeStartElement("failure");
            x.writeAttribute("message", c.message());
            x.writeAttribute("type", "breach");
            x.writeCharacters(c.message());
            x.writeEndElement();
          } else if (c.status() == Status.SKIPPED) {
            x.writeEmptyElement("skipped");
            x.writeAttribute("message", c.message());
          }
          x.writeEndElement();
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
    }
  }

  private static void attributes(XMLStreamWriter x, long tests, long failures, long skipped, double time)
      throws XMLStreamException {
    x.writeAttribute("tests", Long.toString(tests));
    x.writeAttribute("failures", Long.toString(failures));
    x.writeAttribute("errors", "0");
    x.writeAttribute("skipped", Long.toString(skipped));
    x.writeAttribute("time", seconds(time));
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", Double.isFinite(s) && s > 0 ? s : 0);
  }
}
