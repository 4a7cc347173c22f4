package io.smsim.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ECDSA P-256 with SHA-256, the signature of every signed DUIS document, per provider: the JDK's
 * SunEC against Bouncy Castle's, which {@code io.smsim.duis.xmldsig.Ecdsa} hands the XML signature
 * API. The message is 600 bytes, about the size of a DUIS request's canonical SignedInfo (what the
 * signature covers). Verification is what {@code smsim serve --trust} does per request; signing what
 * {@code smsim load --sign-key} and {@code serve --sign-key} do per document.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar EcdsaBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EcdsaBenchmark {

  @Param({"SunEC", "BC"})
  String provider;

  private Provider theProvider;
  private KeyPair keys;
  private final byte[] message = new byte[600];
  private byte[] signature;

  @Setup
  public void setUp() throws Exception {
    theProvider = "BC".equals(provider) ? new BouncyCastleProvider() : Signature.getInstance("SHA256withECDSA").getProvider();
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom(new byte[] {1}));
    keys = g.generateKeyPair();
    new SecureRandom(new byte[] {2}).nextBytes(message);
    signature = sign();
  }

  @Benchmark
  public boolean verify() throws Exception {
    Signature s = Signature.getInstance("SHA256withECDSA", theProvider);
    s.initVerify(keys.getPublic());
    s.update(message);
    return s.verify(signature);
  }

  @Benchmark
  public byte[] sign() throws Exception {
    Signature s = Signature.getInstance("SHA256withECDSA", theProvider);
    s.initSign(keys.getPrivate());
    s.update(message);
    return s.sign();
  }
}
