package io.fixfinder.crawler.fetch.crawler4j;

import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import java.io.IOException;
import org.apache.http.client.config.CookieSpecs;
import org.apache.http.client.config.RequestConfig;
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

  SafePageFetcher(CrawlConfig config) {
    super(config);
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
            .build();
  }
}
