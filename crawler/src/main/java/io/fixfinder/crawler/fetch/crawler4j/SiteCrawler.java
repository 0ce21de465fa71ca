package io.fixfinder.crawler.fetch.crawler4j;

import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.url.WebURL;
import io.fixfinder.core.io.Hashes;
import io.fixfinder.crawler.fetch.FetchedPage;
import io.fixfinder.crawler.fetch.PageHandler;
import io.fixfinder.crawler.filter.UrlFilter;
import io.fixfinder.crawler.filter.UrlVerdict;
import io.fixfinder.crawler.run.CrawlCounters;
import io.fixfinder.crawler.run.CrawlCounters.Outcome;
import io.fixfinder.crawler.run.PageOutcome;
import io.fixfinder.crawler.source.SiteConfig;
import io.fixfinder.crawler.state.FetchState;
import io.fixfinder.crawler.state.FetchStateStore;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.http.Header;

/** The crawler4j worker for one site: filters links, counts outcomes, hands pages on. */
final class SiteCrawler extends WebCrawler {
  private final SiteConfig site;
  private final UrlFilter filter;
  private final PageHandler handler;
  private final CrawlCounters counters;

  private final FetchStateStore states;
  private final String runId;
  private final java.util.concurrent.ConcurrentMap<String, Integer> redirectHops;
  private final int maxRedirects;

  SiteCrawler(
      SiteConfig site,
      UrlFilter filter,
      PageHandler handler,
      CrawlCounters counters,
      FetchStateStore states,
      String runId,
      java.util.concurrent.ConcurrentMap<String, Integer> redirectHops,
      int maxRedirects) {
    this.redirectHops = redirectHops;
    this.maxRedirects = maxRedirects;
    this.site = site;
    this.filter = filter;
    this.handler = handler;
    this.counters = counters;
    this.states = states;
    this.runId = runId;
  }

  /**
   * crawler4j follows a redirect by queueing its target at the same depth, so a chain of distinct
   * URLs is bounded only by the page budget; we count hops per target and stop at the limit.
   */
  @Override
  protected void onRedirectedStatusCode(Page page) {
    if (page.getRedirectedToUrl() == null) return;
    int hops = redirectHops.getOrDefault(page.getWebURL().getURL(), 0) + 1;
    redirectHops.merge(page.getRedirectedToUrl(), hops, Math::max);
  }

  @Override
  public boolean shouldVisit(Page referringPage, WebURL url) {
    if (redirectHops.getOrDefault(url.getURL(), 0) > maxRedirects) {
      counters.countUrlOnce(Outcome.FILTERED, "too many redirects", url.getURL());
      return false;
    }
    UrlVerdict verdict = check(url.getURL());
    if (verdict instanceof UrlVerdict.Reject reject) {
      counters.countUrlOnce(Outcome.FILTERED, reject.reason(), url.getURL());
      return false;
    }
    return true;
  }

  UrlVerdict check(String url) {
    try {
      return filter.check(new URI(url));
    } catch (Exception e) {
      return UrlVerdict.reject("malformed URL");
    }
  }

  @Override
  public void visit(Page page) {
    URI url = URI.create(page.getWebURL().getURL());
    Optional<org.jsoup.nodes.Document> doc =
        page.getParseData() instanceof JsoupParser.Parsed parsed
            ? parsed.document()
            : Optional.empty();
    Map<String, String> headers = new LinkedHashMap<>();
    if (page.getFetchResponseHeaders() != null) {
      for (Header h : page.getFetchResponseHeaders()) {
        headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
      }
    }
    if (page.isTruncated()) {
      counters.count(Outcome.TOO_LARGE, "truncated at max content length");
      return;
    }
    counters.count(Outcome.FETCHED);
    if (!isPdf(page.getContentType()) && looksBinary(page.getContentData())) {
      counters.count(Outcome.UNSUPPORTED_TYPE, "binary content served as text");
      counters.page(new PageOutcome.NoContent("binary content served as text"));
      return;
    }
    String hash = Hashes.sha256Hex(page.getContentData());
    String key = page.getWebURL().getURL();
    Optional<FetchState> before = states.get(key);
    FetchState after =
        new FetchState(
            key,
            headers.get("etag"),
            headers.get("last-modified"),
            hash,
            System.currentTimeMillis(),
            runId);
    if (before.isPresent() && before.get().contentHash().equals(hash)) {
      // Same bytes as last time (a server without validators): nothing to extract again.
      counters.count(Outcome.NOT_MODIFIED, "unchanged content");
      counters.page(new PageOutcome.Unchanged());
      states.put(after);
      return;
    }
    FetchedPage fetched =
        new FetchedPage(
            site,
            url,
            page.getStatusCode(),
            page.getContentType() == null ? "" : page.getContentType(),
            page.getContentData(),
            headers,
            Instant.now(),
            doc);
    try {
      long start = System.nanoTime();
      PageOutcome outcome = handler.page(fetched, runId);
      long end = System.nanoTime();
      counters.time("extract", end - start);
      counters.pageAt(end);
      counters.page(outcome);
      states.put(after);
    } catch (RuntimeException e) {
      // The handler reports unreadable pages itself; what escapes it (a store that cannot write)
      // is still one page's error and must not stop the crawl.
      logger.warn("page not handled {}: {}", url, e.toString());
      counters.page(new PageOutcome.Error("not stored: " + e.getClass().getSimpleName()));
    }
  }

  @Override
  protected void handlePageStatusCode(WebURL url, int status, String description) {
    if (status == 304) {
      counters.count(Outcome.NOT_MODIFIED);
      states
          .get(url.getURL())
          .ifPresent(s -> states.put(s.confirmedIn(runId, System.currentTimeMillis())));
    } else if (status == 404 || status == 410) {
      counters.count(Outcome.GONE, "http " + status);
      handler.gone(URI.create(url.getURL()), status);
      states.forget(url.getURL());
    }
  }

  @Override
  protected void onUnexpectedStatusCode(
      String url, int status, String contentType, String description) {
    if (status != 404 && status != 410 && status != 304) {
      counters.count(Outcome.FAILED, "http " + status);
    }
  }

  @Override
  protected void onPageBiggerThanMaxSize(String url, long pageSize) {
    counters.count(Outcome.TOO_LARGE, "over max content length");
  }

  @Override
  protected void onContentFetchError(Page page) {
    counters.count(Outcome.FAILED, "content fetch error");
  }

  @Override
  protected void onContentFetchError(WebURL url) {
    counters.count(Outcome.FAILED, "content fetch error");
  }

  @Override
  protected void onUnhandledException(WebURL url, Throwable e) {
    String reason = e.getClass().getSimpleName();
    counters.count(
        Outcome.FAILED, reason.isEmpty() ? "exception" : reason.toLowerCase(Locale.ROOT));
    logger.info("fetch of {} failed: {}", url == null ? "?" : url.getURL(), e.toString());
  }

  @Override
  protected void onParseError(WebURL url) {
    counters.count(Outcome.UNSUPPORTED_TYPE);
  }

  private static boolean isPdf(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("pdf");
  }

  /** Text has almost no control bytes; random or binary data has many (and usually NULs). */
  static boolean looksBinary(byte[] body) {
    if (body == null || body.length == 0) return false;
    int n = Math.min(body.length, 4096);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = body[i] & 0xff;
      if (b == 0) return true;
      if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
    }
    return control > n / 50;
  }
}
