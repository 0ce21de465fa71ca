package io.fixfinder.api.metrics;

import io.fixfinder.core.config.FixFinderConfig;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where access-log lines go ({@code server.accessLog}): the console log, nowhere, or a file. A demo
 * or a terminal session should not scroll with every request, while an operator's service manager
 * may want them on stderr; hence the choice.
 */
public sealed interface AccessLog extends AutoCloseable {

  void line(String text);

  @Override
  default void close() {}

  /** The {@code io.fixfinder.access} logger, on stderr with the rest of the log. */
  record Console() implements AccessLog {
    private static final Logger ACCESS = LoggerFactory.getLogger("io.fixfinder.access");

    @Override
    public void line(String text) {
      ACCESS.info(text);
    }
  }

  /** No lines; /metrics keeps its per-route timers. */
  record Off() implements AccessLog {
    @Override
    public void line(String text) {}
  }

  /**
   * Lines appended to a file, each with its UTC time, flushed per line so a crash loses none. A
   * failed write is dropped, not thrown: the request it describes has already been answered.
   */
  final class ToFile implements AccessLog {
    private final Path path;
    private final BufferedWriter out;

    ToFile(Path path) throws IOException {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      this.path = path;
      this.out =
          Files.newBufferedWriter(
              path,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE);
    }

    public Path path() {
      return path;
    }

    @Override
    public synchronized void line(String text) {
      try {
        out.write(Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        out.write(' ');
        out.write(text);
        out.newLine();
        out.flush();
      } catch (IOException e) {
        // the disk is full or the file went away: the response was sent all the same
      }
    }

    @Override
    public synchronized void close() {
      try {
        out.close();
      } catch (IOException e) {
        // closing on shutdown: nothing more to do
      }
    }
  }

  /**
   * The log {@code where} names: {@link FixFinderConfig.Server#ACCESS_LOG_CONSOLE}, {@link
   * FixFinderConfig.Server#ACCESS_LOG_OFF} or a file path (resolved by the caller).
   *
   * @throws UncheckedIOException when the file cannot be opened for appending
   */
  static AccessLog of(String where) {
    return switch (where) {
      case FixFinderConfig.Server.ACCESS_LOG_CONSOLE -> new Console();
      case FixFinderConfig.Server.ACCESS_LOG_OFF -> new Off();
      default -> {
        try {
          yield new ToFile(Path.of(where));
        } catch (IOException e) {
          throw new UncheckedIOException(
              "cannot append to the access log " + where + ": " + e.getMessage(), e);
        }
      }
    };
  }
}
