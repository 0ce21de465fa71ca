package io.fixfinder.store.crypto;

import io.fixfinder.store.StoreException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals short texts (email addresses, phone numbers) with AES-256-GCM under a key derived from the
 * master key. A sealed value is {@code v1.} + base64(nonce || ciphertext || tag); the associated
 * data binds it to its place (say {@code "helper.email:" + id}), so a value copied to another row
 * or column fails to open. Thread-safe.
 */
public final class SecretBox {
  private static final String VERSION = "v1.";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec encryptionKey;
  private final SecretKeySpec indexKey;
  private final SecureRandom random = new SecureRandom();

  /** A box over a 32-byte master key; the encryption and index keys are derived from it. */
  public SecretBox(byte[] masterKey) {
    if (masterKey.length != 32) {
      throw new IllegalArgumentException("the master key must be 32 bytes");
    }
    this.encryptionKey = new SecretKeySpec(derive(masterKey, "fixfinder aes-gcm v1"), "AES");
    this.indexKey = new SecretKeySpec(derive(masterKey, "fixfinder blind index v1"), "HmacSHA256");
  }

  /** The sealed form of {@code plain}, bound to {@code context}. */
  public String seal(String plain, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return VERSION + Base64.getEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is required by every JDK", e);
    }
  }

  /**
   * The text sealed by {@link #seal} with the same {@code context}.
   *
   * @throws StoreException when the value was altered, sealed for another context or under another
   *     key (the message never carries the value)
   */
  public String open(String sealed, String context) {
    if (sealed == null || !sealed.startsWith(VERSION)) {
      throw new StoreException("a sealed value has an unknown format", null);
    }
    byte[] all;
    try {
      all = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
    } catch (IllegalArgumentException e) {
      throw new StoreException("a sealed value is not base64", null);
    }
    if (all.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new StoreException("a sealed value is too short", null);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          encryptionKey,
          new GCMParameterSpec(TAG_BITS, Arrays.copyOf(all, NONCE_BYTES)));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new StoreException(
          "a sealed value does not open with this key (altered, moved, or another key)", null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is required by every JDK", e);
    }
  }

  /**
   * A keyed hash (HMAC-SHA-256, hex) of {@code value} within {@code purpose}: equal inputs give
   * equal outputs, so a column of these finds a row by exact value, but without the key it cannot
   * be reversed or checked against a list of guesses. Normalise the value first (say, lower-case an
   * email address).
   */
  public String blindIndex(String purpose, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(indexKey);
      mac.update(purpose.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is required by every JDK", e);
    }
  }

  private static byte[] derive(byte[] master, String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(master, "HmacSHA256"));
      return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is required by every JDK", e);
    }
  }
}
