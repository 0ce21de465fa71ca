package io.fixfinder.crawler.source;

import io.fixfinder.core.model.SourceKind;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One site to crawl, as written in a sources file. Optional numbers fall back to the {@code crawl}
 * defaults of the configuration.
 *
 * @param allow regular expressions a URL must match (one of) to be fetched; empty means "the seeds'
 *     hosts"
 * @param selectors optional per-site CSS selectors: {@code title}, {@code content}, {@code remove}
 *     (boilerplate to drop)
 * @param allowPrivateNetwork whether loopback and private addresses may be fetched (the demo and
 *     tests set it; the open web never needs it)
 * @param title the site's name for people ("FixIt Forum"), shown on results when its pages do not
 *     name themselves ({@code og:site_name} and the like win)
 */
public record SiteConfig(
    String name,
    SourceKind kind,
    List<URI> seeds,
    List<Pattern> allow,
    Map<String, String> selectors,
    Optional<Integer> maxDepth,
    Optional<Integer> maxPages,
    Optional<Integer> politenessDelayMs,
    Optional<String> userAgent,
    boolean allowPrivateNetwork,
    boolean useSitemaps,
    Optional<String> title) {

  public SiteConfig {
    Objects.requireNonNull(name, "site name");
    Objects.requireNonNull(kind, "site kind of " + name);
    seeds = List.copyOf(seeds);
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("site '" + name + "' needs at least one seed URL");
    }
    allow = List.copyOf(allow);
    selectors = Map.copyOf(selectors);
    title = Objects.requireNonNullElse(title, Optional.<String>empty()).map(String::strip);
  }

  /** A site without a title of its own. */
  public SiteConfig(
      String name,
      SourceKind kind,
      List<URI> seeds,
      List<Pattern> allow,
      Map<String, String> selectors,
      Optional<Integer> maxDepth,
      Optional<Integer> maxPages,
      Optional<Integer> politenessDelayMs,
      Optional<String> userAgent,
      boolean allowPrivateNetwork,
      boolean useSitemaps) {
    this(
        name,
        kind,
        seeds,
        allow,
        selectors,
        maxDepth,
        maxPages,
        politenessDelayMs,
        userAgent,
        allowPrivateNetwork,
        useSitemaps,
        Optional.empty());
  }

  /** The same site, named {@code t} for people. */
  public SiteConfig withTitle(String t) {
    return new SiteConfig(
        name,
        kind,
        seeds,
        allow,
        selectors,
        maxDepth,
        maxPages,
        politenessDelayMs,
        userAgent,
        allowPrivateNetwork,
        useSitemaps,
        Optional.of(t).filter(x -> !x.isBlank()));
  }

  /** A site crawled from one origin with defaults for everything else. */
  public static SiteConfig of(
      String name, SourceKind kind, URI origin, boolean allowPrivateNetwork) {
    return new SiteConfig(
        name,
        kind,
        List.of(origin.resolve("/")),
        List.of(),
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        allowPrivateNetwork,
        true);
  }

  public SiteConfig withPolitenessDelayMs(int ms) {
    return new SiteConfig(
        name,
        kind,
        seeds,
        allow,
        selectors,
        maxDepth,
        maxPages,
        Optional.of(ms),
        userAgent,
        allowPrivateNetwork,
        useSitemaps,
        title);
  }

  public SiteConfig withMaxPages(int pages) {
    return new SiteConfig(
        name,
        kind,
        seeds,
        allow,
        selectors,
        maxDepth,
        Optional.of(pages),
        politenessDelayMs,
        userAgent,
        allowPrivateNetwork,
        useSitemaps,
        title);
  }
}
