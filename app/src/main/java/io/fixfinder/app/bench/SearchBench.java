package io.fixfinder.app.bench;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.io.FileTrees;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.demo.scale.SyntheticRecords;
import io.fixfinder.indexer.search.ExternalRanking;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.search.Tuning;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import io.fixfinder.opensearch.backend.OpenSearchBackend;
import io.fixfinder.opensearch.backend.OpenSearchSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Query latency at a given index size, one query at a time: FixFinder's whole search (query
 * understanding, BM25 with key boosts and the prior, facets, a page of ten records read back and
 * snippeted) against plain Lucene's top ten over the same records.
 */
public final class SearchBench {
  private SearchBench() {}

  public static void run(
      List<Integer> sizes, int queries, int ramBufferMb, PrintStream out, PrintStream progress)
      throws IOException {
    run(sizes, queries, ramBufferMb, Optional.empty(), out, progress);
  }

  /**
   * As above, and with {@code opensearch} the same records written to that cluster through {@link
   * OpenSearchBackend} (a generation of its own alias, {@value #ALIAS}) and the same queries
   * searched there: FixFinder's ranking over OpenSearch's retrieval (bm25 candidates, the record of
   * each hit by {@code _mget}), without facets, which the OpenSearch backend does not count yet.
   * The indexing rate of each backend is printed after the table.
   */
  public static void run(
      List<Integer> sizes,
      int queries,
      int ramBufferMb,
      Optional<OpenSearchSettings> opensearch,
      PrintStream out,
      PrintStream progress)
      throws IOException {
    List<String> rates = new java.util.ArrayList<>();
    SyntheticRecords records = new SyntheticRecords(Lexicon.builtIn(), 42);
    List<String> list = records.queries(queries);
    List<String> warm = new SyntheticRecords(Lexicon.builtIn(), 7).queries(500);
    out.println("| engine | docs | queries | p50 ms | p90 ms | p99 ms | mean ms |");
    out.println("|---|---|---|---|---|---|---|");
    for (int size : sizes) {
      Path work = Files.createTempDirectory("fixfinder-bench-search");
      try {
        SyntheticCollection docs = new SyntheticCollection(records, size);
        Path plainDir = work.resolve("plain");
        PlainLucene.index(plainDir, ramBufferMb, docs);
        Path root = work.resolve("fixfinder");
        Indexer.Report built = Indexer.rebuild(root, ramBufferMb, Optional.empty(), docs, progress);
        rates.add(rate("embedded", size, built));
        Latencies plain = new Latencies();
        try (PlainLucene.Search search = new PlainLucene.Search(plainDir)) {
          for (String q : warm) search.top10(q);
          for (String q : list) {
            long t = System.nanoTime();
            search.top10(q);
            plain.add(System.nanoTime() - t);
          }
        }
        Latencies ours = new Latencies();
        try (IndexStore store = IndexStore.open(root, ramBufferMb)) {
          Searcher searcher = new Searcher(store.searchers(), KeyExtractor.builtIn());
          for (String q : warm) searcher.search(SearchRequest.of(q));
          for (String q : list) {
            long t = System.nanoTime();
            searcher.search(SearchRequest.of(q));
            ours.add(System.nanoTime() - t);
          }
        }
        Latencies remote = new Latencies();
        if (opensearch.isPresent()) {
          ExternalRanking ranking =
              new ExternalRanking(
                  KeyExtractor.builtIn(), Retrieval.BM25, Fusion.LEARNED, Tuning.DEFAULT);
          try (OpenSearchBackend backend =
              OpenSearchBackend.forWriting(
                  opensearch.get().withAlias(ALIAS), ranking, Optional.empty())) {
            rates.add(rate("OpenSearch", size, backend.writeGeneration(docs)));
            for (String q : warm) backend.search(SearchRequest.of(q));
            for (String q : list) {
              long t = System.nanoTime();
              backend.search(SearchRequest.of(q));
              remote.add(System.nanoTime() - t);
            }
          }
        }
        row(out, "plain Lucene top 10 (baseline)", size, plain);
        row(out, "FixFinder search, BM25 (page of 10 + facets)", size, ours);
        if (opensearch.isPresent()) {
          row(out, "FixFinder on OpenSearch, BM25 (page of 10, no facets)", size, remote);
        }
      } finally {
        FileTrees.delete(work);
      }
    }
    out.println();
    rates.forEach(out::println);
  }

  /** The alias the benchmark writes its generations under (apart from a served index). */
  static final String ALIAS = "fixfinder-bench";

  private static String rate(String backend, int size, Indexer.Report r) {
    double seconds = r.took().toNanos() / 1e9;
    return String.format(
        Locale.ROOT,
        "indexing %d records without embeddings, %s: %.1f s, %.0f records/s",
        size,
        backend,
        seconds,
        r.indexed() / seconds);
  }

  static void row(PrintStream out, String engine, int size, Latencies l) {
    out.printf(
        Locale.ROOT,
        "| %s | %d | %d | %.2f | %.2f | %.2f | %.2f |%n",
        engine,
        size,
        l.count(),
        l.percentileMs(50),
        l.percentileMs(90),
        l.percentileMs(99),
        l.meanMs());
    out.flush();
  }
}
