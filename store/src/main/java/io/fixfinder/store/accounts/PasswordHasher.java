package io.fixfinder.store.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code
 * $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, unpadded standard base64), through Bouncy Castle.
 * The parameters are stored in every hash, so they can be raised later: {@link #needsRehash} tells
 * the caller to store a new hash after the next successful login. Thread-safe.
 */
public final class PasswordHasher {
  /** Cost parameters: memory in KiB, iterations, lanes. */
  public record Cost(int memoryKib, int iterations, int parallelism) {
    /** OWASP's first Argon2id recommendation: 19 MiB, 2 iterations, 1 lane. */
    public static final Cost OWASP = new Cost(19 * 1024, 2, 1);

    public Cost {
      if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1 || parallelism > 16) {
        throw new IllegalArgumentException(
            "invalid Argon2 cost m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism);
      }
    }
  }

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  // Bounds on what a stored hash may ask for: a tampered row must not make a login take forever.
  private static final int MAX_MEMORY_KIB = 1 << 20;
  private static final int MAX_ITERATIONS = 20;
  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})"
              + "\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final Cost cost;
  private final SecureRandom random = new SecureRandom();

  public PasswordHasher(Cost cost) {
    this.cost = cost;
  }

  /** A hasher with {@link Cost#OWASP}. */
  public static PasswordHasher owasp() {
    return new PasswordHasher(Cost.OWASP);
  }

  public Cost cost() {
    return cost;
  }

  /** A new PHC string for {@code password} with a fresh random salt. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] out = derive(password, salt, cost, HASH_BYTES);
    return "$argon2id$v=19$m="
        + cost.memoryKib()
        + ",t="
        + cost.iterations()
        + ",p="
        + cost.parallelism()
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(out);
  }

  /**
   * Whether {@code password} matches {@code phc}. The comparison takes the same time wherever the
   * bytes differ; a malformed or out-of-bounds hash is simply no match.
   */
  public boolean verify(String password, String phc) {
    Optional<Parsed> parsed = parse(phc);
    if (parsed.isEmpty()) return false;
    Parsed p = parsed.get();
    byte[] actual = derive(password, p.salt, p.cost, p.hash.length);
    return MessageDigest.isEqual(actual, p.hash);
  }

  /** Whether {@code phc} was made with other parameters than this hasher's (or is unreadable). */
  public boolean needsRehash(String phc) {
    return parse(phc).map(p -> !p.cost.equals(cost) || p.hash.length != HASH_BYTES).orElse(true);
  }

  /**
   * Spends the time of one verification without a stored hash: login runs it for an unknown email
   * so that the answer's timing does not tell which addresses have an account.
   */
  public void burn(String password) {
    derive(password, new byte[SALT_BYTES], cost, HASH_BYTES);
  }

  private record Parsed(Cost cost, byte[] salt, byte[] hash) {}

  private static Optional<Parsed> parse(String phc) {
    if (phc == null) return Optional.empty();
    Matcher m = PHC.matcher(phc);
    if (!m.matches()) return Optional.empty();
    try {
      int memory = Integer.parseInt(m.group(1));
      int iterations = Integer.parseInt(m.group(2));
      int parallelism = Integer.parseInt(m.group(3));
      if (memory > MAX_MEMORY_KIB || iterations > MAX_ITERATIONS) return Optional.empty();
      byte[] hash = B64D.decode(m.group(5));
      if (hash.length < 16) return Optional.empty();
      return Optional.of(
          new Parsed(new Cost(memory, iterations, parallelism), B64D.decode(m.group(4)), hash));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] derive(String password, byte[] salt, Cost cost, int length) {
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(cost.memoryKib())
            .withIterations(cost.iterations())
            .withParallelism(cost.parallelism())
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] pw = password.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[length];
    try {
      generator.generateBytes(pw, out);
    } finally {
      Arrays.fill(pw, (byte) 0);
    }
    return out;
  }
}
