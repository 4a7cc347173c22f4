package io.smsim.live;

import io.smsim.duis.DuisRequest;
import io.smsim.duis.GbcsPreCommand;
import io.smsim.duis.GbcsUseCases;
import io.smsim.duis.RequestId;
import io.smsim.model.DccBoxedDevices;
import io.smsim.model.Srv;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * DUIS's Transform Service and the check of what comes back from it: a critical request (command
 * variant 4) becomes a GBCS pre-command ({@link GbcsPreCommand}) that the DSP remembers by RequestID;
 * a signed pre-command (command variants 5 to 7) is let through only when it carries, byte for byte,
 * a pre-command issued for the same RequestID and SRV, followed by a 64-byte signature. Each issued
 * pre-command is used once.
 *
 * <p>Bounded: at most {@code maxIssued} pre-commands await their signed return, each for at most
 * {@code ttlNanos}; when the table is full of live entries a new transform is refused (the caller
 * sheds it) rather than an old one dropped. Thread-safe: the DSP's event loops share it.
 */
final class TransformService {

  /** The GBCS version written in {@code PreCommand/GBCSVersion}: the version DUIS schema 5.1 is aligned with. */
  static final String GBCS_VERSION = "4.1";
  static final int DEFAULT_MAX_ISSUED = 100_000;
  static final long DEFAULT_TTL_NANOS = TimeUnit.HOURS.toNanos(1);

  private record Issued(String srv, byte[] preCommand, long expiresNanos) {
  }

  /** Why a signed pre-command was refused. */
  enum Refusal { NO_TRANSFORM, ALTERED }

  private final GbcsUseCases useCases = GbcsUseCases.standard();
  private final Map<RequestId, Issued> issued = new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();
  private final int maxIssued;
  private final long ttlNanos;
  private final LongSupplier nanoTime;

  TransformService(int maxIssued, long ttlNanos, LongSupplier nanoTime) {
    if (maxIssued < 1) {
      throw new IllegalArgumentException("maxIssued must be positive: " + maxIssued);
    }
    if (ttlNanos <= 0) {
      throw new IllegalArgumentException("ttlNanos must be positive: " + ttlNanos);
    }
    this.maxIssued = maxIssued;
    this.ttlNanos = ttlNanos;
    this.nanoTime = nanoTime;
  }

  static TransformService withDefaults() {
    return new TransformService(DEFAULT_MAX_ISSUED, DEFAULT_TTL_NANOS, System::nanoTime);
  }

  /**
   * The pre-command for critical request {@code request} (base64), remembered for its signed return;
   * empty when the table is full.
   */
  Optional<String> transform(DuisRequest request, Srv srv, Instant now) {
    int messageCode = useCases.find(srv.variant(), DccBoxedDevices.typeOf(request.requestId().target()))
        .orElseThrow(() -> new IllegalStateException("no GBCS use case for critical SRV " + srv.variant()))
        .messageCode();
    byte[] preCommand = GbcsPreCommand.forRequest(request, messageCode, now).encode();
    long nowNanos = nanoTime.getAsLong();
    if (size.get() >= maxIssued) {
      purgeExpired(nowNanos);
    }
    Issued entry = new Issued(srv.variant(), preCommand, nowNanos + ttlNanos);
    Issued previous = issued.get(request.requestId());
    if (previous == null) {
      if (size.incrementAndGet() > maxIssued) {
        size.decrementAndGet();
        return Optional.empty();
      }
      if (issued.putIfAbsent(request.requestId(), entry) != null) {
        size.decrementAndGet();
        issued.put(request.requestId(), entry);
      }
    } else {
      issued.put(request.requestId(), entry); // the user asked again: the latest pre-command counts
    }
    return Optional.of(Base64.getEncoder().encodeToString(preCommand));
  }

  /** Why {@code request}'s signed pre-command is refused, or empty when it is the one issued (which is then used up). */
  Optional<Refusal> redeem(DuisRequest request) {
    Issued entry = issued.get(request.requestId());
    if (entry == null || !entry.srv().equals(request.serviceReferenceVariant())
        || nanoTime.getAsLong() - entry.expiresNanos() > 0) {
      return Optional.of(Refusal.NO_TRANSFORM);
    }
    byte[] signed;
    try {
      signed = Base64.getMimeDecoder().decode(request.signedPreCommand());
    } catch (IllegalArgumentException e) {
      return Optional.of(Refusal.ALTERED);
    }
    if (GbcsPreCommand.signatureOf(signed, entry.preCommand()).isEmpty()) {
      return Optional.of(Refusal.ALTERED);
    }
    if (!issued.remove(request.requestId(), entry)) {
      return Optional.of(Refusal.NO_TRANSFORM); // redeemed by a concurrent duplicate
    }
    size.decrementAndGet();
    return Optional.empty();
  }

  /** Pre-commands issued and not yet redeemed or expired. */
  int outstanding() {
    return size.get();
  }

  private void purgeExpired(long nowNanos) {
    for (Iterator<Map.Entry<RequestId, Issued>> it = issued.entrySet().iterator(); it.hasNext();) {
      Map.Entry<RequestId, Issued> e = it.next();
      if (nowNanos - e.getValue().expiresNanos() > 0 && issued.remove(e.getKey(), e.getValue())) {
        size.decrementAndGet();
      }
    }
  }
}
