package io.fixfinder.core.thumbs;

import io.fixfinder.core.io.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Thumbnails on disk, one file per image named by the SHA-256 of its bytes: writing the same image
 * twice writes it once, and a name cannot be chosen by whoever sent the bytes. Safe for several
 * processes (a crawl writing, servers reading): files appear by atomic rename, whole or not at all.
 */
public final class ThumbnailStore {
  /** The largest image kept: a video thumbnail is some 10-40 KB; anything far larger is not one. */
  public static final int MAX_BYTES = 256 * 1024;

  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

  /** The image types kept, each recognised by its first bytes (never by a header or a name). */
  public enum Type {
    JPEG("image/jpeg"),
    PNG("image/png"),
    GIF("image/gif"),
    WEBP("image/webp");

    private final String mediaType;

    Type(String mediaType) {
      this.mediaType = mediaType;
    }

    public String mediaType() {
      return mediaType;
    }
  }

  /** An image read back: its verified type and bytes. */
  public record Image(Type type, byte[] bytes) {}

  /** Why an image was not kept (a counted outcome of the crawl, not an error). */
  public sealed interface Put {
    record Stored(String key) implements Put {}

    record Refused(String reason) implements Put {}
  }

  private final Path dir;

  public ThumbnailStore(Path dir) {
    this.dir = dir;
  }

  /** Whether {@code key} is shaped as a key of this store (a SHA-256 in lower-case hex). */
  public static boolean isKey(String key) {
    return KEY.matcher(key).matches();
  }

  /** The type the bytes are, by their signature; empty when they are no image type we keep. */
  public static Optional<Type> sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
      return Optional.of(Type.JPEG);
    }
    if (starts(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
      return Optional.of(Type.PNG);
    }
    if (starts(b, "GIF87a".getBytes()) || starts(b, "GIF89a".getBytes())) {
      return Optional.of(Type.GIF);
    }
    if (b.length >= 12
        && starts(b, "RIFF".getBytes())
        && Arrays.equals(b, 8, 12, "WEBP".getBytes(), 0, 4)) {
      return Optional.of(Type.WEBP);
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] b, byte[] prefix) {
    return b.length >= prefix.length
        && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** Keeps an image: refused when it is empty, too large or not a kept image type. */
  public Put put(byte[] bytes) throws IOException {
    if (bytes.length == 0) return new Put.Refused("empty");
    if (bytes.length > MAX_BYTES) return new Put.Refused("larger than " + MAX_BYTES + " bytes");
    if (sniff(bytes).isEmpty()) return new Put.Refused("not an image type we keep");
    String key = Hashes.sha256Hex(bytes);
    Path target = dir.resolve(key);
    if (Files.exists(target)) return new Put.Stored(key);
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, key, ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    return new Put.Stored(key);
  }

  /**
   * The image stored under {@code key}; empty for a malformed or unknown key, and for a file whose
   * bytes are no longer a kept image (never served with a type we did not verify).
   */
  public Optional<Image> get(String key) throws IOException {
    if (!isKey(key)) return Optional.empty();
    byte[] bytes;
    try (InputStream in = Files.newInputStream(dir.resolve(key))) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (bytes.length > MAX_BYTES) return Optional.empty();
    return sniff(bytes).map(t -> new Image(t, bytes));
  }
}
