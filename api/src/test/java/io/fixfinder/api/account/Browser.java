package io.fixfinder.api.account;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One visitor: a client address (sent as X-Forwarded-For through the trusted local proxy) and a
 * cookie jar of one cookie, the session. Requests are what a browser sends: form posts say
 * Sec-Fetch-Site same-origin unless a test forges another site.
 */
public final class Browser {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final AccountServer server;
  private final String address;
  private final HttpClient http = HttpClient.newHttpClient();
  private String session = "";
  String lastSetCookie = "";

  public Browser(AccountServer server, String address) {
    this.server = server;
    this.address = address;
  }

  public String session() {
    return session;
  }

  void session(String token) {
    this.session = token;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return send(base(path).GET(), "text/html");
  }

  public HttpResponse<String> getJson(String path) throws Exception {
    return send(base(path).GET(), "application/json");
  }

  public HttpResponse<String> postJson(String path, String json) throws Exception {
    return postJson(path, json, Map.of());
  }

  public HttpResponse<String> postJson(String path, String json, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b =
        base(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(b::header);
    return send(b, "application/json");
  }

  /** A form post from our own page. */
  public HttpResponse<String> postForm(String path, Map<String, String> fields) throws Exception {
    return postForm(path, fields, Map.of("Sec-Fetch-Site", "same-origin"));
  }

  public HttpResponse<String> postForm(
      String path, Map<String, String> fields, Map<String, String> headers) throws Exception {
    StringBuilder body = new StringBuilder();
    for (var e : fields.entrySet()) {
      if (!body.isEmpty()) body.append('&');
      body.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    HttpRequest.Builder b =
        base(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    headers.forEach(b::header);
    return send(b, "text/html");
  }

  /** The CSRF token a page's forms carry. */
  public static String csrfOf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) throw new AssertionError("no csrf field in the page");
    return m.group(1);
  }

  public static Map<String, String> form(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
    return m;
  }

  private HttpRequest.Builder base(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(server.uri(path)).header("X-Forwarded-For", address);
    if (!session.isEmpty()) b.header("Cookie", HelperAuth.COOKIE + "=" + session);
    return b;
  }

  private HttpResponse<String> send(HttpRequest.Builder b, String accept) throws Exception {
    HttpResponse<String> r =
        http.send(b.header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    Optional<String> cookie =
        r.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(HelperAuth.COOKIE + "="))
            .reduce((a, c) -> c);
    if (cookie.isPresent()) {
      lastSetCookie = cookie.get();
      String value = cookie.get().substring(HelperAuth.COOKIE.length() + 1).split(";", 2)[0];
      session = value;
    }
    return r;
  }
}
