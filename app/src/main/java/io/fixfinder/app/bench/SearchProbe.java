package io.fixfinder.app.bench;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.feedback.FeedbackSignals;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.demo.scale.SyntheticRecords;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.search.GroupedSearch;
import io.fixfinder.indexer.search.RecordLookup;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.view.FollowingIssues;
import io.fixfinder.indexer.write.IndexStore;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Load-independent cost of one API search on a {@code bench api} index: the grouped search (as the
 * API runs it: window, evidence, facets, grouping, record reads, snippets) and its JSON, one query
 * at a time on one thread, every query new, measured with the thread's CPU-time and allocation
 * counters, which a busy machine does not inflate the way it inflates wall time. Optionally writes
 * every response's JSON, one a line, so two builds can be compared response by response (rankings,
 * scores, confidence, groups, facets, totals) on the same index.
 *
 * <p>{@code java -cp fixfinder-all.jar io.fixfinder.app.bench.SearchProbe DIR [QUERIES [RETRIEVALS
 * [DUMP]]]}: DIR is the {@code --index-dir} of {@code bench api}; RETRIEVALS a comma list (default
 * {@code hybrid,bm25}); DUMP a file prefix ({@code DUMP-hybrid.jsonl}, ...). Uses only the public
 * search API, so it runs against an older jar too ({@code -cp probe-classes:old.jar}).
 */
public final class SearchProbe {
  private SearchProbe() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    List<String> retrievals =
        args.length > 2 ? List.of(args[2].split(",")) : List.of("hybrid", "bm25");
    Optional<String> dump = args.length > 3 ? Optional.of(args[3]) : Optional.empty();
    Path data = work.resolve("data");
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    com.fasterxml.jackson.databind.ObjectMapper json =
        Json.mapper().copy().registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module());
    List<String> queries =
        new ArrayList<>(
            new LinkedHashSet<>(
                new SyntheticRecords(Lexicon.builtIn(), 42).queries(2 * n + 2_000)));
    try (MiniLmEmbedder embedder = MiniLmEmbedder.withThreads(1)) {
      FollowingIssues issues = new FollowingIssues(embedder, data.resolve("clusters"));
      try (IndexStore store = IndexStore.openReadOnly(data.resolve("index"), issues)) {
        System.out.printf(Locale.ROOT, "%d records, %d queries each%n", store.count(), n);
        System.out.println(
            "| retrieval | CPU ms mean | CPU ms p50 | CPU ms p90 | CPU ms p99 | wall ms p50 | KB"
                + " allocated mean |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (String retrieval : retrievals) {
          Searcher searcher =
              new Searcher(
                  store.searchers(),
                  KeyExtractor.builtIn(),
                  Optional.of(embedder),
                  Retrieval.of(retrieval),
                  Fusion.LEARNED);
          RecordLookup records = new RecordLookup(store.searchers());
          // a fixed clock: the freshness lift counts whole days of age, so two runs minutes apart
          // would otherwise differ wherever a record's age crossed a day meanwhile
          GroupedSearch grouped =
              new GroupedSearch(
                  searcher,
                  issues,
                  FeedbackSignals.none(),
                  records,
                  Lexicon.builtIn(),
                  java.time.Clock.fixed(
                      java.time.Instant.parse("2026-12-01T00:00:00Z"), java.time.ZoneOffset.UTC));
          // warm-up queries differ from the measured ones (the query-vector cache must not hit)
          for (String q : queries.subList(0, 1_000)) {
            json.writeValueAsBytes(grouped.search(SearchRequest.of(q + " warm")));
          }
          long[] cpu = new long[n];
          long[] wall = new long[n];
          long bytes = 0;
          BufferedWriter out =
              dump.isPresent()
                  ? Files.newBufferedWriter(
                      Path.of(dump.get() + "-" + retrieval + ".jsonl"), StandardCharsets.UTF_8)
                  : null;
          for (int i = 0; i < n; i++) {
            String q = queries.get(2_000 + i);
            long b0 = threads.getCurrentThreadAllocatedBytes();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            SearchResponse r = grouped.search(SearchRequest.of(q));
            byte[] body = json.writeValueAsBytes(r);
            wall[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
            bytes += threads.getCurrentThreadAllocatedBytes() - b0;
            if (out != null) {
              out.write(new String(body, StandardCharsets.UTF_8));
              out.newLine();
            }
          }
          if (out != null) out.close();
          double mean = Arrays.stream(cpu).average().orElse(0) / 1e6;
          Arrays.sort(cpu);
          Arrays.sort(wall);
          System.out.printf(
              Locale.ROOT,
              "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f |%n",
              retrieval,
              mean,
              cpu[n / 2] / 1e6,
              cpu[(int) (n * 0.9)] / 1e6,
              cpu[(int) (n * 0.99)] / 1e6,
              wall[n / 2] / 1e6,
              bytes / 1024.0 / n);
        }
      }
    }
  }
}
