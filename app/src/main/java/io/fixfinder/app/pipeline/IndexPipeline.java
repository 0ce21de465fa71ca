package io.fixfinder.app.pipeline;

import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.records.RecordLog;
import io.fixfinder.indexer.cluster.Assignment;
import io.fixfinder.indexer.cluster.ClusterSnapshot;
import io.fixfinder.indexer.cluster.ClusterStore;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.schema.SchemaVersion;
import io.fixfinder.indexer.search.ExternalRanking;
import io.fixfinder.indexer.search.Tuning;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import io.fixfinder.opensearch.backend.OpenSearchBackend;
import io.fixfinder.opensearch.backend.OpenSearchSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the index from the record log, and tells whether an existing index can be reused. */
public final class IndexPipeline {
  private final FixFinderConfig config;
  private final DataLayout data;
  private final PrintStream out;

  public IndexPipeline(FixFinderConfig config, DataLayout data, PrintStream out) {
    this.config = config;
    this.data = data;
    this.out = out;
  }

  public Indexer.Report rebuild() throws IOException {
    RecordLog.Snapshot snapshot = RecordLog.read(data.records());
    if (snapshot.badLines() > 0) {
      out.printf("index: skipped %d damaged record lines%n", snapshot.badLines());
    }
    Indexer.Report report;
    try (MiniLmEmbedder embedder =
        config.index().embeddings()
            ? MiniLmEmbedder.withThreads(config.index().embedThreads())
            : null) {
      Indexer.BeforePromote clusters =
          embedder == null
              ? Indexer.BeforePromote.NOTHING
              : (generation, previous) -> cluster(embedder, snapshot.docs(), generation, previous);
      report =
          Indexer.rebuild(
              data.index(),
              config.index().ramBufferMb(),
              Optional.<Embedder>ofNullable(embedder),
              // in id order: the same records give the same index, ties included
              new java.util.TreeMap<>(snapshot.docs()).values(),
              out,
              clusters);
      if (embedder == null) {
        out.println("index: issue clusters skipped (they need index.embeddings: true)");
      }
    }
    double seconds = report.took().toMillis() / 1000.0;
    out.printf(
        "index: %d records indexed (%d failed) in %.1f s, %.0f docs/s%n",
        report.indexed(), report.failed(), seconds, report.indexed() / Math.max(seconds, 1e-3));
    if (config.index().embeddings()) {
      out.printf(
          "index: %d vectors computed, %d reused from the previous generation%n",
          report.embedded(), report.reused());
    }
    return report;
  }

  /**
   * Writes the records as a new generation on the OpenSearch cluster of {@code index.opensearch}
   * (credentials from {@code env}), swapped in when complete. The issue clusters are built into a
   * local generation without records (the data directory's embedded index is replaced by it), which
   * {@code serve} on the cluster reads. Throws {@link OpenSearchBackend.Unreachable} when the
   * cluster does not answer.
   */
  public Indexer.Report rebuildOnOpenSearch(Map<String, String> env) throws IOException {
    RecordLog.Snapshot snapshot = RecordLog.read(data.records());
    if (snapshot.badLines() > 0) {
      out.printf("index: skipped %d damaged record lines%n", snapshot.badLines());
    }
    OpenSearchSettings settings = OpenSearchSettings.of(config.index().opensearch(), env);
    ExternalRanking ranking =
        new ExternalRanking(
            io.fixfinder.core.understand.KeyExtractor.builtIn(),
            config.index().retrieval(),
            config.index().fusion(),
            Tuning.DEFAULT);
    Indexer.Report report;
    try (MiniLmEmbedder embedder =
            config.index().embeddings()
                ? MiniLmEmbedder.withThreads(config.index().embedThreads())
                : null;
        OpenSearchBackend backend =
            OpenSearchBackend.forWriting(
                settings, ranking, Optional.<Embedder>ofNullable(embedder))) {
      out.printf(
          "index: writing a new generation to %s (%d shard%s, %d replica%s)%n",
          settings.where(),
          settings.shards(),
          settings.shards() == 1 ? "" : "s",
          settings.replicas(),
          settings.replicas() == 1 ? "" : "s");
      // in id order: the same records give the same index
      report = backend.writeGeneration(new java.util.TreeMap<>(snapshot.docs()).values());
      if (embedder != null) {
        // The issue clusters live beside the records' generation on this machine: a local
        // generation without records carries them (and keeps their ids from the previous one),
        // so a server searching the cluster groups its results and serves issue pages.
        Indexer.rebuild(
            data.index(),
            config.index().ramBufferMb(),
            Optional.empty(),
            List.of(),
            new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
            (generation, previous) -> cluster(embedder, snapshot.docs(), generation, previous));
      }
    }
    double seconds = report.took().toMillis() / 1000.0;
    out.printf(
        "index: %d records indexed (%d failed) in %.1f s, %.0f docs/s, %d vectors computed, %d"
            + " reused from the previous generation%n",
        report.indexed(),
        report.failed(),
        seconds,
        report.indexed() / Math.max(seconds, 1e-3),
        report.embedded(),
        report.reused());
    if (!config.index().embeddings()) {
      out.println("index: issue clusters skipped (they need index.embeddings: true)");
    } else {
      out.println(
          "index: the issue clusters are in "
              + data.index()
              + ", which now holds no records (`fixfinder index` serves the embedded index again)");
    }
    return report;
  }

  /**
   * Brings the issue clusters in line with the records, in the new index generation before it goes
   * live (servers then swap index and clusters together): starting from the clusters of the
   * previous generation (or of the legacy clusters folder), new and changed records are placed
   * (existing ones keep their cluster, so ids stay stable), records that are gone leave, and the
   * result is committed atomically.
   */
  private void cluster(
      Embedder embedder, Map<String, SourceDoc> docs, Path generation, Optional<Path> previous)
      throws IOException {
    long start = System.nanoTime();
    if (previous.isEmpty() || !ClusterStore.copyCommit(previous.get(), generation)) {
      ClusterStore.copyCommit(data.clusters(), generation);
    }
    try (ClusterStore clusters = ClusterStore.open(generation, embedder)) {
      Set<String> gone = new HashSet<>();
      for (IssueCluster c : clusters.all()) {
        for (String member : clusters.members(c.id())) {
          if (!docs.containsKey(member)) gone.add(member);
        }
      }
      gone.forEach(clusters::remove);
      Assignment assignment = clusters.add(docs.values());
      clusters.commit();
      out.printf(
          "index: %d records in %d issue clusters (%d new, %d changed of which %d moved, %d"
              + " removed, %d new clusters) in %.1f s%n",
          clusters.documentCount(),
          clusters.clusterCount(),
          assignment.added(),
          assignment.changed(),
          assignment.moved(),
          gone.size(),
          assignment.created().size(),
          (System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * The issue clusters of the live index generation, as a server would load them; empty without an
   * index, without clusters, or with embeddings off (clusters need them).
   */
  public Collection<IssueCluster> clusters() {
    try {
      Optional<Path> live = IndexStore.currentGeneration(data.index());
      if (live.isEmpty() || !config.index().embeddings() || !ClusterStore.committedIn(live.get())) {
        return List.of();
      }
      try (MiniLmEmbedder embedder = MiniLmEmbedder.withThreads(1)) {
        return ClusterSnapshot.load(live.get(), embedder).all();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An index that exists, holds documents and was written with the current schema. */
  public boolean reusable() throws IOException {
    if (!java.nio.file.Files.exists(data.index().resolve("CURRENT"))) return false;
    try (IndexStore store = IndexStore.openReadOnly(data.index())) {
      return store.committedSchemaVersion() == SchemaVersion.CURRENT && store.count() > 0;
    } catch (IndexStore.StaleSchema | IndexStore.Unservable e) {
      return false;
    }
  }
}
