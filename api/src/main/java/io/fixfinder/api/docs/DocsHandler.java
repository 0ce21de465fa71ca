package io.fixfinder.api.docs;

import io.fixfinder.api.problem.ApiException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /openapi.yaml}, {@code GET /docs} and {@code GET /opensearch.xml}: the API's
 * description, static from the jar, and the OpenSearch description browsers add FixFinder as a
 * search engine from. Where the server is reached comes from {@code api.publicUrl}, else from the
 * request's scheme and {@code Host} (a host name or address and a port only, nothing else echoed).
 */
public final class DocsHandler {
  /** The server line of openapi.yaml as written in the jar; replaced on the way out. */
  static final String SERVER_LINE = "  - url: http://localhost:7070";

  private static final Pattern HOST =
      Pattern.compile(
          "([A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]{2,45}\\])(:[0-9]{1,5})?");

  private final String publicUrl;

  /**
   * @param publicUrl {@code api.publicUrl} without a trailing slash; empty: from each request
   */
  public DocsHandler(String publicUrl) {
    this.publicUrl = publicUrl;
  }

  /** The OpenAPI document, its server the public URL or this request's origin ("/" when odd). */
  public void openApi(Context ctx) throws IOException {
    String yaml = new String(resource("/openapi.yaml"), StandardCharsets.UTF_8);
    String server = base(ctx).orElse("/");
    ctx.contentType("application/yaml; charset=utf-8")
        .result(yaml.replace(SERVER_LINE, "  - url: \"" + server + "\""));
  }

  /** The human-readable API page: static HTML, no script, nothing echoed. */
  public static void docs(Context ctx) throws IOException {
    ctx.contentType("text/html; charset=utf-8").result(resource("/fixfinder-docs/api.html"));
  }

  /**
   * The OpenSearch 1.1 description: the search page's URL template (and the JSON API's), so a
   * browser offers FixFinder as a search engine; linked from every page's head.
   */
  public void openSearch(Context ctx) {
    String base =
        xml(
            base(ctx)
                .orElseThrow(
                    () ->
                        ApiException.badRequest(
                            "invalid-host",
                            "The Host header is not a host name or address with a port")));
    String body =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" \
        xmlns:moz="http://www.mozilla.org/2006/browser/search/">
          <ShortName>FixFinder</ShortName>
          <Description>Fixes for broken appliances and devices: manuals, forum answers, \
        repair videos and reviews, grouped by issue</Description>
          <Tags>repair fault error code manual troubleshooting</Tags>
          <InputEncoding>UTF-8</InputEncoding>
          <Url type="text/html" method="get" template="BASE/?q={searchTerms}"/>
          <Url type="application/json" method="get" \
        template="BASE/api/search?q={searchTerms}&amp;page={startPage?}"/>
          <Url type="application/opensearchdescription+xml" rel="self" \
        template="BASE/opensearch.xml"/>
          <moz:SearchForm>BASE/</moz:SearchForm>
        </OpenSearchDescription>
        """
            .replace("BASE", base);
    ctx.header("Cache-Control", "public, max-age=86400");
    ctx.contentType("application/opensearchdescription+xml; charset=utf-8").result(body);
  }

  /** Where this server is reached: the configured public URL, else the request's origin. */
  Optional<String> base(Context ctx) {
    if (!publicUrl.isEmpty()) return Optional.of(publicUrl);
    String host = ctx.header("Host");
    String scheme = ctx.scheme();
    if (host == null || !HOST.matcher(host).matches()) return Optional.empty();
    if (!scheme.equals("http") && !scheme.equals("https")) return Optional.empty();
    return Optional.of(scheme + "://" + host);
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = DocsHandler.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException(path + " is missing from the classpath");
      return in.readAllBytes();
    }
  }
}
