package io.smsim.bench;

import io.smsim.duis.DuisRequestBuilder;
import io.smsim.duis.RequestId;
import io.smsim.duis.xmldsig.DuisSigner;
import io.smsim.duis.xmldsig.SigningCredential;
import io.smsim.model.DeviceRegistry;
import io.smsim.model.Region;
import io.smsim.model.SrvCatalogue;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes N DUIS 4.1.1 requests, each signed with a Service User's key, for {@code
 * benchmarks/live/duis-post-signed.lua}: the same reads {@code duis-post.lua} sends (rotating over
 * 100 generated devices of each region), so that {@code smsim serve} can be measured with
 * signature verification on ({@code --trust}) and off on identical traffic. Requests are separated
 * by a line holding only {@code %%}. Counters run from FIRST (default 1,000,001) up: serve refuses a
 * RequestID it has seen, so files for runs against one server need ranges of their own.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.smsim.bench.SignedRequests KEY CERT N OUT [FIRST]}.
 */
public final class SignedRequests {

  private SignedRequests() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 4 && args.length != 5) {
      System.err.println("usage: SignedRequests KEY CERT N OUT [FIRST]");
      System.exit(2);
    }
    SigningCredential credential = SigningCredential.load(Path.of(args[0]), Path.of(args[1]));
    long originator = credential.eui64().orElseThrow(() -> new IllegalArgumentException("certificate names no EUI-64"));
    int n = Integer.parseInt(args[2]);
    long first = args.length == 5 ? Long.parseLong(args[4]) : 1_000_001L;
    DuisSigner signer = DuisSigner.create(credential);
    SrvCatalogue catalogue = SrvCatalogue.standard();
    DuisRequestBuilder builder = DuisRequestBuilder.create(catalogue);
    byte[] separator = "\n%%\n".getBytes(StandardCharsets.US_ASCII);
    long t0 = System.nanoTime();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[3])), 1 << 20)) {
      for (int i = 1; i <= n; i++) {
        Region region = Region.values()[i % 3];
        long target = DeviceRegistry.generated(region, i % 100);
        out.write(signer.sign(builder.build(catalogue.find("4.1.1").orElseThrow(), new RequestId(originator, target,
            first + i - 1))));
        out.write(separator);
      }
    }
    System.err.printf("%d signed requests in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
  }
}
