package io.fixfinder.app.cli;

import io.fixfinder.app.Main;
import io.fixfinder.core.config.FixFinderConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

  @Option(
      names = "--access-log",
      paramLabel = "WHERE",
      description =
          "Access log: console, off, or a file to append to (default: server.accessLog, console;"
              + " demo: data/logs/access.log).")
  String accessLog;

  /** Whether --access-log was given (the demo has its own default otherwise). */
  boolean accessLogGiven() {
    return accessLog != null;
  }

  FixFinderConfig apply(FixFinderConfig cfg) {
    if (port != null && (port < 1 || port > 65535)) {
      throw new Main.UsageError("--port must be 1-65535, got " + port);
    }
    FixFinderConfig out = port == null ? cfg : cfg.withPort(port);
    if (host != null) out = out.withServer(out.server().withHostAndPort(host, out.server().port()));
    if (accessLog != null) {
      if (accessLog.isBlank()) throw new Main.UsageError("--access-log must not be empty");
      out = out.withServer(out.server().withAccessLog(accessLog));
    }
    return out;
  }

  /**
   * The access log as the server will open it: a relative file under the data directory, its folder
   * created and the file opened once for appending, so a path that cannot be written is one line
   * and exit 2 before anything starts.
   */
  static FixFinderConfig resolveAccessLog(FixFinderConfig cfg) {
    String where = cfg.server().accessLog();
    if (where.equals(FixFinderConfig.Server.ACCESS_LOG_CONSOLE)
        || where.equals(FixFinderConfig.Server.ACCESS_LOG_OFF)) {
      return cfg;
    }
    Path file;
    try {
      file = cfg.data().dir().resolve(where).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new Main.UsageError("access log " + where + " is not a valid path");
    }
    try {
      Files.createDirectories(file.getParent());
      Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
    } catch (IOException e) {
      throw new Main.UsageError("cannot write the access log " + file + " (" + e + ")");
    }
    return cfg.withServer(cfg.server().withAccessLog(file.toString()));
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
