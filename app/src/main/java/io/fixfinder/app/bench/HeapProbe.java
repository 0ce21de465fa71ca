package io.fixfinder.app.bench;

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
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.management.ObjectName;

/**
 * Load-independent figures of the default search path on a {@code bench api} index: the live heap
 * after a full collection with the index and its issue clusters loaded as {@code serve} loads them
 * (and the classes that hold it), and the bytes one request allocates, by stage, measured with the
 * thread's allocation counter. Unlike latency, neither depends on what else the machine runs.
 *
 * <p>{@code java -cp fixfinder-all.jar io.fixfinder.app.bench.HeapProbe DIR [QUERIES]} where DIR is
 * the {@code --index-dir} of {@code bench api}.
 */
public final class HeapProbe {
  private HeapProbe() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    Path data = work.resolve("data");
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    try (MiniLmEmbedder embedder = MiniLmEmbedder.withThreads(1)) {
      FollowingIssues issues = new FollowingIssues(embedder, data.resolve("clusters"));
      long loadStart = System.nanoTime();
      try (IndexStore store = IndexStore.openReadOnly(data.resolve("index"), issues)) {
        System.out.printf(
            Locale.ROOT,
            "loaded %d records in %.1f s%n",
            store.count(),
            (System.nanoTime() - loadStart) / 1e9);
        System.gc();
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "live heap after full GC: %.1f MB%n", live / 1048576.0);
        String histogram =
            (String)
                ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
        histogram.lines().limit(22).forEach(System.out::println);

        Searcher searcher =
            new Searcher(
                store.searchers(),
                KeyExtractor.builtIn(),
                Optional.of(embedder),
                io.fixfinder.core.config.FixFinderConfig.Retrieval.HYBRID,
                io.fixfinder.core.config.FixFinderConfig.Fusion.LEARNED);
        RecordLookup records = new RecordLookup(store.searchers());
        GroupedSearch grouped =
            new GroupedSearch(searcher, issues, FeedbackSignals.none(), records);
        List<String> queries =
            new ArrayList<>(
                new LinkedHashSet<>(new SyntheticRecords(Lexicon.builtIn(), 42).queries(4 * n)));
        // each stage gets its own queries: the query-vector cache must not hit
        int warm = Math.min(500, queries.size() / 4);
        for (String q : queries.subList(0, warm)) grouped.search(SearchRequest.of(q + " warm"));
        // the API's mapper (ApiServer): the shared one with Optional support
        com.fasterxml.jackson.databind.ObjectMapper json =
            Json.mapper()
                .copy()
                .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module());
        String[] stages = {"embed", "window", "grouped", "grouped+json"};
        long[] bytes = new long[stages.length];
        long[] nanos = new long[stages.length];
        int m = Math.min(n, (queries.size() - warm) / stages.length);
        for (int i = 0; i < m; i++) {
          for (int s = 0; s < stages.length; s++) {
            String q = queries.get(warm + i * stages.length + s);
            long b0 = threads.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            switch (s) {
              case 0 -> embedder.embed(q);
              case 1 -> searcher.window(SearchRequest.of(q), GroupedSearch.WINDOW);
              case 2 -> grouped.search(SearchRequest.of(q));
              default -> {
                SearchResponse r = grouped.search(SearchRequest.of(q));
                json.writeValueAsBytes(r);
              }
            }
            nanos[s] += System.nanoTime() - t0;
            bytes[s] += threads.getCurrentThreadAllocatedBytes() - b0;
          }
        }
        System.out.printf(Locale.ROOT, "%d queries per stage, one thread, each query new%n", m);
        System.out.println("| stage | KB allocated per request | mean ms |");
        System.out.println("|---|---:|---:|");
        for (int s = 0; s < stages.length; s++)
          System.out.printf(
              Locale.ROOT,
              "| %s | %.1f | %.2f |%n",
              stages[s],
              bytes[s] / 1024.0 / m,
              nanos[s] / 1e6 / m);
      }
    }
  }
}
