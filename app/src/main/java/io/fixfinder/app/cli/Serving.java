package io.fixfinder.app.cli;

import io.fixfinder.api.ApiServer;
import io.fixfinder.api.analytics.Analytics;
import io.fixfinder.api.helpers.HelperDirectory;
import io.fixfinder.api.metrics.CrawlStats;
import io.fixfinder.api.people.People;
import io.fixfinder.api.search.SearchEngine;
import io.fixfinder.api.tenants.Tenancy;
import io.fixfinder.app.Main;
import io.fixfinder.app.pipeline.DataLayout;
import io.fixfinder.app.shared.SharedIssues;
import io.fixfinder.app.shared.StoreFollower;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.feedback.ItemExists;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.search.ExternalRanking;
import io.fixfinder.indexer.search.GroupedSearch;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.search.Tuning;
import io.fixfinder.indexer.suggest.Suggester;
import io.fixfinder.indexer.view.FollowingIssues;
import io.fixfinder.indexer.view.IssueSource;
import io.fixfinder.indexer.view.IssueView;
import io.fixfinder.indexer.view.ProductView;
import io.fixfinder.indexer.write.GenerationFollower;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.opensearch.backend.ClusterLeaderboardSource;
import io.fixfinder.opensearch.backend.OpenSearchBackend;
import io.fixfinder.opensearch.backend.OpenSearchSettings;
import io.fixfinder.store.Database;
import io.fixfinder.store.StoreException;
import io.fixfinder.store.changes.ChangeFeed;
import io.fixfinder.store.clusters.ClusterGenerations;
import io.fixfinder.store.contact.ContactJanitor;
import io.fixfinder.store.crypto.SecretKeys;
import io.fixfinder.store.feedback.FeedbackStore;
import io.fixfinder.store.tenants.TenantStore;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Opens the index and the database, starts the API and blocks until Ctrl-C or SIGTERM; then the
 * server stops accepting, finishes requests in flight (server.shutdownGraceSeconds) and only after
 * that are the index, the database and the rest closed, in that order.
 */
final class Serving {
  private Serving() {}

  /**
   * A started server and what it serves from; closing stops the server first (draining requests in
   * flight), then closes the rest in order.
   */
  record Running(ApiServer server, long documents, String database, List<AutoCloseable> parts)
      implements AutoCloseable {
    @Override
    public void close() {
      for (AutoCloseable c : parts) {
        try {
          c.close();
        } catch (Exception e) {
          // shutting down: nothing more useful to do with it
        }
      }
    }
  }

  static void serveUntilStopped(FixFinderConfig cfg, PrintStream out, List<AutoCloseable> alsoClose)
      throws Exception {
    Running running = start(cfg);
    String shown =
        cfg.server().host().equals("127.0.0.1") || cfg.server().host().equals("0.0.0.0")
            ? "localhost"
            : cfg.server().host();
    out.printf(
        "FixFinder is serving %d documents (votes in %s). Open http://%s:%d/%n",
        running.documents(), running.database(), shown, running.server().port());
    out.println("Press Ctrl-C to stop.");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.close();
                  for (AutoCloseable c : alsoClose) {
                    try {
                      c.close();
                    } catch (Exception e) {
                      // shutting down: nothing more useful to do with it
                    }
                  }
                  stopped.countDown();
                },
                "fixfinder-shutdown"));
    stopped.await();
  }

  /** Opens the database, the index and the clusters and starts the API on them. */
  static Running start(FixFinderConfig cfg) throws Exception {
    DataLayout layout = CommonOptions.layout(cfg);
    Database database;
    try {
      database = Database.open(cfg.database(), cfg.data().dir());
    } catch (StoreException e) {
      throw new Main.UsageError(e.getMessage() + " (check database.url / FIXFINDER_DATABASE_URL)");
    }
    // The change feed first (issue 17): what other processes change after this, the first poll
    // sees, so nothing falls between it and the tallies and clusters loaded below.
    ChangeFeed.Cursor changes;
    try {
      changes = new ChangeFeed(database).fromNow();
    } catch (StoreException e) {
      database.close();
      throw new Main.UsageError(e.getMessage() + " (check database.url / FIXFINDER_DATABASE_URL)");
    }
    boolean onCluster = cfg.index().backend() == FixFinderConfig.Backend.OPENSEARCH;
    // One embedder for query vectors (dense and hybrid search), the issue clusters' file and the
    // grouping of issue pages' fixes.
    MiniLmEmbedder embedder =
        cfg.index().embeddings() ? MiniLmEmbedder.withThreads(cfg.index().embedThreads()) : null;
    // Embedded: the clusters follow the index, each generation carrying its own, swapped in with
    // it. On OpenSearch they are the generation published in the store (below).
    Optional<FollowingIssues> clusters =
        onCluster
            ? Optional.empty()
            : Optional.ofNullable(embedder).map(e -> new FollowingIssues(e, layout.clusters()));
    IndexStore store;
    try {
      // read-only: no lock, nothing written, so servers share the data directory with `index`
      store =
          IndexStore.openReadOnly(
              layout.index(),
              clusters.<GenerationFollower>map(c -> c).orElse(GenerationFollower.NONE));
    } catch (IndexStore.StaleSchema | IndexStore.WriterBusy | IndexStore.Unservable e) {
      database.close();
      if (embedder != null) embedder.close();
      throw new Main.UsageError(e.getMessage());
    } catch (Exception | Error e) {
      database.close();
      if (embedder != null) embedder.close();
      throw e;
    }
    // index.backend: opensearch (issue 17): searches and records from the cluster, issue clusters
    // from the store, so a server needs nothing of the data directory of the run that indexed
    Optional<OpenSearchBackend> cluster;
    Optional<SharedIssues> shared;
    try {
      shared = sharedIssues(onCluster, database, embedder);
      cluster = openCluster(cfg, Optional.<Embedder>ofNullable(embedder));
    } catch (OpenSearchBackend.Unreachable
        | OpenSearchBackend.StaleMapping
        | IndexStore.StaleSchema e) {
      store.close();
      database.close();
      if (embedder != null) embedder.close();
      throw new Main.UsageError(e.getMessage());
    } catch (Exception | Error e) {
      store.close();
      database.close();
      if (embedder != null) embedder.close();
      throw e;
    }
    FeedbackStore feedback = new FeedbackStore(database, Clock.systemUTC());
    IssueSource issues =
        shared.<IssueSource>map(c -> c).or(() -> clusters.map(c -> c)).orElse(IssueSource.none());
    ItemExists issueIds =
        clusters.isPresent() || shared.isPresent()
            ? item -> issues.get(item.id()).isPresent()
            : ItemExists.anyWellFormed();
    Searcher searcher =
        new Searcher(
            store.searchers(),
            KeyExtractor.builtIn(),
            Optional.<Embedder>ofNullable(embedder),
            cfg.index().retrieval(),
            cfg.index().fusion());
    // Contact requests (issue 15): the people side, and the purge of expired requests.
    People people = People.open(database, layout.root(), cfg, Clock.systemUTC());
    TenantStore tenants =
        new TenantStore(database, SecretKeys.load(layout.root()), Clock.systemUTC());
    // companies' API keys (issue 16), looked up again every keyCacheSeconds, and dropped at once
    // when the change feed says their tenant changed (issue 17)
    Tenancy tenancy =
        new Tenancy(
            tenants,
            java.time.Duration.ofSeconds(cfg.api().keyCacheSeconds()),
            Clock.systemUTC(),
            System::nanoTime);
    Analytics analytics = Analytics.open(database, tenants, cfg.dashboard(), Clock.systemUTC());
    ApiServer server;
    try {
      server =
          new ApiServer(
                  backends(
                          cluster,
                          store,
                          searcher,
                          issues,
                          issueIds,
                          database,
                          feedback,
                          CrawlStats.fromFile(layout.crawlSummary()),
                          // issue pages group their fixes with the same model (issue 14)
                          Optional.<Embedder>ofNullable(embedder))
                      .withThumbnails(
                          new io.fixfinder.core.thumbs.ThumbnailStore(layout.thumbnails()))
                      .withPeople(people)
                      .withTenancy(tenancy)
                      // the company dashboard (issue 16): keyed traffic counted per day
                      .withAnalytics(analytics)
                      // alerts on emerging issues (issue 16): a webhook and/or an email per tenant
                      .withAlerts(
                          new io.fixfinder.api.alerts.Alerts(
                              new io.fixfinder.store.alerts.AlertStore(
                                  database, SecretKeys.load(layout.root()), Clock.systemUTC()),
                              people.mailer(),
                              cfg.dashboard(),
                              people.linkBase(),
                              Clock.systemUTC(),
                              true))
                      .withPublicUrl(cfg.api().publicUrl()),
                  cfg.server(),
                  cfg.leaderboards())
              .start(cfg.server().host(), cfg.server().port());
    } catch (ApiServer.PortInUseException e) {
      analytics.recorder().close();
      closeQuietly(cluster);
      store.close();
      database.close();
      if (embedder != null) embedder.close();
      throw new Main.UsageError(e.getMessage() + " (try --port)");
    }
    ApiServer started = server;
    // Other processes' votes, published clusters, helper and tenant changes (the store's change
    // feed) and a new generation on the cluster reach this process's tallies, clusters, helper
    // directory, cached keys and caches within a poll.
    StoreFollower follower =
        new StoreFollower(
                changes,
                feedback,
                shared,
                cluster.map(os -> (Callable<Set<String>>) os::servedIndices),
                new StoreFollower.Caches() {
                  @Override
                  public void searchesChanged() {
                    started.searchesChanged();
                  }

                  @Override
                  public void indexChanged() {
                    started.indexChanged();
                  }

                  @Override
                  public void helpersChanged() {
                    // the directory empties the search cache itself when whom it offers changed
                    started.helperDirectory().ifPresent(HelperDirectory::refresh);
                  }

                  @Override
                  public void tenantsChanged(Set<String> tenantIds) {
                    tenancy.forget(tenantIds);
                  }

                  @Override
                  public void allTenantsChanged() {
                    tenancy.forgetAll();
                  }
                })
            .start(Duration.ofMillis(cfg.database().changePollMillis()));
    ContactJanitor janitor =
        ContactJanitor.start(people.contact(), Clock.systemUTC(), cfg.contact().purgeEvery());
    List<AutoCloseable> parts = new ArrayList<>();
    parts.add(server); // first: drains requests in flight, which still use what follows
    parts.add(janitor);
    parts.add(analytics.recorder()); // after the server: writes the last counts
    parts.add(follower);
    cluster.ifPresent(parts::add);
    parts.add(store);
    parts.add(database);
    if (embedder != null) parts.add(embedder);
    long documents = cluster.isPresent() ? cluster.get().count() : store.count();
    return new Running(server, documents, database.kind().id(), List.copyOf(parts));
  }

  /**
   * On OpenSearch with embeddings, the issue clusters published in the store; one that cannot be
   * read is an operator's matter (one line, exit 2), as a stale index is.
   */
  private static Optional<SharedIssues> sharedIssues(
      boolean onCluster, Database database, MiniLmEmbedder embedder) {
    if (!onCluster || embedder == null) return Optional.empty();
    try {
      return Optional.of(
          SharedIssues.load(new ClusterGenerations(database, Clock.systemUTC()), embedder));
    } catch (java.io.IOException | StoreException e) {
      throw new Main.UsageError(
          e.getMessage() + " (publish them again with `fixfinder index --backend opensearch`)");
    }
  }

  /**
   * The cluster of {@code index.opensearch} when {@code index.backend} is opensearch (credentials
   * from the environment): its served generation must have this version's schema and mapping.
   */
  private static Optional<OpenSearchBackend> openCluster(
      FixFinderConfig cfg, Optional<Embedder> embedder) throws java.io.IOException {
    if (cfg.index().backend() != FixFinderConfig.Backend.OPENSEARCH) return Optional.empty();
    OpenSearchSettings settings = OpenSearchSettings.of(cfg.index().opensearch(), System.getenv());
    ExternalRanking ranking =
        new ExternalRanking(
            KeyExtractor.builtIn(), cfg.index().retrieval(), cfg.index().fusion(), Tuning.DEFAULT);
    return Optional.of(OpenSearchBackend.open(settings, ranking, embedder));
  }

  /**
   * The API's backends: over the embedded index, or over the cluster (searches ranked from its
   * windows, issue and product pages reading its records, its health and search time reported).
   */
  private static ApiServer.Backends backends(
      Optional<OpenSearchBackend> cluster,
      IndexStore store,
      Searcher searcher,
      IssueSource issues,
      ItemExists issueIds,
      Database database,
      FeedbackStore feedback,
      CrawlStats crawl,
      Optional<Embedder> embedder) {
    if (cluster.isEmpty()) {
      return ApiServer.Backends.of(
          store, searcher, issues, issueIds, database, feedback, crawl, embedder);
    }
    OpenSearchBackend os = cluster.get();
    GroupedSearch grouped =
        new GroupedSearch(os, issues, feedback, Lexicon.builtIn(), Clock.systemUTC());
    return new ApiServer.Backends(
            store,
            grouped::search,
            new IssueView(os, issues, feedback, embedder),
            new ProductView(os, issues),
            database,
            feedback,
            issueIds,
            crawl)
        .withEngine(
            new SearchEngine(
                FixFinderConfig.Backend.OPENSEARCH.id(),
                os,
                () -> {
                  OpenSearchBackend.Health h = os.health();
                  return new SearchEngine.Health(h.ok(), h.status(), h.nodes());
                },
                scope ->
                    Suggester.fromCounts(
                        Lexicon.builtIn(), scope, terms -> os.termCounts(terms, scope)),
                new ClusterLeaderboardSource(os),
                // /health's index: the generation the alias serves, not the local directory's
                () -> {
                  try {
                    OpenSearchBackend.ServedGeneration g = os.servedGeneration();
                    return Optional.of(
                        new SearchEngine.Served(
                            g.alias(),
                            g.index(),
                            g.indices().size(),
                            g.generation(),
                            g.documents(),
                            g.bytes(),
                            g.schemaVersion(),
                            g.schemaVersion()
                                == io.fixfinder.indexer.schema.SchemaVersion.CURRENT));
                  } catch (java.io.IOException | RuntimeException e) {
                    return Optional.empty();
                  }
                }));
  }

  private static void closeQuietly(Optional<OpenSearchBackend> cluster) {
    cluster.ifPresent(
        c -> {
          try {
            c.close();
          } catch (java.io.IOException e) {
            // shutting down: nothing more useful to do with it
          }
        });
  }
}
