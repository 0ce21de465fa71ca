package io.fixfinder.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the YouTube Data API v3: {@code search.list} and {@code videos.list} over
 * the demo videos, in the real API's JSON (resources, page info, page tokens, error objects), so
 * the official Java client talks to it as to Google. Requests without a key get the API's 403.
 */
public final class FakeYouTubeApi implements AutoCloseable {
  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on its sockets
    // and delayed ACKs on the client, every keep-alive response stalls about 40 ms. Real web
    // servers do not behave like that, so the demo sites must not either.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final String PREFIX = "/youtube/v3/";
  private static final int DEFAULT_MAX = 5;
  private static final int MAX = 50;

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, JsonNode> byId = new LinkedHashMap<>();
  private final VideoIndex index;
  private final AtomicInteger searchCalls = new AtomicInteger();
  private final AtomicInteger videosCalls = new AtomicInteger();

  private FakeYouTubeApi(List<JsonNode> videos) throws IOException {
    videos.forEach(v -> byId.put(v.path("id").asText(), v));
    this.index = new VideoIndex(videos);
    this.executor = Executors.newFixedThreadPool(4, DemoSites.daemonThreads());
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Serves the videos of a {@code videos.json} written by {@link DemoCorpus#writeTo}. */
  public static FakeYouTubeApi start(Path videosJson) throws IOException {
    JsonNode file = JsonLd.MAPPER.readTree(videosJson.toFile());
    List<JsonNode> videos = new ArrayList<>();
    file.path("items").forEach(videos::add);
    return new FakeYouTubeApi(videos);
  }

  /** The client's root URL, e.g. {@code http://127.0.0.1:40111/}; it appends "youtube/v3/". */
  public URI rootUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  public int searchCalls() {
    return searchCalls.get();
  }

  public int videosCalls() {
    return videosCalls.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      if (path.startsWith(THUMBS)) {
        thumbnail(exchange, path.substring(THUMBS.length()));
        return;
      }
      Map<String, List<String>> params = params(exchange.getRequestURI().getRawQuery());
      boolean search = path.equals(PREFIX + "search");
      boolean videos = path.equals(PREFIX + "videos");
      if (search) searchCalls.incrementAndGet();
      if (videos) videosCalls.incrementAndGet();
      if (!search && !videos) {
        send(exchange, 404, error(404, "Not Found", "notFound", "NOT_FOUND"));
      } else if (!exchange.getRequestMethod().equals("GET")) {
        send(
            exchange,
            405,
            error(405, "Method not allowed", "methodNotAllowed", "INVALID_ARGUMENT"));
      } else if (first(params, "key").isBlank()) {
        send(
            exchange,
            403,
            error(
                403,
                "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
                "forbidden",
                "PERMISSION_DENIED"));
      } else if (first(params, "part").isBlank()) {
        send(
            exchange,
            400,
            error(400, "'part' is a required parameter.", "required", "INVALID_ARGUMENT"));
      } else if (search) {
        search(exchange, params);
      } else {
        videos(exchange, params);
      }
    } finally {
      exchange.close();
    }
  }

  private void search(HttpExchange exchange, Map<String, List<String>> params) throws IOException {
    int max;
    try {
      String m = first(params, "maxResults");
      max = m.isEmpty() ? DEFAULT_MAX : Math.clamp(Integer.parseInt(m), 0, MAX);
    } catch (NumberFormatException e) {
      send(
          exchange,
          400,
          error(400, "Invalid value for maxResults.", "invalidParameter", "INVALID_ARGUMENT"));
      return;
    }
    int offset = 0;
    String token = first(params, "pageToken");
    if (!token.isEmpty()) {
      try {
        offset =
            Integer.parseInt(
                new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII)
                    .replace("offset:", ""));
      } catch (IllegalArgumentException e) {
        send(
            exchange,
            400,
            error(
                400,
                "The request specifies an invalid page token.",
                "invalidPageToken",
                "INVALID_ARGUMENT"));
        return;
      }
    }
    String q = first(params, "q");
    List<JsonNode> hits = index.search(q);
    ObjectNode response = JsonLd.MAPPER.createObjectNode();
    response.put("kind", "youtube#searchListResponse");
    response.put("etag", YouTubeJson.etag("search:" + q + ":" + offset + ":" + max));
    if (offset + max < hits.size()) response.put("nextPageToken", token(offset + max));
    if (offset > 0) response.put("prevPageToken", token(Math.max(0, offset - max)));
    response.put("regionCode", "US");
    ObjectNode pageInfo = response.putObject("pageInfo");
    pageInfo.put("totalResults", hits.size());
    pageInfo.put("resultsPerPage", max);
    ArrayNode items = response.putArray("items");
    for (JsonNode v :
        hits.subList(Math.min(offset, hits.size()), Math.min(offset + max, hits.size()))) {
      items.add(searchResult(v));
    }
    send(exchange, 200, response);
  }

  private static ObjectNode searchResult(JsonNode video) {
    JsonNode s = video.path("snippet");
    ObjectNode r = JsonLd.MAPPER.createObjectNode();
    r.put("kind", "youtube#searchResult");
    r.put("etag", YouTubeJson.etag("result:" + video.path("id").asText()));
    ObjectNode id = r.putObject("id");
    id.put("kind", "youtube#video");
    id.put("videoId", video.path("id").asText());
    ObjectNode snippet = r.putObject("snippet");
    snippet.put("publishedAt", s.path("publishedAt").asText());
    snippet.put("channelId", s.path("channelId").asText());
    snippet.put("title", s.path("title").asText());
    // Search results carry only the start of the description, as the real API's do.
    snippet.put("description", Text.shorten(s.path("description").asText(), 160));
    snippet.set("thumbnails", s.path("thumbnails"));
    snippet.put("channelTitle", s.path("channelTitle").asText());
    snippet.put("liveBroadcastContent", "none");
    snippet.put("publishTime", s.path("publishedAt").asText());
    return r;
  }

  private void videos(HttpExchange exchange, Map<String, List<String>> params) throws IOException {
    List<String> parts = new ArrayList<>();
    params.getOrDefault("part", List.of()).forEach(p -> parts.addAll(List.of(p.split(","))));
    List<String> ids = new ArrayList<>();
    params.getOrDefault("id", List.of()).forEach(p -> ids.addAll(List.of(p.split(","))));
    if (ids.isEmpty()) {
      send(
          exchange,
          400,
          error(
              400,
              "No filter selected. Expected one of: myRating, id, chart",
              "missingRequiredParameter",
              "INVALID_ARGUMENT"));
      return;
    }
    ObjectNode response = JsonLd.MAPPER.createObjectNode();
    response.put("kind", "youtube#videoListResponse");
    response.put("etag", YouTubeJson.etag("videos:" + String.join(",", ids) + ":" + parts));
    ArrayNode items = response.putArray("items");
    for (String id : ids) {
      JsonNode video = byId.get(id.strip());
      if (video == null) continue; // unknown ids are left out, as the API does
      ObjectNode item = JsonLd.MAPPER.createObjectNode();
      item.put("kind", "youtube#video");
      item.set("etag", video.path("etag"));
      item.put("id", id.strip());
      for (String part : List.of("snippet", "contentDetails", "statistics")) {
        if (parts.stream().anyMatch(p -> p.strip().equals(part))) item.set(part, video.path(part));
      }
      items.add(item);
    }
    ObjectNode pageInfo = response.putObject("pageInfo");
    pageInfo.put("totalResults", items.size());
    pageInfo.put("resultsPerPage", items.size());
    send(exchange, 200, response);
  }

  private static String token(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("offset:" + offset).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The API's error object: {"error": {code, message, errors: [{message, domain, reason}],
   * status}}.
   */
  static ObjectNode error(int code, String message, String reason, String status) {
    ObjectNode root = JsonLd.MAPPER.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("code", code);
    error.put("message", message);
    ObjectNode detail = error.putArray("errors").addObject();
    detail.put("message", message);
    detail.put("domain", "global");
    detail.put("reason", reason);
    error.put("status", status);
    return root;
  }

  private static Map<String, List<String>> params(String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) return params;
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        params
            .computeIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), x -> new ArrayList<>())
            .add(URLDecoder.decode(v, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // a malformed escape: the parameter is dropped, the request still answered
      }
    }
    return params;
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? "" : values.getFirst().strip();
  }

  /**
   * A video's thumbnail, as i.ytimg.com serves it ({@code /vi/ID/mqdefault.jpg}): a JPEG drawn from
   * the video id, so each video has its own and the bytes never change.
   */
  private void thumbnail(HttpExchange exchange, String rest) throws IOException {
    String id = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : "";
    if (!byId.containsKey(id) || !exchange.getRequestMethod().equals("GET")) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    byte[] bytes = Thumbnails.jpeg(id);
    exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static final String THUMBS = "/vi/";

  private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    // Thumbnails point at this server, which stands in for i.ytimg.com as for the API.
    byte[] bytes =
        JsonLd.pretty(body)
            .replace(YouTubeJson.THUMBNAIL_ORIGIN, rootUrl().toString())
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
