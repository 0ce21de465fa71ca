package io.fixfinder.crawler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.config.ConfigException;
import io.fixfinder.core.model.SourceKind;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourcesFileTest {
  @TempDir Path dir;

  @Test
  void theDocumentedExampleParses() {
    List<SiteConfig> sites =
        SourcesFile.read(
            Path.of(System.getProperty("user.dir"), "..", "config", "sources.example.yaml"));
    assertThat(sites).hasSize(2);
    SiteConfig forum = sites.getFirst();
    assertThat(forum.kind()).isEqualTo(SourceKind.FORUM);
    assertThat(forum.seeds())
        .containsExactly(URI.create("https://forum.example.org/c/appliances/"));
    assertThat(forum.selectors()).containsEntry("post", ".topic-post");
    assertThat(forum.maxPages()).contains(2000);
    assertThat(forum.politenessDelayMs()).contains(1000);
    assertThat(forum.allowPrivateNetwork()).isFalse();
    assertThat(sites.get(1).maxDepth()).contains(4);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sites: []| lists no sites",
        "sites: [{name: a, kind: forum}]| needs at least one seed",
        "sites: [{name: a, kind: blog, seeds: ['https://a/']}]| unknown source kind 'blog'",
        "sites: [{name: a, kind: forum, seeds: ['ftp://a/']}]| seed must be http(s)",
        "sites: [{name: a, kind: forum, seeds: ['https://a/'], allow: ['(']}]| bad allow pattern '('",
        "sites: [{name: a, kind: forum, seeds: ['https://a/'], colour: red}]| colour",
      })
  void badFilesSayWhatIsWrong(String yaml, String message) throws Exception {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, yaml);
    assertThatThrownBy(() -> SourcesFile.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }
}
