package io.fixfinder.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSitesTest {
  static final String THREAD = "/t/10482-aqualine-wm8420x-e18-wont-drain-water-stuck-in-drum.html";

  @TempDir static Path dir;
  static DemoManifest manifest;
  static DemoSites sites;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    manifest = DemoCorpus.writeTo(dir);
    sites = DemoSites.start(manifest);
  }

  @AfterAll
  static void stop() {
    sites.close();
  }

  static HttpResponse<String> get(String site, String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sites.origin(site) + path));
    if (headers.length > 0) b.headers(headers);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request as written, for paths an HTTP client would refuse or normalise. */
  static String raw(String site, String requestLine) throws IOException {
    URI origin = sites.origin(site);
    try (Socket socket = new Socket(origin.getHost(), origin.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          (requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void eachSiteHasItsOwnOrigin() {
    Map<String, URI> origins = sites.origins();
    assertThat(origins.keySet())
        .containsExactly("manuals", "fixitforum", "repairtalk", "shopreviews", "brandsupport");
    assertThat(origins.values())
        .doesNotHaveDuplicates()
        .allMatch(u -> u.toString().matches("http://127\\.0\\.0\\.1:\\d+"));
    assertThatThrownBy(() -> sites.origin("nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void servesTheHomePageAndRobotsWithOriginsFilledIn() throws Exception {
    HttpResponse<String> home = get("fixitforum", "/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(home.body()).contains("FixIt Forum");
    HttpResponse<String> robots = get("manuals", "/robots.txt");
    assertThat(robots.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(robots.body())
        .contains("Disallow: /internal/", "Sitemap: " + sites.origin("manuals") + "/sitemap.xml");
    HttpResponse<String> sitemap = get("manuals", "/sitemap.xml");
    assertThat(sitemap.headers().firstValue("Content-Type")).hasValue("application/xml");
    assertThat(sitemap.body())
        .contains("<loc>" + sites.origin("manuals") + "/sitemaps/")
        .doesNotContain("{{");
  }

  @Test
  void replacesOriginTokensInPages() throws Exception {
    HttpResponse<String> thread = get("fixitforum", THREAD);
    assertThat(thread.statusCode()).isEqualTo(200);
    assertThat(thread.body())
        .doesNotContain("{{")
        .contains("<link rel=\"canonical\" href=\"" + sites.origin("fixitforum") + THREAD + "\">")
        .contains(sites.origin("manuals") + "/pdf/aqualine-wm-8420x-manual.pdf");
    // On disk the token stays: the same corpus can be served on other ports.
    Path file = manifest.sites().get(1).root().resolve(THREAD.substring(1));
    assertThat(Files.readString(file)).contains("{{origin:manuals}}");
  }

  @Test
  void answersConditionalRequestsWith304() throws Exception {
    HttpResponse<String> first = get("fixitforum", THREAD);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
    // The content date of the thread, not the time the file was written.
    assertThat(lastModified).isEqualTo("Sat, 08 Feb 2025 09:00:00 GMT");
    assertThat(get("fixitforum", THREAD, "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(get("fixitforum", THREAD, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    assertThat(get("fixitforum", THREAD, "If-Modified-Since", lastModified).statusCode())
        .isEqualTo(304);
    assertThat(
            get("fixitforum", THREAD, "If-Modified-Since", "Mon, 01 Jan 2024 00:00:00 GMT")
                .statusCode())
        .isEqualTo(200);
    assertThat(get("fixitforum", THREAD).headers().firstValue("ETag")).hasValue(etag);
  }

  @Test
  void headAnswersWithHeadersOnly() throws Exception {
    HttpResponse<String> head =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(sites.origin("manuals") + "/pdf/aqualine-wm-8420x-manual.pdf"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(head.headers().firstValueAsLong("Content-Length").orElse(0)).isPositive();
    assertThat(head.body()).isEmpty();
  }

  @Test
  void missingPagesAre404AndDirectoriesRedirect() throws Exception {
    HttpResponse<String> missing = get("repairtalk", "/topic/1/nothing.html");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("<h1>Not found</h1>");
    assertThat(get("manuals", "/.lastmod").statusCode()).isEqualTo(404);
    HttpResponse<String> redirect = get("manuals", "/guides");
    assertThat(redirect.statusCode()).isEqualTo(301);
    assertThat(redirect.headers().firstValue("Location")).hasValue("/guides/");
    assertThat(get("manuals", "/guides/").body()).contains("Repair and care guides");
  }

  @Test
  void refusesPathTraversal() throws Exception {
    assertThat(raw("manuals", "GET /../../../etc/passwd HTTP/1.1")).startsWith("HTTP/1.1 400");
    assertThat(raw("manuals", "GET /guides/../../etc/passwd HTTP/1.1")).startsWith("HTTP/1.1 400");
    assertThat(raw("manuals", "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1")).startsWith("HTTP/1.1 400");
    assertThat(raw("manuals", "GET /guides/..%2f..%2fetc/passwd HTTP/1.1"))
        .startsWith("HTTP/1.1 400");
    assertThat(raw("manuals", "GET /..%5c..%5cetc HTTP/1.1")).startsWith("HTTP/1.1 400");
  }

  @Test
  void logsEveryRequest() throws Exception {
    get("shopreviews", "/p/aqualine-wm-8420x.html?ref=test");
    get("shopreviews", "/no-such-page");
    List<AccessLogEntry> log = sites.accessLog();
    assertThat(log)
        .anySatisfy(
            e -> {
              assertThat(e.site()).isEqualTo("shopreviews");
              assertThat(e.method()).isEqualTo("GET");
              assertThat(e.path()).isEqualTo("/p/aqualine-wm-8420x.html?ref=test");
              assertThat(e.status()).isEqualTo(200);
              assertThat(e.at()).isNotNull();
            })
        .anySatisfy(e -> assertThat(e.path() + " " + e.status()).isEqualTo("/no-such-page 404"));
  }

  @Test
  void aChangedFileGetsANewEtag() throws Exception {
    Path about = manifest.sites().get(1).root().resolve("about.html");
    String before = get("fixitforum", "/about.html").headers().firstValue("ETag").orElseThrow();
    Files.writeString(about, Files.readString(about).replace("volunteer-run", "volunteer-led"));
    HttpResponse<String> after = get("fixitforum", "/about.html", "If-None-Match", before);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).contains("volunteer-led");
  }

  @Test
  void preferredPortsAreUsedWhenFreeAndReplacedWhenTaken() throws Exception {
    Map<String, Integer> taken = new LinkedHashMap<>();
    sites.origins().forEach((name, uri) -> taken.put(name, uri.getPort()));
    try (DemoSites second = DemoSites.start(manifest, taken, DemoSites.Ports.PREFERRED)) {
      assertThat(second.origins().values()).doesNotContainAnyElementsOf(sites.origins().values());
      assertThat(second.replacedPorts()).isEqualTo(taken);
      HttpResponse<String> home =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(second.origin("manuals") + "/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(home.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void requiredPortsThatAreTakenFailNamingTheSiteAndPort() throws Exception {
    int port = sites.origin("manuals").getPort();
    assertThatThrownBy(
            () -> DemoSites.start(manifest, Map.of("manuals", port), DemoSites.Ports.REQUIRED))
        .isInstanceOf(BindException.class)
        .hasMessage("port " + port + " for demo site 'manuals' is taken");
  }

  @Test
  void freeRequiredPortsAreUsedAndNothingIsReplaced() throws Exception {
    int free;
    try (ServerSocket s = new ServerSocket(0)) {
      free = s.getLocalPort();
    }
    try (DemoSites own =
        DemoSites.start(manifest, Map.of("manuals", free), DemoSites.Ports.REQUIRED)) {
      assertThat(own.origin("manuals").getPort()).isEqualTo(free);
      assertThat(own.replacedPorts()).isEmpty();
    }
  }
}
