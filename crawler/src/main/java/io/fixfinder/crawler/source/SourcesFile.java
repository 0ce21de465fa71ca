package io.fixfinder.crawler.source;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fixfinder.core.config.ConfigException;
import io.fixfinder.core.model.SourceKind;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a sources file (YAML, see {@code config/sources.example.yaml}) into {@link SiteConfig}s,
 * with errors that name the site and the bad value.
 */
public final class SourcesFile {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The file's shape, before validation. */
  record RawSite(
      String name,
      String kind,
      List<String> seeds,
      List<String> allow,
      Map<String, String> selectors,
      Integer maxDepth,
      Integer maxPages,
      Integer politenessDelayMs,
      String userAgent,
      Boolean allowPrivateNetwork,
      Boolean sitemaps,
      String title) {}

  record RawFile(List<RawSite> sites) {}

  private SourcesFile() {}

  public static List<SiteConfig> read(Path file) {
    RawFile raw;
    try {
      raw = YAML.readValue(file.toFile(), RawFile.class);
    } catch (IOException e) {
      throw new ConfigException("cannot read sources file " + file + ": " + e.getMessage(), e);
    }
    if (raw == null || raw.sites() == null || raw.sites().isEmpty()) {
      throw new ConfigException("sources file " + file + " lists no sites");
    }
    List<SiteConfig> sites = new ArrayList<>();
    for (RawSite site : raw.sites()) {
      sites.add(bind(site));
    }
    return sites;
  }

  private static SiteConfig bind(RawSite raw) {
    String name = Objects.requireNonNullElse(raw.name(), "").trim();
    if (name.isEmpty()) throw new ConfigException("every site needs a name");
    if (raw.kind() == null) throw new ConfigException("site '" + name + "' needs a kind");
    SourceKind kind;
    try {
      kind = SourceKind.parse(raw.kind());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("site '" + name + "': " + e.getMessage());
    }
    List<URI> seeds = new ArrayList<>();
    for (String seed : Objects.requireNonNullElse(raw.seeds(), List.<String>of())) {
      try {
        URI uri = new URI(seed.trim());
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
          throw new ConfigException("site '" + name + "': seed must be http(s): " + seed);
        }
        seeds.add(uri);
      } catch (URISyntaxException e) {
        throw new ConfigException("site '" + name + "': bad seed URL '" + seed + "'");
      }
    }
    if (seeds.isEmpty()) throw new ConfigException("site '" + name + "' needs at least one seed");
    List<Pattern> allow = new ArrayList<>();
    for (String regex : Objects.requireNonNullElse(raw.allow(), List.<String>of())) {
      try {
        allow.add(Pattern.compile(regex));
      } catch (PatternSyntaxException e) {
        throw new ConfigException("site '" + name + "': bad allow pattern '" + regex + "'");
      }
    }
    return new SiteConfig(
        name,
        kind,
        seeds,
        allow,
        Objects.requireNonNullElse(raw.selectors(), Map.of()),
        Optional.ofNullable(raw.maxDepth()),
        Optional.ofNullable(raw.maxPages()),
        Optional.ofNullable(raw.politenessDelayMs()),
        Optional.ofNullable(raw.userAgent()),
        Boolean.TRUE.equals(raw.allowPrivateNetwork()),
        !Boolean.FALSE.equals(raw.sitemaps()),
        Optional.ofNullable(raw.title()).map(String::strip).filter(t -> !t.isEmpty()));
  }
}
