package io.fixfinder.store.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (tokens for links and cookies, ids) and the hash under which a token is stored. A
 * token has 256 random bits, so a plain SHA-256 suffices to store it: there is nothing to guess.
 */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private Tokens() {}

  /** A new token: 32 random bytes, base64url without padding (43 characters). */
  public static String newToken() {
    return random(32);
  }

  /**
   * A new helper id: 16 random bytes, base64url without padding (22 characters), never starting
   * with '-' so that an operator can pass it to {@code fixfinder helpers} as it is (a leading '-'
   * reads as an option; one id in 64 had one).
   */
  public static String newId() {
    String id;
    do {
      id = random(16);
    } while (id.charAt(0) == '-');
    return id;
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return URL.encodeToString(b);
  }

  /** The SHA-256 of {@code token} in hex: what the database holds instead of the token. */
  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  /** Whether {@code token} has the shape of one of ours (cheap refusal before a database query). */
  public static boolean plausible(String token) {
    return token != null && token.matches("[A-Za-z0-9_-]{20,64}");
  }
}
