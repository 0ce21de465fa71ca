package io.fixfinder.opensearch.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.config.FixFinderConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenSearchSettingsTest {
  static final List<URI> NODE = List.of(URI.create("http://os1:9200"));

  @Test
  void credentialsComeFromTheEnvironmentAndAreNeverPrinted() {
    OpenSearchSettings s =
        OpenSearchSettings.of(
            NODE,
            Map.of(
                OpenSearchSettings.USER_ENV, "ff",
                OpenSearchSettings.PASSWORD_ENV, "hunter2"));
    assertThat(s.user()).contains("ff");
    assertThat(s.password()).contains("hunter2");
    assertThat(s.toString()).doesNotContain("hunter2").doesNotContain("ff\"").contains("(set)");
    assertThat(s.where()).doesNotContain("hunter2");
  }

  @Test
  void withoutCredentialsNoAuthentication() {
    OpenSearchSettings s = OpenSearchSettings.of(NODE, Map.of());
    assertThat(s.user()).isEmpty();
    assertThat(s.alias()).isEqualTo("fixfinder");
    assertThat(s.shards()).isEqualTo(1);
  }

  @Test
  void badSettingsNameTheValue() {
    assertThatThrownBy(() -> OpenSearchSettings.of(List.of(URI.create("ftp://x")), Map.of()))
        .hasMessageContaining("not an http(s) address: ftp://x");
    assertThatThrownBy(() -> OpenSearchSettings.of(NODE, Map.of()).withAlias("Fix Finder"))
        .hasMessageContaining("Fix Finder");
  }

  @Test
  void theSiteConfigGivesNodesAndLayout() {
    OpenSearchSettings s =
        OpenSearchSettings.of(
            new FixFinderConfig.OpenSearch(List.of("http://os1:9200", "https://os2:9201"), 3, 2),
            Map.of(OpenSearchSettings.USER_ENV, "ff"));
    assertThat(s.urls())
        .containsExactly(URI.create("http://os1:9200"), URI.create("https://os2:9201"));
    assertThat(s.shards()).isEqualTo(3);
    assertThat(s.replicas()).isEqualTo(2);
    assertThat(s.alias()).isEqualTo(OpenSearchSettings.DEFAULT_ALIAS);
    assertThat(s.user()).contains("ff");
  }
}
