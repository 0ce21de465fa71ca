package io.fixfinder.crawler.source;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads sitemaps and sitemap indexes (crawler-commons) into URLs with their {@code lastmod}.
 * Bounded: at most {@value #MAX_SITEMAPS} sitemap files and {@value #MAX_URLS} URLs, so a hostile
 * index cannot make the crawler chase sitemaps forever.
 */
public final class SitemapReader {
  private static final Logger log = LoggerFactory.getLogger(SitemapReader.class);
  static final int MAX_SITEMAPS = 200;
  static final int MAX_URLS = 200_000;

  /** A page listed in a sitemap. */
  public record Entry(URI url, Optional<Instant> lastModified) {}

  /** Fetches a sitemap's bytes; empty when it cannot be had. */
  @FunctionalInterface
  public interface Fetch {
    Optional<byte[]> get(String url);
  }

  private final Fetch fetch;

  public SitemapReader(Fetch fetch) {
    this.fetch = fetch;
  }

  public List<Entry> read(List<String> sitemapUrls) {
    SiteMapParser parser = new SiteMapParser(false);
    Deque<String> queue = new ArrayDeque<>(sitemapUrls);
    Set<String> seen = new HashSet<>();
    List<Entry> entries = new ArrayList<>();
    while (!queue.isEmpty() && seen.size() < MAX_SITEMAPS && entries.size() < MAX_URLS) {
      String location = queue.poll();
      if (!seen.add(location)) continue;
      Optional<byte[]> content = fetch.get(location);
      if (content.isEmpty()) continue;
      try {
        AbstractSiteMap sitemap = parser.parseSiteMap(content.get(), new URL(location));
        if (sitemap instanceof SiteMapIndex index) {
          for (AbstractSiteMap child : index.getSitemaps()) queue.add(child.getUrl().toString());
        } else if (sitemap instanceof SiteMap map) {
          for (SiteMapURL url : map.getSiteMapUrls()) {
            if (entries.size() >= MAX_URLS) break;
            entries.add(
                new Entry(
                    url.getUrl().toURI(),
                    Optional.ofNullable(url.getLastModified()).map(java.util.Date::toInstant)));
          }
        }
      } catch (Exception e) {
        log.info("sitemap {} skipped: {}", location, e.toString());
      }
    }
    return entries;
  }
}
