package io.fixfinder.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves each demo site from its folder on its own HTTP server on 127.0.0.1 – one origin per site,
 * so robots.txt and sitemap.xml are per host as on the web. Files are served as written, except
 * that {@code {{origin:NAME}}} in text files becomes that site's origin (ports are only known at
 * start). Supports HEAD and conditional GET, and logs every request.
 */
public final class DemoSites implements AutoCloseable {
  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on its sockets
    // and delayed ACKs on the client, every keep-alive response stalls about 40 ms. Real web
    // servers do not behave like that, so the demo sites must not either.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final int THREADS = 8;

  /** What to do when a site's requested port is taken. */
  public enum Ports {
    /** Use another free port and say so in {@link #replacedPorts()}. */
    PREFERRED,
    /** Fail: the caller depends on exactly these ports (URLs, and ids hashed from them). */
    REQUIRED
  }

  private final Map<String, URI> origins;
  private final Map<String, Integer> replacedPorts;
  private final List<HttpServer> servers;
  private final ExecutorService executor;
  private final List<AccessLogEntry> log;

  private DemoSites(
      Map<String, URI> origins,
      Map<String, Integer> replacedPorts,
      List<HttpServer> servers,
      ExecutorService executor,
      List<AccessLogEntry> log) {
    this.origins = origins;
    this.replacedPorts = replacedPorts;
    this.servers = servers;
    this.executor = executor;
    this.log = log;
  }

  /** Serves each site of the manifest on a free port. */
  public static DemoSites start(DemoManifest manifest) throws IOException {
    return start(manifest, Map.of(), Ports.PREFERRED);
  }

  /**
   * Serves each site on the port {@code ports} names for it (any free port for a site it does not
   * name). A taken port is replaced by a free one, listed in {@link #replacedPorts()}, with {@link
   * Ports#PREFERRED}: a second demo run keeps the URLs of the index the first one built when it
   * can, and knows when it cannot. With {@link Ports#REQUIRED} a taken port is an error.
   *
   * @throws BindException with {@link Ports#REQUIRED}, naming the site and the taken port
   */
  public static DemoSites start(DemoManifest manifest, Map<String, Integer> ports, Ports policy)
      throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
    List<HttpServer> servers = new ArrayList<>();
    Map<String, URI> origins = new LinkedHashMap<>();
    Map<String, Integer> replaced = new LinkedHashMap<>();
    List<AccessLogEntry> log = new CopyOnWriteArrayList<>();
    try {
      // Bind every server first: a page may link to any site, so all origins must be known
      // before the first request is answered.
      for (DemoSite site : manifest.sites()) {
        int wanted = ports.getOrDefault(site.name(), 0);
        HttpServer server = bind(loopback, wanted, site.name(), policy);
        servers.add(server);
        if (wanted > 0 && server.getAddress().getPort() != wanted)
          replaced.put(site.name(), wanted);
        origins.put(site.name(), URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
      }
      Map<String, URI> frozen = Collections.unmodifiableMap(origins);
      for (int i = 0; i < servers.size(); i++) {
        DemoSite site = manifest.sites().get(i);
        HttpServer server = servers.get(i);
        server.createContext("/", new SiteHandler(site.name(), site.root(), frozen, log::add));
        server.setExecutor(executor);
        server.start();
      }
      return new DemoSites(
          frozen, Collections.unmodifiableMap(replaced), List.copyOf(servers), executor, log);
    } catch (IOException | RuntimeException e) {
      servers.forEach(s -> s.stop(0));
      executor.shutdownNow();
      throw e;
    }
  }

  private static HttpServer bind(InetAddress address, int port, String site, Ports policy)
      throws IOException {
    if (port > 0) {
      try {
        return HttpServer.create(new InetSocketAddress(address, port), 0);
      } catch (BindException taken) {
        if (policy == Ports.REQUIRED) {
          BindException e =
              new BindException("port " + port + " for demo site '" + site + "' is taken");
          e.initCause(taken);
          throw e;
        }
        // PREFERRED: any free port will do; replacedPorts() tells the caller
      }
    }
    return HttpServer.create(new InetSocketAddress(address, 0), 0);
  }

  static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "demo-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The origin of a site, e.g. {@code http://127.0.0.1:43121}. */
  public URI origin(String siteName) {
    URI origin = origins.get(siteName);
    if (origin == null) {
      throw new IllegalArgumentException(
          "no demo site '" + siteName + "' (sites: " + origins.keySet() + ")");
    }
    return origin;
  }

  /** Sites whose requested port was taken, with that port: their URLs differ from last time. */
  public Map<String, Integer> replacedPorts() {
    return replacedPorts;
  }

  /** Site name to origin, in manifest order. */
  public Map<String, URI> origins() {
    return origins;
  }

  /** The requests so far, oldest first (a snapshot). */
  public List<AccessLogEntry> accessLog() {
    return List.copyOf(log);
  }

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
    executor.shutdownNow();
  }
}
