package io.fixfinder.indexer.eval.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A BEIR-format evaluation set: {@code corpus.jsonl} ({@code _id}, {@code title}, {@code text}),
 * {@code queries.jsonl} ({@code _id}, {@code text}) and {@code qrels/test.tsv} (header {@code
 * query-id corpus-id score}). A line that cannot be read is counted in {@link #malformed} and
 * skipped; a missing file is an error.
 *
 * @param qrels query id to (document id to grade), only for queries present in the queries file
 * @param malformed unreadable lines per file name
 */
public record BeirSet(
    List<Doc> corpus,
    List<Query> queries,
    Map<String, Map<String, Integer>> qrels,
    Map<String, Integer> malformed) {

  public record Doc(String id, String title, String text) {}

  public record Query(String id, String text) {}

  /** The folder is not a BEIR set: a file is missing or unreadable. One line, naming the path. */
  public static final class FormatException extends Exception {
    public FormatException(String message) {
      super(message);
    }
  }

  public BeirSet {
    corpus = List.copyOf(corpus);
    queries = List.copyOf(queries);
    qrels = Collections.unmodifiableMap(new LinkedHashMap<>(qrels));
    malformed = Collections.unmodifiableMap(new LinkedHashMap<>(malformed));
  }

  /** The queries that have at least one relevant judged document: the ones evaluated. */
  public List<Query> judgedQueries() {
    return queries.stream()
        .filter(q -> qrels.getOrDefault(q.id(), Map.of()).values().stream().anyMatch(g -> g > 0))
        .toList();
  }

  public int malformedLines() {
    return malformed.values().stream().mapToInt(Integer::intValue).sum();
  }

  public static BeirSet read(Path dir) throws FormatException {
    if (!Files.isDirectory(dir)) throw new FormatException("not a folder: " + dir);
    Map<String, Integer> malformed = new LinkedHashMap<>();
    List<Doc> corpus = new ArrayList<>();
    Path corpusFile = dir.resolve("corpus.jsonl");
    forEachLine(
        corpusFile,
        line -> {
          JsonNode n = Json.mapper().readTree(line);
          String id = text(n, "_id");
          if (id.isEmpty()) throw new IllegalArgumentException("no _id");
          corpus.add(new Doc(id, text(n, "title"), text(n, "text")));
        },
        malformed);
    List<Query> queries = new ArrayList<>();
    forEachLine(
        dir.resolve("queries.jsonl"),
        line -> {
          JsonNode n = Json.mapper().readTree(line);
          String id = text(n, "_id");
          String text = text(n, "text");
          if (id.isEmpty() || text.isBlank()) throw new IllegalArgumentException("no _id or text");
          queries.add(new Query(id, text));
        },
        malformed);
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    Path qrelsFile = dir.resolve("qrels").resolve("test.tsv");
    boolean[] header = {true};
    forEachLine(
        qrelsFile,
        line -> {
          String[] cols = line.split("\t");
          if (header[0]) {
            header[0] = false;
            if (cols.length >= 1 && cols[0].strip().equals("query-id")) return;
          }
          if (cols.length != 3) throw new IllegalArgumentException("expected 3 columns");
          int grade = Integer.parseInt(cols[2].strip());
          qrels
              .computeIfAbsent(cols[0].strip(), k -> new LinkedHashMap<>())
              .put(cols[1].strip(), grade);
        },
        malformed);
    if (corpus.isEmpty()) throw new FormatException("no documents in " + corpusFile);
    java.util.Set<String> queryIds = new java.util.HashSet<>();
    queries.forEach(q -> queryIds.add(q.id()));
    qrels.keySet().retainAll(queryIds);
    return new BeirSet(corpus, queries, qrels, malformed);
  }

  private interface LineHandler {
    void accept(String line) throws Exception;
  }

  private static void forEachLine(Path file, LineHandler handler, Map<String, Integer> malformed)
      throws FormatException {
    if (!Files.isRegularFile(file)) throw new FormatException("missing file: " + file);
    String name = file.getFileName().toString();
    malformed.put(name, 0);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) continue;
        try {
          handler.accept(line);
        } catch (Exception e) {
          malformed.merge(name, 1, Integer::sum);
        }
      }
    } catch (IOException e) {
      throw new FormatException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }
}
