package io.fixfinder.crawler.fetch;

import io.fixfinder.crawler.source.SiteConfig;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A page as fetched, before parsing. {@code parsedHtml} is present when the fetcher already parsed
 * the HTML (to find links) so extraction need not parse it twice.
 */
public record FetchedPage(
    SiteConfig site,
    URI url,
    int status,
    String contentType,
    byte[] body,
    Map<String, String> headers,
    Instant fetchedAt,
    Optional<org.jsoup.nodes.Document> parsedHtml) {

  public boolean isHtml() {
    String ct = contentType.toLowerCase(java.util.Locale.ROOT);
    return ct.contains("html");
  }

  public boolean isPdf() {
    return contentType.toLowerCase(java.util.Locale.ROOT).contains("application/pdf");
  }
}
