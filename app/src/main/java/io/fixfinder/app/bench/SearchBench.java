package io.fixfinder.app.bench;

import io.fixfinder.core.io.FileTrees;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.demo.scale.SyntheticRecords;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
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
        Indexer.rebuild(root, ramBufferMb, Optional.empty(), docs, progress);
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
        row(out, "plain Lucene top 10 (baseline)", size, plain);
        row(out, "FixFinder search, BM25 (page of 10 + facets)", size, ours);
      } finally {
        FileTrees.delete(work);
      }
    }
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
