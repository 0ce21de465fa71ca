package io.fixfinder.crawler.fetch.crawler4j;

import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.fetcher.PageFetchResult;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.url.WebURL;
import java.util.Optional;

/** Fetches a sitemap through the site's own fetcher, so it obeys the same politeness and limits. */
final class SitemapFetch {
  private static final int MAX_SITEMAP_BYTES = 50 * 1024 * 1024; // the sitemaps.org limit

  private SitemapFetch() {}

  static Optional<byte[]> get(PageFetcher fetcher, String url) {
    WebURL webUrl = new WebURL();
    webUrl.setURL(url);
    PageFetchResult result = null;
    try {
      result = fetcher.fetchPage(webUrl);
      if (result.getStatusCode() != 200) return Optional.empty();
      Page page = new Page(webUrl);
      if (!result.fetchContent(page, MAX_SITEMAP_BYTES)) return Optional.empty();
      return Optional.ofNullable(page.getContentData());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    } finally {
      if (result != null) result.discardContentIfNotConsumed();
    }
  }
}
