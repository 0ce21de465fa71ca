package io.fixfinder.crawler.fetch.crawler4j;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A tiny site on 127.0.0.1 with an access log: pages by path, each with a status and body. */
final class TestSite implements AutoCloseable {
  record Hit(String path, long nanos) {}

  record Response(int status, String contentType, String body) {}

  private final HttpServer server;
  final Map<String, Response> pages = new ConcurrentHashMap<>();
  final Map<String, com.sun.net.httpserver.HttpHandler> handlers = new ConcurrentHashMap<>();
  final List<Hit> log = new CopyOnWriteArrayList<>();

  TestSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getRawPath();
          log.add(new Hit(path, System.nanoTime()));
          com.sun.net.httpserver.HttpHandler custom = handlers.get(path);
          if (custom != null) {
            try {
              custom.handle(exchange);
            } catch (IOException e) {
              // the client hung up on a hostile response: expected
            } finally {
              exchange.close();
            }
            return;
          }
          Response r =
              pages.getOrDefault(
                  path, new Response(404, "text/html", "<html><body>not here</body></html>"));
          byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", r.contentType());
          exchange.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  TestSite handle(String path, com.sun.net.httpserver.HttpHandler handler) {
    handlers.put(path, handler);
    return this;
  }

  URI origin() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  TestSite page(String path, String html) {
    pages.put(path, new Response(200, "text/html; charset=utf-8", html));
    return this;
  }

  TestSite respond(String path, int status, String contentType, String body) {
    pages.put(path, new Response(status, contentType, body));
    return this;
  }

  List<String> paths() {
    return log.stream().map(Hit::path).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
