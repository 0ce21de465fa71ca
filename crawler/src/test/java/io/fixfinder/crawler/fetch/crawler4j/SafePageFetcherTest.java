package io.fixfinder.crawler.fetch.crawler4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.fetcher.PageFetchResult;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.url.WebURL;
import java.io.FileInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawler4j's stock fetcher accepts a self-signed certificate (the defect); ours refuses it, as
 * every browser would.
 */
class SafePageFetcherTest {
  @TempDir static Path dir;
  static HttpsServer server;

  @BeforeAll
  static void start() throws Exception {
    Path keystore = dir.resolve("self-signed.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "site",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (FileInputStream in = new FileInputStream(keystore.toFile())) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    server.createContext(
        "/",
        ex -> {
          byte[] body = "<html><body>man in the middle</body></html>".getBytes();
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  static CrawlConfig config() {
    CrawlConfig c = new CrawlConfig();
    c.setCrawlStorageFolder(dir.toString());
    c.setPolitenessDelay(0);
    return c;
  }

  static WebURL url() {
    WebURL u = new WebURL();
    u.setURL("https://127.0.0.1:" + server.getAddress().getPort() + "/");
    return u;
  }

  @Test
  void stockCrawler4jTrustsASelfSignedCertificate() throws Exception {
    PageFetcher stock = new PageFetcher(config());
    try {
      PageFetchResult result = stock.fetchPage(url());
      assertThat(result.getStatusCode()).isEqualTo(200);
      result.discardContentIfNotConsumed();
    } finally {
      stock.shutDown();
    }
  }

  @Test
  void ourFetcherRefusesIt() {
    SafePageFetcher safe =
        new SafePageFetcher(
            config(),
            new SafePageFetcher.Revalidation() {
              @Override
              public boolean doneThisRun(String url) {
                return false;
              }

              @Override
              public Map<String, String> conditionalHeaders(String url) {
                return Map.of();
              }
            },
            10);
    try {
      assertThatThrownBy(() -> safe.fetchPage(url())).isInstanceOf(SSLException.class);
    } finally {
      safe.shutDown();
    }
  }
}
