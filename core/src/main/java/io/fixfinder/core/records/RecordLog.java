package io.fixfinder.core.records;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.SourceDoc;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The crawler's output and the indexer's input: an append-only log of JSON lines, one {@link Entry}
 * per line. Appends are flushed and forced to disk per call, so a killed process loses at most the
 * line it was writing; a torn last line is skipped on read and counted. The latest entry for an id
 * wins, so re-crawls and deletions are just more lines.
 */
public final class RecordLog implements AutoCloseable {

  /** A line of the log: a record, or a tombstone saying the document is gone. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Entry.Put.class, name = "put"),
    @JsonSubTypes.Type(value = Entry.Delete.class, name = "delete"),
    @JsonSubTypes.Type(value = Entry.Alias.class, name = "alias"),
    @JsonSubTypes.Type(value = Entry.Page.class, name = "page")
  })
  public sealed interface Entry {
    record Put(SourceDoc doc) implements Entry {}

    record Delete(String id, String url, String reason) implements Entry {}

    /** {@code url} holds the same content as record {@code id}: one document, several URLs. */
    record Alias(String id, String url) implements Entry {}

    /**
     * Everything one crawled page produced, in one line so that it is stored whole or not at all:
     * its records, the URLs it turned out to duplicate, and the crawl run that stored it (a resumed
     * run skips the pages its own earlier part stored).
     */
    record Page(String url, String run, List<SourceDoc> docs, List<Alias> aliases)
        implements Entry {
      public Page {
        docs = List.copyOf(docs);
        aliases = List.copyOf(aliases);
      }
    }
  }

  /** What a read found: the live records by id (in first-seen order) and the torn lines. */
  public record Snapshot(Map<String, SourceDoc> docs, int deleted, int badLines) {}

  private static final ObjectMapper JSON = Json.mapper();
  private final Path file;
  private final FileChannel channel;
  private final OutputStream out;

  private RecordLog(Path file) throws IOException {
    this.file = file;
    Files.createDirectories(file.toAbsolutePath().getParent());
    this.channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    this.out = Channels.newOutputStream(channel);
  }

  public static RecordLog openForAppend(Path file) throws IOException {
    return new RecordLog(file);
  }

  public Path file() {
    return file;
  }

  public void put(SourceDoc doc) {
    append(new Entry.Put(doc));
  }

  public void delete(String id, String url, String reason) {
    append(new Entry.Delete(id, url, reason));
  }

  public void alias(String id, String url) {
    append(new Entry.Alias(id, url));
  }

  /** Stores a crawled page's outcome atomically (one line, forced to disk). */
  public void page(String url, String run, List<SourceDoc> docs, List<Entry.Alias> aliases) {
    append(new Entry.Page(url, run, docs, aliases));
  }

  /** The pages a crawl run stored (complete lines only). */
  public static java.util.Set<String> pagesOfRun(Path file, String run) throws IOException {
    java.util.Set<String> pages = new java.util.HashSet<>();
    if (run.isEmpty() || !Files.exists(file)) return pages;
    String marker = "\"run\":" + JSON.writeValueAsString(run);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.contains(marker)) continue;
        try {
          if (JSON.readValue(line, Entry.class) instanceof Entry.Page page
              && page.run().equals(run)) {
            pages.add(page.url());
          }
        } catch (IOException torn) {
          // a torn last line stored nothing
        }
      }
    }
    return pages;
  }

  /** Lines written to the file (guarded by {@code this}). */
  private long written;

  /** Lines known forced to disk (guarded by {@link #forcing}). */
  private long forced;

  private final Object forcing = new Object();

  /**
   * Writes the line, then returns once it is on disk. Threads appending at once share a force
   * (group commit): the one that forces covers every line written before it started, so the others
   * find theirs forced already. A force costs milliseconds; one per line under one lock capped a
   * crawl at the disk's forces per second.
   */
  private void append(Entry entry) {
    try {
      byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
      long mine;
      synchronized (this) {
        out.write(line);
        out.flush();
        mine = ++written;
      }
      synchronized (forcing) {
        if (forced >= mine) return;
        long upTo;
        synchronized (this) {
          upTo = written;
        }
        channel.force(false);
        forced = upTo;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  @Override
  public void close() throws IOException {
    // After any force under way: the channel must not close beneath it.
    synchronized (forcing) {
      synchronized (this) {
        out.close();
      }
    }
  }

  /** A newer version of a record keeps the other URLs found for it earlier. */
  private static void putKeepingAliases(Map<String, SourceDoc> docs, SourceDoc doc) {
    SourceDoc previous = docs.get(doc.id());
    if (previous != null) {
      for (String other : previous.alsoAt()) doc = doc.withAlsoAt(other);
    }
    docs.put(doc.id(), doc);
  }

  private static void applyAlias(Map<String, SourceDoc> docs, Entry.Alias alias) {
    docs.computeIfPresent(alias.id(), (id, d) -> d.withAlsoAt(alias.url()));
  }

  /** Reads the latest state of every id; a missing file is an empty log. */
  public static Snapshot read(Path file) throws IOException {
    Map<String, SourceDoc> docs = new LinkedHashMap<>();
    int bad = 0;
    int deleted = 0;
    if (!Files.exists(file)) return new Snapshot(docs, 0, 0);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) continue;
        Entry entry;
        try {
          entry = JSON.readValue(line, Entry.class);
        } catch (IOException e) {
          bad++;
          continue;
        }
        switch (entry) {
          case Entry.Put put -> putKeepingAliases(docs, put.doc());
          case Entry.Alias alias -> applyAlias(docs, alias);
          case Entry.Page page -> {
            page.docs().forEach(doc -> putKeepingAliases(docs, doc));
            page.aliases().forEach(alias -> applyAlias(docs, alias));
          }
          case Entry.Delete del -> {
            // A page that is gone takes the records cut from it (rows, reviews) with it.
            String prefix = del.url() + "#";
            int before = docs.size();
            docs.remove(del.id());
            docs.values().removeIf(d -> d.url().startsWith(prefix));
            deleted += before - docs.size();
          }
        }
      }
    }
    return new Snapshot(docs, deleted, bad);
  }
}
