package io.fixfinder.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Serves one site folder: static files, origin tokens, validators, HEAD, and an access log. */
final class SiteHandler implements HttpHandler {
  private static final Pattern ORIGIN = Pattern.compile("\\{\\{origin:([A-Za-z0-9_-]+)}}");
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "htm", "text/html; charset=utf-8",
          "pdf", "application/pdf",
          "xml", "application/xml",
          "txt", "text/plain; charset=utf-8",
          "json", "application/json",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8");

  private record Stamp(LocalDate date, String sha256) {}

  private final String site;
  private final Path root;
  private final Map<String, URI> origins;
  private final Consumer<AccessLogEntry> log;
  private final Map<String, Stamp> stamps;

  SiteHandler(String site, Path root, Map<String, URI> origins, Consumer<AccessLogEntry> log)
      throws IOException {
    this.site = site;
    this.root = root.toRealPath();
    this.origins = origins;
    this.log = log;
    this.stamps = readStamps(this.root.resolve(SiteFiles.LASTMOD));
  }

  private static Map<String, Stamp> readStamps(Path file) throws IOException {
    Map<String, Stamp> stamps = new HashMap<>();
    if (!Files.exists(file)) return stamps;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank()) continue;
      String[] parts = line.split("\t");
      if (parts.length == 3) stamps.put(parts[0], new Stamp(LocalDate.parse(parts[1]), parts[2]));
    }
    return stamps;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    exchange.setAttribute(PATH, path);
    int status = 500;
    try {
      status = respond(exchange, uri);
    } finally {
      if (exchange.getAttribute(LOGGED) == null) record(exchange, status);
      exchange.close();
    }
  }

  private static final String PATH = "fixfinder.path";
  private static final String LOGGED = "fixfinder.logged";

  /**
   * Logs the request before its response goes out, so that a client that has read the response
   * always finds the request in the log.
   */
  private void record(HttpExchange exchange, int status) {
    exchange.setAttribute(LOGGED, Boolean.TRUE);
    log.accept(
        new AccessLogEntry(
            site,
            exchange.getRequestMethod(),
            (String) exchange.getAttribute(PATH),
            status,
            Instant.now()));
  }

  private int respond(HttpExchange exchange, URI uri) throws IOException {
    String method = exchange.getRequestMethod();
    boolean head = method.equals("HEAD");
    if (!head && !method.equals("GET")) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      return error(exchange, 405, "Method not allowed", head);
    }
    String raw = uri.getRawPath();
    if (raw == null || !raw.startsWith("/")) return error(exchange, 400, "Bad request", head);
    String lower = raw.toLowerCase(Locale.ROOT);
    // Encoded dots, slashes, backslashes and NULs have no business in these URLs: refuse them
    // rather than decode and hope the normalised path stays inside the root.
    if (lower.contains("%2e")
        || lower.contains("%2f")
        || lower.contains("%5c")
        || lower.contains("%00")
        || raw.contains("\\")) {
      return error(exchange, 400, "Bad request", head);
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return error(exchange, 400, "Bad request", head);
    }
    for (String segment : decoded.split("/")) {
      if (segment.equals("..") || segment.equals("."))
        return error(exchange, 400, "Bad request", head);
      if (segment.startsWith(".")) return error(exchange, 404, "Not found", head);
    }
    Path file = root.resolve(decoded.substring(1)).normalize();
    if (!file.startsWith(root)) return error(exchange, 400, "Bad request", head);
    if (Files.isDirectory(file)) {
      if (!decoded.endsWith("/")) {
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        exchange.getResponseHeaders().set("Location", raw + "/" + query);
        return error(exchange, 301, "Moved permanently", head);
      }
      file = file.resolve("index.html");
    }
    if (!Files.isRegularFile(file) || !file.toRealPath().startsWith(root)) {
      return error(exchange, 404, "Not found", head);
    }

    byte[] stored = Files.readAllBytes(file);
    String extension = extension(file);
    String type = TYPES.getOrDefault(extension, "application/octet-stream");
    byte[] body =
        type.startsWith("text/") || type.startsWith("application/xml") || extension.equals("json")
            ? withOrigins(stored)
            : stored;
    String etag = "\"" + SiteFiles.sha256(body).substring(0, 32) + "\"";
    Instant modified = lastModified(file, stored);

    var headers = exchange.getResponseHeaders();
    headers.set("ETag", etag);
    headers.set("Last-Modified", HTTP_DATE.format(modified.atZone(ZoneOffset.UTC)));
    headers.set("Cache-Control", "no-cache");
    if (notModified(exchange, etag, modified)) {
      record(exchange, 304);
      exchange.sendResponseHeaders(304, -1);
      return 304;
    }
    headers.set("Content-Type", type);
    send(exchange, 200, body, head);
    return 200;
  }

  /** If-None-Match wins over If-Modified-Since, as RFC 9110 says. */
  private static boolean notModified(HttpExchange exchange, String etag, Instant modified) {
    String inm = exchange.getRequestHeaders().getFirst("If-None-Match");
    if (inm != null) {
      for (String candidate : inm.split(",")) {
        String c = candidate.strip();
        if (c.startsWith("W/")) c = c.substring(2);
        if (c.equals("*") || c.equals(etag)) return true;
      }
      return false;
    }
    String ims = exchange.getRequestHeaders().getFirst("If-Modified-Since");
    if (ims == null) return false;
    try {
      Instant since =
          ZonedDateTime.parse(ims.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return !modified.isAfter(since);
    } catch (DateTimeParseException e) {
      return false; // an unreadable date is ignored, as the RFC says
    }
  }

  /**
   * The corpus's content date while the file is as the corpus wrote it; a file changed or added
   * since (a test editing a site) falls back to its file time so that clients see the change.
   */
  private Instant lastModified(Path file, byte[] stored) throws IOException {
    String rel = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    Stamp stamp = stamps.get(rel);
    if (stamp != null && stamp.sha256().equals(SiteFiles.sha256(stored))) {
      return stamp.date().atTime(9, 0).toInstant(ZoneOffset.UTC);
    }
    return Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
  }

  private byte[] withOrigins(byte[] stored) {
    String text = new String(stored, StandardCharsets.UTF_8);
    if (!text.contains("{{origin:")) return stored;
    Matcher m = ORIGIN.matcher(text);
    String replaced =
        m.replaceAll(
            r -> {
              URI origin = origins.get(r.group(1));
              return Matcher.quoteReplacement(origin == null ? r.group() : origin.toString());
            });
    return replaced.getBytes(StandardCharsets.UTF_8);
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private int error(HttpExchange exchange, int status, String message, boolean head)
      throws IOException {
    String html =
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
            + status
            + " "
            + message
            + "</title></head>\n<body><h1>"
            + message
            + "</h1><p>"
            + (status == 404 ? "There is no such page on " + site + "." : "")
            + "</p><p><a href=\"/\">Home</a></p></body></html>\n";
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    send(exchange, status, html.getBytes(StandardCharsets.UTF_8), head);
    return status;
  }

  private void send(HttpExchange exchange, int status, byte[] body, boolean head)
      throws IOException {
    record(exchange, status);
    if (head) {
      // The server sends no body for HEAD; the length is stated by hand, as for GET.
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
