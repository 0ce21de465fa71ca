package io.fixfinder.store.contact;

import io.fixfinder.core.io.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Ids and capabilities. A capability is {@code <request id>.<secret>}: the id finds the row, the
 * secret (256 random bits) proves the holder is the customer. Only SHA-256 of the secret is stored
 * and compared in constant time, so neither a copy of the database nor the timing of a guess helps
 * to forge one (a fast hash is enough for a secret this long: there is nothing to brute-force).
 */
final class Capabilities {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Capabilities() {}

  /** A fresh random id: 128 bits as 32 hex digits. */
  static String newId() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A fresh secret: 256 bits, URL-safe base64 without padding. */
  static String newSecret() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String token(String requestId, String secret) {
    return requestId + "." + secret;
  }

  static String hash(String secret) {
    return Hashes.sha256Hex(secret);
  }

  /** The two parts of a well-formed capability. */
  record Parsed(String requestId, String secret) {}

  static Optional<Parsed> parse(String token) {
    int dot = token.indexOf('.');
    if (dot != 32 || token.length() != 32 + 1 + 43) return Optional.empty();
    String id = token.substring(0, dot);
    if (!id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return Optional.empty();
    }
    return Optional.of(new Parsed(id, token.substring(dot + 1)));
  }

  /**
   * Whether {@code secret} hashes to {@code storedHash}, in time independent of where they differ.
   */
  static boolean matches(String secret, String storedHash) {
    return MessageDigest.isEqual(
        hash(secret).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
