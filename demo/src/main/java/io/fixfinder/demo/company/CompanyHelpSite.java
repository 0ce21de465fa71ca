package io.fixfinder.demo.company;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * "Aqualine Customer Care", a fictional appliance maker's help page on 127.0.0.1, with the
 * FixFinder search box embedded as a company would: one {@code <script>} tag naming the API's
 * {@code /embed.js} and the company's publishable key. Its own stylesheet is deliberately heavy
 * handed (every element's font, inputs, buttons, lists), as real sites' are, so that a style
 * leaking into the box, or out of it, shows.
 *
 * <p>{@code /} is the help page. {@code /offline} is the same page with the box pointed at an API
 * that does not answer ({@code data-api}), to show the fallback link.
 */
public final class CompanyHelpSite implements AutoCloseable {
  /** The company the demo's tenant stands for, and the brand its key is scoped to. */
  public static final String BRAND = "Aqualine";

  private final HttpServer server;
  private final ExecutorService executor;

  private CompanyHelpSite(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Takes {@code preferredPort} on 127.0.0.1 (any free port when it is taken or 0) without serving
   * yet: the company's key is made for this origin, so the origin comes first.
   */
  public static CompanyHelpSite bind(int preferredPort) throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(loopback, preferredPort), 0);
    } catch (BindException taken) {
      server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "demo-company-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    return new CompanyHelpSite(server, executor);
  }

  /**
   * Starts serving the page.
   *
   * @param api the FixFinder origin the page loads {@code /embed.js} from
   * @param key the company's publishable key, if the server issues keys
   * @param unreachable an origin where nothing answers, for {@code /offline}
   */
  public CompanyHelpSite serve(URI api, Optional<String> key, URI unreachable) {
    server.createContext("/", ex -> answer(ex, api, key, unreachable));
    server.start();
    return this;
  }

  /** Where the help page is, e.g. {@code http://127.0.0.1:7090}. */
  public URI origin() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void answer(HttpExchange ex, URI api, Optional<String> key, URI unreachable)
      throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      boolean head = ex.getRequestMethod().equals("HEAD");
      if (!ex.getRequestMethod().equals("GET") && !head) {
        send(ex, 405, "text/plain", "GET only", head);
      } else if (path.equals("/")) {
        send(ex, 200, "text/html", page(api, key, Optional.empty()), head);
      } else if (path.equals("/offline")) {
        send(ex, 200, "text/html", page(api, key, Optional.of(unreachable)), head);
      } else {
        send(ex, 404, "text/plain", "not found", head);
      }
    }
  }

  private static void send(HttpExchange ex, int status, String type, String body, boolean head)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  static String page(URI api, Optional<String> key, Optional<URI> apiOverride) {
    String script =
        "<script src=\""
            + attr(api.toString().replaceAll("/+$", "") + "/embed.js")
            + "\""
            + key.map(k -> " data-key=\"" + attr(k) + "\"").orElse("")
            + apiOverride.map(u -> " data-api=\"" + attr(u.toString()) + "\"").orElse("")
            + " data-target=\"#fixfinder\" data-placeholder=\"e.g. washing machine won't drain E18\""
            + " async></script>";
    return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Aqualine Customer Care</title>
        <style>
        * { font-family: Georgia, "Times New Roman", serif; letter-spacing: 0.02em; }
        body { margin: 0; background: #fdf7ee; color: #2b2118; font-size: 18px; }
        header, main, footer { padding: 1rem 2rem; }
        header { background: #12355b; color: #fff; }
        header a { color: #fff; }
        h1 { font-size: 2rem; margin: 0 0 .5rem; }
        input { border: 4px dashed #b00020; font-size: 24px; background: #fffbcc; padding: 12px; }
        button { background: #7a1f5c; color: #fff; text-transform: uppercase; border-radius: 0; }
        ul { list-style: square; }
        li { margin: 1rem 0; }
        a { color: #7a1f5c; }
        p { line-height: 2; }
        .faq button { padding: .3rem .8rem; }
        #fixfinder { max-width: 42rem; }
        </style>
        </head>
        <body>
        <header>
        <h1>Aqualine Customer Care</h1>
        <p>Help with your Aqualine washing machine, dryer or dishwasher.
        <a href="#contact">Contact us</a></p>
        </header>
        <main>
        <h2>Find a fix</h2>
        <p>Describe the fault or type the error code on the display.</p>
        <div id="fixfinder"></div>
        SCRIPT
        <h2>Frequently asked</h2>
        <ul class="faq">
        <li>Where is the model number? On the label inside the door.</li>
        <li>How long is the warranty? Two years from purchase.</li>
        <li><button type="button" class="page-button">Register your appliance</button></li>
        </ul>
        <h2 id="contact">Contact</h2>
        <p>Our fictional service line is open weekdays.</p>
        </main>
        <footer><p>A fictional company of the FixFinder demo.</p></footer>
        </body>
        </html>
        """
        .replace("SCRIPT", script);
  }

  private static String attr(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
