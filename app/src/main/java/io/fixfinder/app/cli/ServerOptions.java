package io.fixfinder.app.cli;

import io.fixfinder.app.Main;
import io.fixfinder.core.config.FixFinderConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import picocli.CommandLine.Option;

/** Where the API listens. */
public final class ServerOptions {
  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "HTTP port (default: server.port, 7070).")
  Integer port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "Address to bind (default: server.host, 127.0.0.1).")
  String host;

  FixFinderConfig apply(FixFinderConfig cfg) {
    if (port != null && (port < 1 || port > 65535)) {
      throw new Main.UsageError("--port must be 1-65535, got " + port);
    }
    FixFinderConfig out = port == null ? cfg : cfg.withPort(port);
    if (host != null) out = out.withServer(out.server().withHostAndPort(host, out.server().port()));
    return out;
  }

  /** Fails fast, before minutes of crawling, when the port is taken. */
  static void checkFree(FixFinderConfig cfg) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(cfg.server().host(), cfg.server().port()));
    } catch (IOException e) {
      throw new Main.UsageError(
          "port "
              + cfg.server().port()
              + " on "
              + cfg.server().host()
              + " is already in use (try --port)");
    }
  }
}
