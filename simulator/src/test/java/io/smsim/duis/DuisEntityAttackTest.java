package io.smsim.duis;

import static io.smsim.duis.DuisRequestRejectionTest.VALID;
import static io.smsim.duis.DuisRequestRejectionTest.reject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XXE, external DTDs, entity expansion: refused at the DOCTYPE, nothing resolved or expanded. */
class DuisEntityAttackTest {

  private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  @Test
  void externalFileEntityIsRejectedAndTheFileNeverReachesTheAnswer(@TempDir Path dir) throws Exception {
    String secret = "SECRET-" + System.nanoTime();
    Path file = Files.writeString(dir.resolve("secret.txt"), secret);
    String xxe = VALID.replace(PROLOG, PROLOG + "<!DOCTYPE sr:Request [<!ENTITY xxe SYSTEM \"" + file.toUri() + "\">]>\n")
        .replace(">11.2</sr:ServiceReferenceVariant>", ">&xxe;</sr:ServiceReferenceVariant>");
    DuisRejectedException e = reject(xxe);
    assertThat(e.reason()).isEqualTo(RejectReason.DOCTYPE_FORBIDDEN);
    assertThat(e.responseCode()).isEqualTo(ResponseCode.E11);
    assertThat(e.offendingValue()).isEqualTo("DOCTYPE at line 2");
    assertThat(e.getMessage()).doesNotContain(secret);
  }

  @Test
  void externalDtdAndEntityOverTheNetworkAreNeverFetched() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + listener.getLocalPort() + "/evil";
      // A parser that did fetch would connect (the listener's backlog accepts) and then wait for an
      // answer that never comes: the time bound turns that hang into a failure.
      DuisRejectedException dtd = assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> reject(VALID.replace(PROLOG, PROLOG + "<!DOCTYPE sr:Request SYSTEM \"" + url + ".dtd\">")));
      DuisRejectedException entity = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> reject(VALID.replace(PROLOG,
          PROLOG + "<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]>")));
      assertThat(dtd.reason()).isEqualTo(RejectReason.DOCTYPE_FORBIDDEN);
      assertThat(entity.reason()).isEqualTo(RejectReason.DOCTYPE_FORBIDDEN);
      listener.setSoTimeout(200);
      boolean connected;
      try (Socket accepted = listener.accept()) {
        connected = accepted.isConnected();
      } catch (SocketTimeoutException expected) {
        connected = false;
      }
      assertThat(connected).as("parser connected to %s", url).isFalse();
    }
  }

  @Test
  void billionLaughsIsRejectedWithoutExpanding() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
          .append("\">");
    }
    dtd.append("]>");
    String bomb = VALID.replace(PROLOG, PROLOG + dtd).replace("<sr:ReadFirmwareVersion/>",
        "<sr:ReadFirmwareVersion>&lol9;</sr:ReadFirmwareVersion>");
    DuisRejectedException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> reject(bomb));
    assertThat(e.reason()).isEqualTo(RejectReason.DOCTYPE_FORBIDDEN);
  }

  @Test
  void plainDoctypeIsRejectedOutright() {
    DuisRejectedException e = reject(VALID.replace(PROLOG, PROLOG + "<!DOCTYPE sr:Request>"));
    assertThat(e.reason()).isEqualTo(RejectReason.DOCTYPE_FORBIDDEN);
  }

  @Test
  void undeclaredEntityReferenceWithoutDoctypeIsRejected() {
    DuisRejectedException e = reject(VALID.replace("<sr:ReadFirmwareVersion/>",
        "<sr:ReadFirmwareVersion>&xxe;</sr:ReadFirmwareVersion>"));
    assertThat(e.reason()).isEqualTo(RejectReason.ENTITY_FORBIDDEN);
    assertThat(e.offendingValue()).isEqualTo("&\"xxe\";");
  }

  @Test
  void aDocumentRejectedMidwayLeavesTheThreadsParserUsable() throws Exception {
    for (String hostile : new String[] {VALID.substring(0, 300), VALID.replace(PROLOG, PROLOG + "<!DOCTYPE x>"),
        VALID.replace("encoding=\"UTF-8\"", "encoding=\"US-ASCII\"")}) {
      reject(hostile);
      assertThat(DuisRequestRejectionTest.PARSER.parse(Endpoint.SEND_COMMAND,
          VALID.getBytes(java.nio.charset.StandardCharsets.UTF_8)).serviceReferenceVariant()).isEqualTo("11.2");
    }
  }

  @Test
  void predefinedAndCharacterReferencesAreOrdinaryText() throws Exception {
    String escaped = VALID.replace("<sr:ReadFirmwareVersion/>",
        "<sr:ReadFirmwareVersion>&amp;&lt;&#65;<![CDATA[<x>]]></sr:ReadFirmwareVersion>");
    assertThat(DuisRequestRejectionTest.PARSER.parse(Endpoint.SEND_COMMAND,
        escaped.getBytes(java.nio.charset.StandardCharsets.UTF_8)).bodyElement()).isEqualTo("ReadFirmwareVersion");
  }
}
