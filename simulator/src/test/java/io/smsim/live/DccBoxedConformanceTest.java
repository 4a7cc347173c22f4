package io.smsim.live;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsim.duis.DuisRejectedException;
import io.smsim.duis.DuisRequest;
import io.smsim.duis.DuisRequestParser;
import io.smsim.duis.DuisResponse;
import io.smsim.duis.DuisResponseParser;
import io.smsim.duis.Endpoint;
import io.smsim.duis.Eui64;
import io.smsim.duis.RequestId;
import io.smsim.duis.xmldsig.CertificateValidity;
import io.smsim.duis.xmldsig.DuisSigner;
import io.smsim.duis.xmldsig.DuisVerifier;
import io.smsim.duis.xmldsig.Signatures;
import io.smsim.duis.xmldsig.SigningCredential;
import io.smsim.duis.xmldsig.TrustStore;
import io.smsim.live.dcc.DccBoxedTools;
import io.smsim.live.dcc.DccTool;
import io.smsim.model.SrvCatalogue;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smsim serve} as a DCC Boxed client finds it: every request template of DCC's Reference Test
 * Data Set ({@code @smartdcc/duis-templates}), signed as its originator would sign it by DCC's own
 * signing tool with DCC Boxed's test keys ({@code @smartdcc/duis-sign-wrap}), POSTed to the
 * endpoint its command variant names, with {@code --trust} holding DCC Boxed's certificates and the
 * final responses signed with DCC Boxed's DSP key. Every synchronous answer and every final response
 * must pass DCC's own validation (DUIS XSD and signature); each acknowledged request gets exactly
 * one final response; a request altered after signing, an unsigned one and one signed with a key
 * outside the trust store are refused with E1 and get none. Each template's outcome is written to
 * {@code simulator/target/dcc-boxed-conformance.txt} with a count by outcome.
 *
 * <p>Skipped, with the reason, where npm has not installed the DCC tooling (see {@link DccBoxedTools}).
 */
class DccBoxedConformanceTest {

  private static final Pattern REQUEST_ID = Pattern.compile("<sr:RequestID>([^<]*)</sr:RequestID>");
  /** Command variants DCC Boxed's own client refuses to send (dccboxed-nodered-nodes, dccboxed-send). */
  private static final Set<Integer> NOT_SENT_BY_DCC_BOXED_CLIENTS = Set.of(3, 7);
  private static final String UNTRUSTED = "Z1-supplier-ds";

  @TempDir
  static Path work;
  private static DccBoxedTools tools;
  private static DccTool dcc;

  @BeforeAll
  static void locateTools() {
    tools = DccBoxedTools.locate();
    dcc = new DccTool(tools.jar());
  }

  @AfterAll
  static void stopTool() {
    if (dcc != null) {
      dcc.close();
    }
  }

  /** One template's run. */
  private static final class Case {
    final String name;
    DuisRequest request;
    String outcome;
    byte[] signed;
    String syncCode;
    boolean preCommand;

    Case(String name) {
      this.name = name;
    }
  }

  @Test
  void everyTemplateSignedByItsOriginatorIsAnsweredAndCalledBackInFormsDccsValidatorAccepts() throws Exception {
    Path keys = Files.createDirectories(work.resolve("keys"));
    tools.extract(keys, ".pem", ".key");
    Path trust = Files.createDirectories(work.resolve("trust"));
    for (Path p : Files.list(keys).toList()) {
      String n = p.getFileName().toString();
      if (n.endsWith(".pem") && !n.startsWith(UNTRUSTED + ".") && Files.readString(p).contains("BEGIN CERTIFICATE")) {
        Files.copy(p, trust.resolve(n));
      }
    }
    SigningCredential dsp = SigningCredential.load(keys.resolve("dsp-xml-sign-90B3D51F30000002-ds.key"),
        keys.resolve("dsp-xml-sign-90B3D51F30000002-ds.pem"));
    Signatures signatures = new Signatures(DuisVerifier.create(TrustStore.load(trust, new char[0]),
        CertificateValidity.IGNORE, Clock.systemUTC()), DuisSigner.create(dsp));

    List<Case> cases = prepare(tools.requestTemplates());
    DuisResponseParser responses = DuisResponseParser.create();
    Map<RequestId, Case> acknowledged = new LinkedHashMap<>();
    List<String> syncRefusedByDcc = new ArrayList<>();
    try (LiveFixture live = LiveFixture.start(scenario(), 60, o -> o.withSignatures(signatures))) {
      for (Case c : cases) {
        if (c.outcome != null) {
          continue;
        }
        HttpResponse<String> r = live.post(Endpoint.forCommandVariant(c.request.commandVariant()), c.signed);
        byte[] answer = r.body().getBytes(UTF_8);
        DccTool.Result check = validate(answer, "sync-" + c.name);
        if (!check.ok()) {
          syncRefusedByDcc.add(c.name + ": " + check.messages());
        }
        DuisResponse parsed = responses.parse(answer);
        c.syncCode = parsed.responseCode();
        c.preCommand = r.body().contains("PreCommand>");
        RequestId id = RequestId.parse(signedRequestId(c.signed));
        if (parsed.isAcknowledgement()) {
          acknowledged.put(id, c);
        }
      }

      List<RequestId> refused = tamper(live, cases);

      List<ResponseSink.Received> callbacks = live.sink.await(acknowledged.size(), 120_000);
      awaitNothingInFlight(live);
      callbacks = live.sink.received();
      assertThat(live.sink.unparsable()).isEmpty();

      Map<RequestId, Integer> perRequest = new HashMap<>();
      List<String> callbackRefusedByDcc = new ArrayList<>();
      for (ResponseSink.Received cb : callbacks) {
        perRequest.merge(cb.response().requestId(), 1, Integer::sum);
        DccTool.Result check = validate(cb.body(), "callback-" + perRequest.size());
        if (!check.ok()) {
          callbackRefusedByDcc.add(cb.response().requestId() + ": " + check.messages());
        }
        Case c = acknowledged.get(cb.response().requestId());
        if (c != null) {
          c.outcome = outcome(c, cb.response().responseCode());
        }
      }
      for (Case c : cases) {
        if (c.outcome == null) {
          c.outcome = outcome(c, acknowledged.containsValue(c) ? "none" : null);
        }
      }
      report(cases);

      assertThat(syncRefusedByDcc).as("synchronous answers DCC's validator refused").isEmpty();
      assertThat(callbackRefusedByDcc).as("final responses DCC's validator refused").isEmpty();
      assertThat(acknowledged).as("templates acknowledged (so the callback checks are not vacuous)").hasSizeGreaterThan(100);
      List<String> transforms = cases.stream().filter(c -> c.syncCode != null && c.request.commandVariant() == 4)
          .map(c -> c.name + ": " + c.outcome).toList();
      assertThat(transforms).as("transform requests answered").hasSizeGreaterThan(50)
          .allSatisfy(t -> assertThat(t).endsWith(": transform: I0 with PreCommand"));
      List<String> others = cases.stream().filter(c -> c.syncCode != null && c.request.commandVariant() != 4)
          .filter(c -> !c.outcome.equals("answered I99, callback I0")).map(c -> c.name + ": " + c.outcome).toList();
      assertThat(others).as("non-transform templates not acknowledged and answered I0").isEmpty();
      for (RequestId id : acknowledged.keySet()) {
        assertThat(perRequest.getOrDefault(id, 0)).as("final responses to %s (%s)", id, acknowledged.get(id).name)
            .isEqualTo(1);
      }
      assertThat(perRequest.keySet()).as("final responses to requests that were not acknowledged")
          .isSubsetOf(acknowledged.keySet()).doesNotContainAnyElementsOf(refused);
    }
  }

  /** Reads each template, gives it a counter of its own and signs it with DCC's tool as its originator would. */
  private static List<Case> prepare(List<Path> templates) throws IOException {
    DuisRequestParser parser = DuisRequestParser.create(SrvCatalogue.standard());
    Path in = Files.createDirectories(work.resolve("in"));
    List<Case> cases = new ArrayList<>();
    long counter = System.currentTimeMillis() * 1000;
    for (Path t : templates) {
      Case c = new Case(t.getFileName().toString().replace("_REQUEST_DUIS.XML", ""));
      cases.add(c);
      String text = Files.readString(t);
      Matcher m = REQUEST_ID.matcher(text);
      if (!m.find()) {
        c.outcome = "skipped: template has no RequestID";
        continue;
      }
      String id = m.group(1);
      text = text.replace(m.group(), "<sr:RequestID>" + id.substring(0, id.lastIndexOf(':') + 1) + (++counter)
          + "</sr:RequestID>");
      byte[] bytes = text.getBytes(UTF_8);
      try {
        c.request = parser.parseWellFormed(bytes, 0, bytes.length);
      } catch (DuisRejectedException e) {
        c.outcome = "smsim cannot read the template: " + e.getMessage();
        continue;
      }
      if (NOT_SENT_BY_DCC_BOXED_CLIENTS.contains(c.request.commandVariant())) {
        c.outcome = "skipped: command variant " + c.request.commandVariant() + " (DCC Boxed's client does not send it)";
        continue;
      }
      Path file = Files.write(in.resolve(c.name + ".xml"), bytes);
      Path signed = in.resolve(c.name + ".signed.xml");
      DccTool.Result r = dcc.sign(file, signed, "--preserveCounter");
      if (r.code() == DccTool.MISSING_KEY) {
        c.outcome = "skipped: DCC Boxed has no test key for originator "
            + Eui64.format(c.request.requestId().originator());
      } else if (r.code() == DccTool.VALIDATION_FAILED) {
        c.outcome = "skipped: DCC's tool refuses the template (its DUIS XSD)";
      } else if (!r.ok()) {
        c.outcome = "skipped: DCC's tool failed (" + r.code() + "): " + r.messages();
      } else {
        c.signed = Files.readAllBytes(signed);
      }
    }
    return cases;
  }

  /**
   * A small healthy network; every scenario knows DCC Boxed's reference devices (the templates'
   * targets) unless its {@code devices:} says otherwise, so none are listed here.
   */
  private static String scenario() {
    return """
        name: dcc-boxed-conformance
        start: 2019-04-02T10:00
        end: 2019-04-02T12:00
        defaults:
          gateway:
            serviceTime: {install: 50ms, onDemand: 50ms, firmware: 50ms}
            deviceLatency: 200ms
        regions: {north: {}, central: {}, south: {}}
        """;
  }

  /**
   * The refusals: a request altered after signing (its RequestID's counter), the same template
   * unsigned, and one signed by DCC's tool with a certificate outside the trust store. Each must be
   * answered E1; returns their RequestIDs, none of which may get a final response.
   */
  private static List<RequestId> tamper(LiveFixture live, List<Case> cases) throws Exception {
    Case base = cases.stream().filter(c -> c.signed != null && "I99".equals(c.syncCode)
        && c.request.commandVariant() == 1).findFirst().orElseThrow();
    String signed = new String(base.signed, UTF_8);
    String id = signedRequestId(base.signed);
    String alteredId = id.substring(0, id.lastIndexOf(':') + 1) + "4242";
    byte[] altered = signed.replace(id, alteredId).getBytes(UTF_8);
    String template = Files.readString(work.resolve("in").resolve(base.name + ".xml"));
    byte[] unsigned = template.replace(id, id.substring(0, id.lastIndexOf(':') + 1) + "4141").getBytes(UTF_8);

    Path keys = work.resolve("keys");
    Path keyPem = keys.resolve(UNTRUSTED + ".key.pem");
    Files.writeString(keyPem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(
        Files.readAllBytes(keys.resolve(UNTRUSTED + ".key"))) + "\n-----END PRIVATE KEY-----\n");
    Path other = work.resolve("in").resolve("untrusted.signed.xml");
    Path otherIn = Files.writeString(work.resolve("in").resolve("untrusted.xml"),
        template.replace(id, id.substring(0, id.lastIndexOf(':') + 1) + "4343"));
    DccTool.Result signedByUntrusted = dcc.sign(otherIn, other, "--preserveCounter",
        keys.resolve(UNTRUSTED + ".pem").toString(), keyPem.toString());
    assertThat(signedByUntrusted.ok()).as(signedByUntrusted.messages()).isTrue();
    byte[] untrusted = Files.readAllBytes(other);

    Endpoint endpoint = Endpoint.forCommandVariant(base.request.commandVariant());
    DuisResponseParser responses = DuisResponseParser.create();
    List<RequestId> ids = new ArrayList<>();
    for (byte[] doc : List.of(altered, unsigned, untrusted)) {
      HttpResponse<String> r = live.post(endpoint, doc);
      assertThat(responses.parse(r.body().getBytes(UTF_8)).responseCode()).as(base.name).isEqualTo("E1");
      ids.add(RequestId.parse(signedRequestId(doc)));
    }
    return ids;
  }

  private static void awaitNothingInFlight(LiveFixture live) throws Exception {
    await("nothing in flight").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
        .until(() -> live.adminGet("/metrics").body().contains("smsim_dsp_in_flight_requests 0.0"));
  }

  private static DccTool.Result validate(byte[] xml, String name) throws IOException {
    Path dir = Files.createDirectories(work.resolve("answers"));
    Path file = Files.write(dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".xml"), xml);
    return dcc.validate(file, dir.resolve(file.getFileName() + ".out"));
  }

  private static String signedRequestId(byte[] xml) {
    Matcher m = REQUEST_ID.matcher(new String(xml, UTF_8));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String outcome(Case c, String callbackCode) {
    int cv = c.request.commandVariant();
    String sync = c.syncCode + (c.preCommand ? " with PreCommand" : "");
    if (cv == 4) {
      return "I0".equals(c.syncCode) && c.preCommand ? "transform: I0 with PreCommand"
          : "transform: " + sync + (callbackCode == null ? "" : ", callback " + callbackCode)
          + " (DCC Boxed: I0 with PreCommand)";
    }
    return callbackCode == null ? "answered " + sync : "answered " + sync + ", callback " + callbackCode;
  }

  private static void report(List<Case> cases) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    StringBuilder lines = new StringBuilder();
    for (Case c : cases) {
      counts.merge(c.outcome.replaceAll(" for originator .*", " for its originator"), 1, Integer::sum);
      lines.append(c.outcome).append('\t').append(c.name).append('\n');
    }
    StringBuilder summary = new StringBuilder("DCC Boxed conformance: " + cases.size() + " request templates\n");
    counts.forEach((k, v) -> summary.append(String.format("%5d  %s%n", v, k)));
    System.out.print(summary);
    Path target = Path.of(System.getProperty("smsim.repoRoot", ".."), "simulator", "target");
    if (Files.isDirectory(target)) {
      Files.writeString(target.resolve("dcc-boxed-conformance.txt"), summary + "\n" + lines);
    }
  }
}
