package io.fixfinder.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.json.Json;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The SBOM built with the jar lists what ships, at the versions the build pins. */
class SbomIT {
  @Test
  void theSbomListsThePinnedVersionsAndNoBannedLibraries() throws Exception {
    JsonNode bom = Json.mapper().readTree(Path.of("target", "fixfinder-sbom.json").toFile());
    assertThat(bom.get("bomFormat").asText()).isEqualTo("CycloneDX");
    Map<String, String> versions = new HashMap<>();
    bom.get("components")
        .forEach(
            c ->
                versions.put(
                    c.get("group").asText() + ":" + c.get("name").asText(),
                    c.get("version").asText()));
    assertThat(versions.get("org.jsoup:jsoup")).isEqualTo("1.24.1");
    assertThat(versions.get("org.eclipse.jetty:jetty-server")).startsWith("12.1.");
    // One Jetty: every module of every Jetty group (core, ee, ee10, websocket) at one version.
    Map<String, String> jetty = new TreeMap<>(versions);
    jetty.keySet().removeIf(k -> !k.startsWith("org.eclipse.jetty"));
    assertThat(jetty).hasSizeGreaterThan(10);
    assertThat(jetty)
        .allSatisfy(
            (artifact, version) ->
                assertThat(version)
                    .as(artifact)
                    .isEqualTo(versions.get("org.eclipse.jetty:jetty-server")));
    assertThat(versions.get("org.apache.httpcomponents:httpclient")).isEqualTo("4.5.14");
    assertThat(versions.keySet())
        .noneMatch(k -> k.startsWith("org.apache.tika:") || k.startsWith("ch.qos.logback:"));
  }
}
