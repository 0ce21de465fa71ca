package io.fixfinder.store.crypto;

import io.fixfinder.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Where the installation's 256-bit master key comes from: {@code FIXFINDER_SECRET_KEY} (base64 of
 * 32 bytes) when set, else {@code secret.key} in the data directory, created with mode 0600 on
 * first start. The key is never logged; errors name the source, not the value.
 */
public final class SecretKeys {
  /** The environment variable that overrides the key file (several API processes share it). */
  public static final String ENV = "FIXFINDER_SECRET_KEY";

  /** The key file's name under the data directory. */
  public static final String FILE = "secret.key";

  private static final int KEY_BYTES = 32;

  private SecretKeys() {}

  /** The master key for this installation, from the environment or the data directory's file. */
  public static SecretBox load(Path dataDir) {
    return load(System.getenv(), dataDir);
  }

  static SecretBox load(Map<String, String> env, Path dataDir) {
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new SecretBox(decode(fromEnv.strip(), ENV));
    }
    Path file = dataDir.resolve(FILE);
    try {
      if (!Files.exists(file)) create(file);
      return new SecretBox(decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file));
    } catch (IOException e) {
      throw new StoreException("cannot read or create the key file " + file + ": " + e, null);
    }
  }

  /** A fresh key as base64, for an operator who sets {@link #ENV} (and for tests). */
  public static String newKeyBase64() {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] text = newKeyBase64().getBytes(StandardCharsets.US_ASCII);
    try {
      // created with 0600 where the file system has POSIX permissions: never readable by others,
      // not even for the moment between creation and a chmod
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
      Files.write(file, text, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      // another process created it first: use theirs
    }
  }

  private static byte[] decode(String base64, Object source) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new StoreException("the secret key in " + source + " is not base64", null);
    }
    if (key.length != KEY_BYTES) {
      throw new StoreException(
          "the secret key in " + source + " must be " + KEY_BYTES + " bytes, got " + key.length,
          null);
    }
    return key;
  }
}
