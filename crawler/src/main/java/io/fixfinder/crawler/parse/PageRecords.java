package io.fixfinder.crawler.parse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.records.RecordLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which records each fetched page stored last. Records are keyed by their canonical URL (the page's
 * {@code <link rel=canonical>}, a row's {@code #fragment}), not by the URL that was fetched, so a
 * page that answers 404 must be mapped back to the records it produced before they can be deleted.
 * Built from the record log's page lines when first needed (a 404 is rare) and kept up to date as
 * pages are stored.
 */
final class PageRecords {
  private static final ObjectMapper JSON = Json.mapper();

  /** A record: its id and canonical URL. */
  record Owned(String id, String url) {}

  /** Record id to the fetched page that stored it last. */
  private final Map<String, String> pageOf = new HashMap<>();

  /** Fetched page URL to the records it stored last, by id. */
  private final Map<String, Map<String, Owned>> recordsOf = new HashMap<>();

  static PageRecords read(Path recordLog) {
    PageRecords records = new PageRecords();
    if (!Files.exists(recordLog)) return records;
    try (BufferedReader reader = Files.newBufferedReader(recordLog, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.contains("\"page\"")) continue; // only page lines map fetched URLs to records
        RecordLog.Entry entry;
        try {
          entry = JSON.readValue(line, RecordLog.Entry.class);
        } catch (IOException torn) {
          continue; // a torn line stored nothing
        }
        if (entry instanceof RecordLog.Entry.Page page) records.stored(page.url(), page.docs());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + recordLog, e);
    }
    return records;
  }

  /** Page {@code pageUrl} stored {@code docs}: each is now that page's record. */
  void stored(String pageUrl, List<SourceDoc> docs) {
    for (SourceDoc doc : docs) {
      String previous = pageOf.put(doc.id(), pageUrl);
      if (previous != null && !previous.equals(pageUrl)) {
        Map<String, Owned> old = recordsOf.get(previous);
        if (old != null) old.remove(doc.id());
      }
      recordsOf
          .computeIfAbsent(pageUrl, k -> new LinkedHashMap<>())
          .put(doc.id(), new Owned(doc.id(), doc.url()));
    }
  }

  /** The records page {@code pageUrl} stored last; forgets them. */
  List<Owned> remove(String pageUrl) {
    Map<String, Owned> owned = recordsOf.remove(pageUrl);
    if (owned == null) return List.of();
    owned.keySet().forEach(pageOf::remove);
    return List.copyOf(owned.values());
  }
}
