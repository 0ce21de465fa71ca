package io.fixfinder.app.bench;

import io.fixfinder.core.io.FileTrees;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.demo.scale.SyntheticRecords;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.write.Indexer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Indexing rate: FixFinder's indexer (analysis, key fields, prior, stored record, optional
 * embeddings) against a plain Lucene writer with StandardAnalyzer on the same records, alternating
 * runs so both see the same machine state; the best of the rounds is reported.
 */
public final class IndexBench {
  private IndexBench() {}

  public static void run(
      int docs, int embedDocs, int rounds, int ramBufferMb, PrintStream out, PrintStream progress)
      throws IOException {
    SyntheticRecords records = new SyntheticRecords(Lexicon.builtIn(), 42);
    Path work = Files.createTempDirectory("fixfinder-bench-index");
    try {
      out.println("| indexer | docs | embeddings | seconds | docs/s | vs plain Lucene |");
      out.println("|---|---|---|---|---|---|");
      compare(records, docs, Optional.empty(), rounds, ramBufferMb, work, out, progress);
      if (embedDocs > 0) {
        try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
          compare(records, embedDocs, Optional.of(embedder), 1, ramBufferMb, work, out, progress);
        }
        EmbedBench.run(records.stream(Math.min(embedDocs, 2000)).toList(), rounds, out);
      }
    } finally {
      FileTrees.delete(work);
    }
  }

  private static void compare(
      SyntheticRecords records,
      int n,
      Optional<Embedder> embedder,
      int rounds,
      int ramBufferMb,
      Path work,
      PrintStream out,
      PrintStream progress)
      throws IOException {
    // Generated before the clock starts: both writers are timed on indexing alone.
    List<SourceDoc> docs = records.stream(n).toList();
    double plain = Double.MAX_VALUE;
    double ours = Double.MAX_VALUE;
    for (int round = 0; round < rounds; round++) {
      Path p = work.resolve("plain-" + n + "-" + round);
      plain = Math.min(plain, PlainLucene.index(p, ramBufferMb, docs));
      FileTrees.delete(p);
      Path f = work.resolve("fixfinder-" + n + "-" + round);
      Indexer.Report report = Indexer.rebuild(f, ramBufferMb, embedder, docs, progress);
      ours = Math.min(ours, report.took().toNanos() / 1e9);
      FileTrees.delete(f);
    }
    String emb = embedder.isPresent() ? "yes" : "no";
    out.printf(
        Locale.ROOT,
        "| plain Lucene, StandardAnalyzer (baseline) | %d | no | %.1f | %.0f | 100%% |%n",
        n,
        plain,
        n / plain);
    out.printf(
        Locale.ROOT,
        "| FixFinder | %d | %s | %.1f | %.0f | %.1f%% |%n",
        n,
        emb,
        ours,
        n / ours,
        100 * plain / ours);
    out.flush();
  }
}
