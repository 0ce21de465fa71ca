package io.fixfinder.api.alerts;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real webhook receiver on 127.0.0.1: records each POST (its signature header and raw body) and
 * answers with the next queued status, 200 when none is queued.
 */
public final class Receiver implements AutoCloseable {
  /** One request as received. */
  public record Hit(String path, String signature, String contentType, String body) {}

  private final HttpServer server;
  private final List<Hit> hits = new CopyOnWriteArrayList<>();
  private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();

  public Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          hits.add(
              new Hit(
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("X-FixFinder-Signature"),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  new String(body, StandardCharsets.UTF_8)));
          Integer status = statuses.poll();
          exchange.sendResponseHeaders(status == null ? 200 : status, -1);
          exchange.close();
        });
    server.start();
  }

  /** The URL of {@code path} on this receiver. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Answers the next requests with these statuses, in order. */
  public void answer(Integer... next) {
    statuses.addAll(List.of(next));
  }

  public List<Hit> hits() {
    return new ArrayList<>(hits);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
