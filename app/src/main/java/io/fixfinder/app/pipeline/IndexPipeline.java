package io.fixfinder.app.pipeline;

import io.fixfinder.app.shared.SharedClusters;
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
import io.fixfinder.store.Database;
import io.fixfinder.store.changes.ChangeFeed;
import io.fixfinder.store.changes.Topic;
import io.fixfinder.store.clusters.ClusterGenerations;
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
   * (credentials from {@code env}), swapped in when complete, and publishes the issue clusters in
   * the store (the database of {@code database.url}), where every server on the cluster reads them,
   * whatever machine it runs on (issue 17). The clusters start from the newest published generation
   * (or, before the first, from this data directory's embedded index), so their ids stay stable;
   * they are built before the records are written and published right after the alias moves, so
   * servers see the new records without their clusters for at most a poll. The data directory's
   * embedded index is left as it is. Throws {@link OpenSearchBackend.Unreachable} when the cluster
   * does not answer, {@link IndexStore.WriterBusy} when another run writes from this data
   * directory, {@link ClusterGenerations.Conflict} when another run published clusters meanwhile.
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
    Optional<ClusterGenerations.Published> published = Optional.empty();
    String database;
    Path scratch = null;
    // one writer per data directory, as for the embedded index
    try (java.io.Closeable writer = IndexStore.lockWriters(data.index());
        MiniLmEmbedder embedder =
            config.index().embeddings()
                ? MiniLmEmbedder.withThreads(config.index().embedThreads())
                : null;
        OpenSearchBackend backend =
            OpenSearchBackend.forWriting(
                settings, ranking, Optional.<Embedder>ofNullable(embedder));
        Database db = Database.open(config.database(), data.root())) {
      database = db.kind().id();
      SharedClusters shared =
          new SharedClusters(new ClusterGenerations(db, java.time.Clock.systemUTC()));
      long basedOn = 0;
      if (embedder != null) {
        scratch = java.nio.file.Files.createTempDirectory(data.root(), "clusters-");
        basedOn = clusterAside(shared, embedder, snapshot.docs(), scratch);
      }
      out.printf(
          "index: writing a new generation to %s (%d shard%s, %d replica%s)%n",
          settings.where(),
          settings.shards(),
          settings.shards() == 1 ? "" : "s",
          settings.replicas(),
          settings.replicas() == 1 ? "" : "s");
      // in id order: the same records give the same index
      report = backend.writeGeneration(new java.util.TreeMap<>(snapshot.docs()).values());
      String served = String.join(",", new java.util.TreeSet<>(backend.servedIndices()));
      if (embedder != null) {
        published = Optional.of(shared.publish(scratch, basedOn, served));
      }
      // servers drop their cached searches and suggesters at their next poll, without waiting
      // to see the alias move themselves
      db.transaction(c -> ChangeFeed.append(c, Topic.INDEX, served, java.time.Clock.systemUTC()));
    } finally {
      if (scratch != null) deleteTree(scratch);
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
    if (published.isEmpty()) {
      out.println("index: issue clusters skipped (they need index.embeddings: true)");
    } else {
      out.printf(
          "index: issue clusters published in the %s database as generation %d (%d bytes)%n",
          database, published.get().generation(), published.get().sizeBytes());
    }
    return report;
  }

  /**
   * Builds the issue clusters for {@code docs} in {@code dir}: from the newest generation published
   * in the store, or, before the first, from this data directory's embedded index (its live
   * generation, else the legacy folder), so that ids carry over. Returns the published generation
   * it started from (0: none).
   */
  private long clusterAside(
      SharedClusters shared, Embedder embedder, Map<String, SourceDoc> docs, Path dir)
      throws IOException {
    Optional<ClusterGenerations.Published> from = shared.restoreNewest(dir);
    if (from.isEmpty()) {
      Optional<Path> live = IndexStore.currentGeneration(data.index());
      if (live.isEmpty() || !ClusterStore.copyCommit(live.get(), dir)) {
        ClusterStore.copyCommit(data.clusters(), dir);
      }
    }
    place(embedder, docs, dir);
    return from.map(ClusterGenerations.Published::generation).orElse(0L);
  }

  private static void deleteTree(Path dir) {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      // a scratch folder left behind is harmless: the next run makes its own
    }
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
    if (previous.isEmpty() || !ClusterStore.copyCommit(previous.get(), generation)) {
      ClusterStore.copyCommit(data.clusters(), generation);
    }
    place(embedder, docs, generation);
  }

  /**
   * Opens the clusters committed in {@code dir}, places new and changed records, removes the gone
   * ones, and commits.
   */
  private void place(Embedder embedder, Map<String, SourceDoc> docs, Path dir) throws IOException {
    long start = System.nanoTime();
    try (ClusterStore clusters = ClusterStore.open(dir, embedder)) {
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
