package io.fixfinder.app.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fixfinder.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo sites' ports from the last run. Indexed URLs carry the port, so a second run asks for
 * the same ports to keep result links working; a taken port gets a new one, and the demo crawls
 * again.
 */
final class DemoPorts {
  private DemoPorts() {}

  static Map<String, Integer> read(Path file) {
    if (!Files.exists(file)) return Map.of();
    try {
      return Json.mapper().readValue(file.toFile(), new TypeReference<Map<String, Integer>>() {});
    } catch (IOException e) {
      return Map.of();
    }
  }

  static void write(Path file, Map<String, URI> origins) throws IOException {
    Map<String, Integer> ports = new LinkedHashMap<>();
    origins.forEach((name, uri) -> ports.put(name, uri.getPort()));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Json.mapper().writeValue(file.toFile(), ports);
  }
}
