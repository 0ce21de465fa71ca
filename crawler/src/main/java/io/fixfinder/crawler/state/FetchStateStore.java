package io.fixfinder.crawler.state;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixfinder.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-URL fetch state, in memory and in an append-only JSON-lines file forced to disk on every
 * change, so a {@code kill -9} loses at most the line being written (a torn last line is skipped on
 * load). Also keeps the current run's id: a run that did not finish is resumed, not restarted.
 */
public final class FetchStateStore implements AutoCloseable {

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Line.Put.class, name = "put"),
    @JsonSubTypes.Type(value = Line.Forget.class, name = "forget")
  })
  sealed interface Line {
    record Put(FetchState state) implements Line {}

    record Forget(String url) implements Line {}
  }

  private static final ObjectMapper JSON = Json.mapper();
  private final Map<String, FetchState> states = new ConcurrentHashMap<>();
  private final Path file;
  private final Path runFile;
  private final FileChannel channel;
  private final OutputStream out;
  private final String runId;
  private final boolean resumed;

  private FetchStateStore(Path dir) throws IOException {
    Files.createDirectories(dir);
    this.file = dir.resolve("fetch-state.jsonl");
    this.runFile = dir.resolve("RUNNING");
    load();
    if (Files.exists(runFile)) {
      this.runId = Files.readString(runFile, StandardCharsets.UTF_8).strip();
      this.resumed = !runId.isEmpty();
    } else {
      this.runId = "";
      this.resumed = false;
    }
    this.channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    this.out = Channels.newOutputStream(channel);
  }

  /** Opens the store; {@link #runId()} is the unfinished run's id, or empty for a new run. */
  public static FetchStateStore open(Path dir) throws IOException {
    return new FetchStateStore(dir);
  }

  private void load() throws IOException {
    if (!Files.exists(file)) return;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) continue;
        try {
          switch (JSON.readValue(line, Line.class)) {
            case Line.Put put -> states.put(put.state().url(), put.state());
            case Line.Forget forget -> states.remove(forget.url());
          }
        } catch (IOException torn) {
          // the line a killed process was writing
        }
      }
    }
  }

  /** Starts a run (or continues the unfinished one) and returns its id. */
  public String beginRun() {
    if (resumed) return runId;
    String id = "run-" + System.currentTimeMillis();
    try {
      Path tmp = runFile.resolveSibling("RUNNING.tmp");
      Files.writeString(tmp, id, StandardCharsets.UTF_8);
      Files.move(
          tmp,
          runFile,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the crawl run in " + runFile, e);
    }
    return id;
  }

  /** The run finished: the next crawl is a new run (a recrawl), not a resume. */
  public void endRun() throws IOException {
    Files.deleteIfExists(runFile);
  }

  public boolean resumed() {
    return resumed;
  }

  public String runId() {
    return runId;
  }

  public Optional<FetchState> get(String url) {
    return Optional.ofNullable(states.get(url));
  }

  public Collection<String> knownUrls() {
    return List.copyOf(states.keySet());
  }

  public void put(FetchState state) {
    states.put(state.url(), state);
    append(new Line.Put(state));
  }

  public void forget(String url) {
    if (states.remove(url) != null) append(new Line.Forget(url));
  }

  private synchronized void append(Line line) {
    try {
      out.write((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write fetch state " + file, e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
