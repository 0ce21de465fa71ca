package io.fixfinder.crawler.youtube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * API responses on disk, keyed by the request, so that no query is paid for twice. Files are
 * written aside and moved into place, so a killed process never leaves half a response.
 */
final class ResponseCache {
  private final Path dir;

  ResponseCache(Path dir) {
    this.dir = dir;
  }

  Optional<String> get(String key) {
    Path file = file(key);
    try {
      return Files.exists(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  void put(String key, String json) {
    try {
      Files.createDirectories(dir);
      Path file = file(key);
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, json, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write YouTube cache in " + dir, e);
    }
  }

  private Path file(String key) {
    return dir.resolve(io.fixfinder.core.model.SourceDoc.idFor(key) + ".json");
  }
}
