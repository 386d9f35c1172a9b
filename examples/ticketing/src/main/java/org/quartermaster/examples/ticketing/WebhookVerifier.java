package org.quartermaster.examples.ticketing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Standard Webhooks signatures ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}):
 * HMAC-SHA256 over {@code id.timestamp.body} with the bytes of the {@code whsec_} secret, compared in constant
 * time; any of several space-separated {@code v1,} signatures may match (they are sent during secret rotation).
 * Messages older or newer than the tolerance (5 minutes) are refused, so a captured message cannot be replayed later;
 * within the tolerance, an id already seen is reported as a replay so the caller does nothing twice (Quartermaster
 * retries a callout with the same id).
 */
public final class WebhookVerifier {

  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  /** A valid message seen for the first time, or again. */
  public enum Verdict { FRESH, REPLAYED }

  /** A message that is not from the holder of the secret, or not from now. */
  public static final class Rejected extends Exception {
    public Rejected(String message) {
      super(message);
    }
  }

  private final byte[] key;
  private final Clock clock;
  private final Map<String, Instant> seen = new ConcurrentHashMap<>();

  public WebhookVerifier(String secret, Clock clock) {
    String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
    this.key = Base64.getDecoder().decode(encoded);
    this.clock = clock;
  }

  public Verdict verify(String id, String timestamp, String signatures, byte[] body) throws Rejected {
    if (id == null || timestamp == null || signatures == null) {
      throw new Rejected("missing webhook-id, webhook-timestamp or webhook-signature");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      throw new Rejected("webhook-timestamp is not a number of seconds");
    }
    Instant sent = Instant.ofEpochSecond(seconds);
    Instant now = clock.instant();
    if (sent.isBefore(now.minus(TOLERANCE)) || sent.isAfter(now.plus(TOLERANCE))) {
      throw new Rejected("webhook-timestamp is more than " + TOLERANCE.toMinutes() + " minutes away from now");
    }
    byte[] expected = sign(id, seconds, body);
    boolean matched = false;
    for (String candidate : signatures.trim().split(" ")) {
      if (!candidate.startsWith("v1,")) {
        continue;
      }
      byte[] given;
      try {
        given = Base64.getDecoder().decode(candidate.substring(3));
      } catch (IllegalArgumentException e) {
        continue;
      }
      matched |= MessageDigest.isEqual(expected, given);
    }
    if (!matched) {
      throw new Rejected("no webhook-signature matches: forged, or signed with another secret");
    }
    forgetOld(now);
    return seen.putIfAbsent(id, sent) == null ? Verdict.FRESH : Verdict.REPLAYED;
  }

  /** The signature the sender computes; also what tests sign with. */
  public byte[] sign(String id, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ids only need remembering while their messages would still pass the timestamp check. */
  private void forgetOld(Instant now) {
    for (Iterator<Map.Entry<String, Instant>> entries = seen.entrySet().iterator(); entries.hasNext(); ) {
      if (entries.next().getValue().isBefore(now.minus(TOLERANCE.multipliedBy(2)))) {
        entries.remove();
      }
    }
  }
}
