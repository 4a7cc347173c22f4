package io.smsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every scenario-supplied text (name, description, variant description and settings, file path)
 * stays text in every output that renders it: no raw HTML, link or code-span break-out in
 * incident-review.md (read by CommonMark with GitHub's tables), no element in report.html.
 */
class HostileTextTest {

  private static final String NAME = "x` <img src=x onerror=alert(1)> ``y | *b* [l](http://e.test) &amp;";
  private static final String DESCRIPTION = "<script>alert(2)</script> | a | b | ~~s~~ __u__";

  private static final Parser MARKDOWN = Parser.builder().extensions(List.of(TablesExtension.create())).build();

  private static Path scenario(Path dir) throws IOException {
    String yaml;
    try (InputStream in = HostileTextTest.class.getResourceAsStream("/io/smsim/analysis/small-leak.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    yaml = yaml.replace("name: small-leak", "name: " + yaml(NAME) + "\ndescription: " + yaml(DESCRIPTION))
        .replace("description: a reaper every 30 minutes prevents the exhaustion", "description: " + yaml(DESCRIPTION))
        .replace("description: as written", "description: " + yaml("as `written` <b>bold</b>\n| x |"));
    Path dir2 = Files.createDirectories(dir.resolve("a`b <i>"));
    return Files.writeString(dir2.resolve("s.yaml"), yaml);
  }

  private static String yaml(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private static void run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(status).as("exit status; stderr: %s", err).isZero();
  }

  /** Inline HTML, HTML blocks and links in the parsed Markdown, and the text of every text and code node. */
  private static List<String> markup(String md, StringBuilder texts) {
    List<String> found = new ArrayList<>();
    MARKDOWN.parse(md).accept(new AbstractVisitor() {
      @Override
      public void visit(HtmlInline n) {
        if (!n.getLiteral().equals("<br>")) { // the review's own line breaks in table cells
          found.add("html: " + n.getLiteral());
        }
      }

      @Override
      public void visit(HtmlBlock n) {
        found.add("html block: " + n.getLiteral());
      }

      @Override
      public void visit(Link n) {
        found.add("link: " + n.getDestination());
        visitChildren(n);
      }

      @Override
      public void visit(Text n) {
        texts.append(n.getLiteral());
      }

      @Override
      public void visit(Code n) {
        texts.append(n.getLiteral());
      }

      @Override
      public void visit(CustomNode n) {
        visitChildren(n);
      }
    });
    return found;
  }

  @Test
  void theReplayReviewAndReportRenderScenarioTextAsText(@TempDir Path dir) throws IOException {
    Path s = scenario(dir);
    Path out = dir.resolve("replay");
    run("replay", s.toString(), "--out", out.toString(), "--variant", "reaper");
    String md = Files.readString(out.resolve("incident-review.md"));
    StringBuilder texts = new StringBuilder();
    assertThat(markup(md, texts)).isEmpty();
    assertThat(texts).contains(NAME, s.toString());
    Document html = Jsoup.parse(out.resolve("report.html").toFile());
    assertThat(html.select("img, b, i")).isEmpty();
    assertThat(html.select("script").stream().filter(e -> e.html().contains("alert("))).isEmpty();
    assertThat(html.select("h1").text()).contains(NAME);
    assertThat(html.text()).contains(DESCRIPTION);
  }

  @Test
  void theCompareReviewKeepsDescriptionsWholeAsText(@TempDir Path dir) throws IOException {
    Path s = scenario(dir);
    Path out = dir.resolve("compare");
    run("compare", s.toString(), "--out", out.toString(), "-n", "2", "--quiet");
    String md = Files.readString(out.resolve("incident-review.md"));
    StringBuilder texts = new StringBuilder();
    assertThat(markup(md, texts)).isEmpty();
    assertThat(texts).contains(NAME, DESCRIPTION);
    Document html = Jsoup.parse(out.resolve("report.html").toFile());
    assertThat(html.select("img, b, i")).isEmpty();
    assertThat(html.text()).contains(NAME, DESCRIPTION, "as `written` <b>bold</b> | x |");
  }
}
