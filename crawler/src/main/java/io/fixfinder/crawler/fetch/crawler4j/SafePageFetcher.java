package io.fixfinder.crawler.fetch.crawler4j;

import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.exceptions.PageBiggerThanMaxSizeException;
import edu.uci.ics.crawler4j.fetcher.PageFetchResult;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.url.WebURL;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.http.Header;
import org.apache.http.HttpStatus;
import org.apache.http.client.config.CookieSpecs;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * Crawler4j's fetcher with its TLS defect removed. Crawler4j 4.4.0 builds its HTTP client with a
 * trust-everything {@code SSLContext} and a no-op hostname verifier, so any man in the middle could
 * feed the crawler content. This subclass discards that client and builds one with the JDK's
 * default trust store and standard hostname verification, keeping crawler4j's timeouts, user agent
 * and our {@link io.fixfinder.crawler.filter.GuardedDnsResolver}. Redirects stay disabled in the
 * client: crawler4j follows them itself, through its frontier, so every hop passes our URL filters
 * and robots rules again.
 */
final class SafePageFetcher extends PageFetcher {

  /** What the crawl already knows about a URL: whether it is done this run, its validators. */
  interface Revalidation {
    boolean doneThisRun(String url);

    Map<String, String> conditionalHeaders(String url);
  }

  private final Revalidation revalidation;

  private final int maxFetchSeconds;

  SafePageFetcher(CrawlConfig config, Revalidation revalidation, int maxFetchSeconds) {
    super(config);
    this.revalidation = revalidation;
    this.maxFetchSeconds = maxFetchSeconds;
    try {
      httpClient.close();
    } catch (IOException ignored) {
      // the discarded client has made no connections
    }
    connectionManager.shutdown();
    var registry =
        RegistryBuilder.<ConnectionSocketFactory>create()
            .register("http", PlainConnectionSocketFactory.getSocketFactory())
            .register("https", SSLConnectionSocketFactory.getSystemSocketFactory())
            .build();
    connectionManager = new PoolingHttpClientConnectionManager(registry, config.getDnsResolver());
    connectionManager.setMaxTotal(config.getMaxTotalConnections());
    connectionManager.setDefaultMaxPerRoute(config.getMaxConnectionsPerHost());
    RequestConfig requestConfig =
        RequestConfig.custom()
            .setExpectContinueEnabled(false)
            .setCookieSpec(CookieSpecs.STANDARD)
            .setRedirectsEnabled(false)
            .setSocketTimeout(config.getSocketTimeout())
            .setConnectTimeout(config.getConnectionTimeout())
            .setConnectionRequestTimeout(config.getConnectionTimeout())
            .build();
    httpClient =
        HttpClientBuilder.create()
            .setDefaultRequestConfig(requestConfig)
            .setConnectionManager(connectionManager)
            .setUserAgent(config.getUserAgentString())
            .setDefaultHeaders(config.getDefaultHeaders())
            .disableAutomaticRetries()
            .addInterceptorLast(new CappedBodies(config.getMaxDownloadSize()))
            .build();
  }

  /**
   * A page this run already stored is not fetched again (a resumed crawl re-queues the pages that
   * were in flight when it was killed): it is answered as 304 without touching the network.
   */
  @Override
  public PageFetchResult fetchPage(WebURL webUrl)
      throws InterruptedException, IOException, PageBiggerThanMaxSizeException {
    if (revalidation.doneThisRun(webUrl.getURL())) {
      PageFetchResult result = new PageFetchResult();
      result.setStatusCode(HttpStatus.SC_NOT_MODIFIED);
      result.setFetchedUrl(webUrl.getURL());
      result.setResponseHeaders(new Header[0]);
      return result;
    }
    return super.fetchPage(webUrl);
  }

  /** Conditional GET: the validators from the last fetch turn an unchanged page into a 304. */
  @Override
  protected HttpUriRequest newHttpUriRequest(String url) {
    HttpUriRequest request = super.newHttpUriRequest(url);
    revalidation.conditionalHeaders(url).forEach(request::addHeader);
    // Aborting closes the connection, so a body still trickling in fails its read at once.
    DEADLINES.schedule(request::abort, maxFetchSeconds, TimeUnit.SECONDS);
    return request;
  }

  private static final ScheduledExecutorService DEADLINES =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "fetch-deadlines");
            t.setDaemon(true);
            return t;
          });
}
