package io.fixfinder.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixfinder.api.account.AccountHandler;
import io.fixfinder.api.account.AccountPageHandler;
import io.fixfinder.api.account.AccountService;
import io.fixfinder.api.account.HelperAuth;
import io.fixfinder.api.account.SkillVocabulary;
import io.fixfinder.api.analytics.AnalyticsCapture;
import io.fixfinder.api.contact.ContactHandler;
import io.fixfinder.api.contact.ContactPageHandler;
import io.fixfinder.api.contact.ContactService;
import io.fixfinder.api.dashboard.DashboardHandler;
import io.fixfinder.api.dashboard.DashboardPageHandler;
import io.fixfinder.api.dashboard.DashboardService;
import io.fixfinder.api.docs.DocsHandler;
import io.fixfinder.api.feedback.FeedbackHandler;
import io.fixfinder.api.feedback.IndexedItems;
import io.fixfinder.api.health.HealthHandler;
import io.fixfinder.api.helpers.HelperDirectory;
import io.fixfinder.api.helpers.HelpersHandler;
import io.fixfinder.api.helpers.Panels;
import io.fixfinder.api.http.Cors;
import io.fixfinder.api.http.ETags;
import io.fixfinder.api.http.PercentEscapes;
import io.fixfinder.api.http.SecurityHeaders;
import io.fixfinder.api.issues.IssueHandler;
import io.fixfinder.api.leaderboards.LeaderboardHandler;
import io.fixfinder.api.mail.CountedMailer;
import io.fixfinder.api.metrics.AccessLog;
import io.fixfinder.api.metrics.CrawlStats;
import io.fixfinder.api.metrics.MetricsHandler;
import io.fixfinder.api.metrics.RequestLog;
import io.fixfinder.api.pages.PageHandler;
import io.fixfinder.api.people.People;
import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.problem.JettyErrorHandler;
import io.fixfinder.api.problem.ProblemMapper;
import io.fixfinder.api.products.ProductHandler;
import io.fixfinder.api.protect.ClientKey;
import io.fixfinder.api.protect.RateLimiter;
import io.fixfinder.api.search.JsonBytes;
import io.fixfinder.api.search.SearchCache;
import io.fixfinder.api.search.SearchEngine;
import io.fixfinder.api.search.SearchHandler;
import io.fixfinder.api.search.SuggestHandler;
import io.fixfinder.api.search.TopFixes;
import io.fixfinder.api.tenants.KeyGate;
import io.fixfinder.api.tenants.Tenancy;
import io.fixfinder.api.thumbs.ThumbHandler;
import io.fixfinder.api.widget.WidgetHandler;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.feedback.FeedbackItem;
import io.fixfinder.core.feedback.ItemExists;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.thumbs.ThumbnailStore;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.indexer.leaderboard.IndexLeaderboardSource;
import io.fixfinder.indexer.leaderboard.Leaderboards;
import io.fixfinder.indexer.search.GroupedSearch;
import io.fixfinder.indexer.search.RecordLookup;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.view.IssueSource;
import io.fixfinder.indexer.view.IssueView;
import io.fixfinder.indexer.view.ProductView;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.store.Database;
import io.fixfinder.store.feedback.FeedbackStore;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The HTTP API and the UI's static files. {@link #routes} is the one route table: read it as the
 * API's table of contents. Handlers are thin; errors are typed and mapped once by {@link
 * ProblemMapper}.
 */
public final class ApiServer implements AutoCloseable {
  /** Where the ui module puts its pages and assets on the classpath. */
  public static final String UI_CLASSPATH = "/fixfinder-ui";

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiServer.class);

  /**
   * Route label values: the route table's paths; anything else is "other" (bounded cardinality).
   */
  private static final List<java.util.Map.Entry<java.util.regex.Pattern, String>> KNOWN_PATHS =
      routeTable(null).stream()
          .map(
              r ->
                  java.util.Map.entry(
                      java.util.regex.Pattern.compile(
                          java.util.regex.Pattern.quote(r.path())
                              .replaceAll("\\{[a-z]+\\}", "\\\\E[^/]+\\\\Q")),
                      r.path()))
          .toList();

  /** The route table path a request matched ({@code /api/issues/{id}}), else "other". */
  static String routeLabel(String path) {
    for (var known : KNOWN_PATHS) {
      if (known.getKey().matcher(path).matches()) return known.getValue();
    }
    return "other";
  }

  /**
   * What the API serves from; all opened and closed by the caller, after {@link #close()}.
   *
   * @param feedback the votes; also the {@link io.fixfinder.core.feedback.FeedbackSignals} ranking
   *     reads
   * @param issues whether an issue id names a cluster (until clusters exist: {@link
   *     ItemExists#anyWellFormed()})
   * @param crawl the last crawl's counters for /metrics
   * @param thumbs the video thumbnails kept by the crawl, served at {@code /thumbs/{hash}}
   * @param people helper accounts, the directory and contact requests (issue 15), when served
   */
  public record Backends(
      IndexStore index,
      SearchFunction search,
      IssueView issues,
      ProductView products,
      Database database,
      FeedbackStore feedback,
      ItemExists issueIds,
      CrawlStats crawl,
      Optional<ThumbnailStore> thumbs,
      Optional<People> people,
      Optional<Tenancy> tenancy,
      String publicUrl,
      Optional<io.fixfinder.api.analytics.Analytics> analytics,
      Optional<io.fixfinder.api.alerts.Alerts> alerts,
      Optional<SearchEngine> engine) {

    /** Without stored thumbnails (every {@code /thumbs/} address is 404) and without people. */
    public Backends(
        IndexStore index,
        SearchFunction search,
        IssueView issues,
        ProductView products,
        Database database,
        FeedbackStore feedback,
        ItemExists issueIds,
        CrawlStats crawl) {
      this(
          index,
          search,
          issues,
          products,
          database,
          feedback,
          issueIds,
          crawl,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          "",
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }

    /** The same backends, serving the thumbnails of {@code store} at {@code /thumbs/{hash}}. */
    public Backends withThumbnails(ThumbnailStore store) {
      return new Backends(
          index,
          search,
          issues,
          products,
          database,
          feedback,
          issueIds,
          crawl,
          Optional.of(store),
          people,
          tenancy,
          publicUrl,
          analytics,
          alerts,
          engine);
    }

    /** These backends with the people side served too. */
    public Backends withPeople(People people) {
      return new Backends(
          index,
          search,
          issues,
          products,
          database,
          feedback,
          issueIds,
          crawl,
          thumbs,
          Optional.of(people),
          tenancy,
          publicUrl,
          analytics,
          alerts,
          engine);
    }

    /**
     * These backends with companies' API keys checked (issue 16): without, every request that
     * carries {@code X-Api-Key} is refused with a 401.
     */
    public Backends withTenancy(Tenancy tenancy) {
      return new Backends(
          index,
          search,
          issues,
          products,
          database,
          feedback,
          issueIds,
          crawl,
          thumbs,
          people,
          Optional.of(tenancy),
          publicUrl,
          analytics,
          alerts,
          engine);
    }

    /**
     * These backends telling clients the server is at {@code publicUrl} ({@code api.publicUrl}: the
     * OpenAPI server and the OpenSearch links); empty: each request's own origin.
     */
    public Backends withPublicUrl(String publicUrl) {
      return new Backends(
          index, search, issues, products, database, feedback, issueIds, crawl, thumbs, people,
          tenancy, publicUrl, analytics, alerts, engine);
    }

    /**
     * These backends counting keyed searches, opens and votes, and serving the company dashboard
     * (issue 16); needs {@link #withTenancy} too (without keys there is nothing to count).
     */
    public Backends withAnalytics(io.fixfinder.api.analytics.Analytics analytics) {
      return new Backends(
          index,
          search,
          issues,
          products,
          database,
          feedback,
          issueIds,
          crawl,
          thumbs,
          people,
          tenancy,
          publicUrl,
          Optional.of(analytics),
          alerts,
          engine);
    }

    /**
     * These backends sending alerts on emerging issues (issue 16); needs {@link #withAnalytics}
     * (the alerts read the dashboard's emerging issues).
     */
    public Backends withAlerts(io.fixfinder.api.alerts.Alerts alerts) {
      return new Backends(
          index,
          search,
          issues,
          products,
          database,
          feedback,
          issueIds,
          crawl,
          thumbs,
          people,
          tenancy,
          publicUrl,
          analytics,
          Optional.of(alerts),
          engine);
    }

    /**
     * These backends searching another engine than the embedded index (OpenSearch): the search
     * function given is over its windows, and {@code engine} reads its records and reports its
     * health on {@code /health} and its search time on {@code /metrics}.
     */
    public Backends withEngine(SearchEngine engine) {
      return new Backends(
          index,
          search,
          issues,
          products,
          database,
          feedback,
          issueIds,
          crawl,
          thumbs,
          people,
          tenancy,
          publicUrl,
          analytics,
          alerts,
          Optional.of(engine));
    }

    /**
     * Backends over an index and its issue clusters: search is the searcher's ranking re-ranked by
     * votes and grouped by issue; issue and product pages read the same clusters.
     *
     * @param issueIds whether an issue id names a cluster (feedback checks votes against it)
     */
    public static Backends of(
        IndexStore index,
        Searcher searcher,
        IssueSource issues,
        ItemExists issueIds,
        Database database,
        FeedbackStore feedback,
        CrawlStats crawl) {
      return of(index, searcher, issues, issueIds, database, feedback, crawl, Optional.empty());
    }

    /**
     * The same, issue pages grouping their fixes with {@code embedder}'s sentence vectors blended
     * with words when it is given ({@link
     * IssueView#IssueView(io.fixfinder.indexer.search.RecordReader, IssueSource,
     * io.fixfinder.core.feedback.FeedbackSignals, Optional)}), by words alone otherwise.
     */
    public static Backends of(
        IndexStore index,
        Searcher searcher,
        IssueSource issues,
        ItemExists issueIds,
        Database database,
        FeedbackStore feedback,
        CrawlStats crawl,
        Optional<? extends io.fixfinder.indexer.embed.Embedder> embedder) {
      RecordLookup records = new RecordLookup(index.searchers());
      return new Backends(
          index,
          new GroupedSearch(searcher, issues, feedback, records)::search,
          new IssueView(records, issues, feedback, embedder),
          new ProductView(records, issues),
          database,
          feedback,
          issueIds,
          crawl,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          "",
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }

    /**
     * Backends without issue clusters (an index built without embeddings, tests): search is the
     * searcher's ranking re-ranked by votes, ungrouped; issue pages are all 404.
     */
    public static Backends withoutClusters(
        IndexStore index,
        Searcher searcher,
        Database database,
        FeedbackStore feedback,
        CrawlStats crawl) {
      return of(
          index,
          searcher,
          IssueSource.none(),
          ItemExists.anyWellFormed(),
          database,
          feedback,
          crawl);
    }
  }

  /** One search as the API runs it (grouped, re-ranked): {@code GroupedSearch::search}. */
  @FunctionalInterface
  public interface SearchFunction {
    SearchResponse search(SearchRequest request) throws java.io.IOException;
  }

  private final Javalin app;
  private final AccessLog accessLog;
  private final Optional<HelperDirectory> helperDirectory;
  private final Optional<io.fixfinder.api.alerts.AlertsService> alerts;
  private final Optional<io.fixfinder.api.alerts.AlertJob> alertJob;
  private final SearchCache searchCache;
  private final SuggestHandler suggestHandler;

  /** The leaderboards' settings when none are given: {@code config/defaults.yaml}'s. */
  public static final FixFinderConfig.Leaderboards DEFAULT_LEADERBOARDS =
      new FixFinderConfig.Leaderboards(Leaderboards.DEFAULT_MIN_REPORTS);

  public ApiServer(Backends backends, FixFinderConfig.Server settings) {
    this(backends, settings, DEFAULT_LEADERBOARDS, routes -> {});
  }

  /** With the leaderboards' settings ({@code leaderboards.*}). */
  public ApiServer(
      Backends backends,
      FixFinderConfig.Server settings,
      FixFinderConfig.Leaderboards leaderboards) {
    this(backends, settings, leaderboards, routes -> {});
  }

  ApiServer(
      Backends backends, FixFinderConfig.Server settings, Consumer<RoutesConfig> extraRoutes) {
    this(backends, settings, DEFAULT_LEADERBOARDS, extraRoutes);
  }

  /**
   * With {@code extraRoutes} added after the route table: tests use it for endpoints that must not
   * exist in production (a deliberately slow one for the shutdown test).
   */
  ApiServer(
      Backends backends,
      FixFinderConfig.Server settings,
      FixFinderConfig.Leaderboards leaderboards,
      Consumer<RoutesConfig> extraRoutes) {
    IndexStore index = backends.index();
    // The helper directory (issue 15): fills the helpers of searches and issue pages.
    this.helperDirectory =
        backends
            .people()
            .map(
                p ->
                    HelperDirectory.start(
                        p.profiles(), p.contact(), p.clock(), HelperDirectory.DEFAULT_REFRESH));
    Optional<Panels> panels =
        helperDirectory.map(d -> new Panels(d, backends.people().orElseThrow().clock()));
    MetricsHandler metrics = new MetricsHandler(backends.crawl());
    // the engine's share of a search (issue 17): the grouped search, helpers and cache apart
    io.micrometer.core.instrument.Timer engineTime =
        io.micrometer.core.instrument.Timer.builder("fixfinder.backend.search")
            .description("Time of a search on the index backend (uncached, grouped)")
            .tag("backend", backends.engine().map(SearchEngine::kind).orElse("lucene"))
            .register(metrics.registry());
    SearchFunction timed =
        request -> {
          long start = System.nanoTime();
          try {
            return backends.search().search(request);
          } finally {
            engineTime.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
          }
        };
    // each issue group's best fix, for its card (issue 14), kept per issue until a vote, a new
    // index or new clusters drop it
    TopFixes topFixes = new TopFixes(backends.issues(), TopFixes.TTL, metrics.registry());
    SearchFunction withFixes = request -> topFixes.attach(request, timed.search(request));
    SearchFunction searchWithHelpers =
        panels.isEmpty()
            ? withFixes
            : request -> panels.get().search(request, withFixes.search(request));
    ClientKey clients = new ClientKey(settings.trustedProxies());
    ObjectMapper json =
        Json.mapper().copy().registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module());
    SearchCache search =
        new SearchCache(
            searchWithHelpers,
            index.searchers(),
            settings.searchCacheMb() * MB,
            settings.searchConcurrency(),
            new JsonBytes(json));
    // what drops cached searches (a vote, a new index, new clusters) drops their top fixes too
    search.onInvalidate(topFixes::invalidateAll);
    search.keepOnly(topFixes::complete);
    RateLimiter limiter =
        new RateLimiter(
            settings.rateLimitPerMinute(),
            settings.rateLimitBurst(),
            settings.rateLimitMemoryMb() * MB,
            System::nanoTime);
    metrics.gauge("fixfinder.index.documents", "Documents in the live index", index::count);
    metrics.gauge("fixfinder.index.bytes", "Size of the live index on disk", index::sizeBytes);
    metrics.gauge(
        "fixfinder.ratelimit.bytes",
        "Estimated heap of the rate limiter's buckets",
        limiter::weightedBytes);
    metrics.gauge("fixfinder.ratelimit.buckets", "Clients with a bucket", limiter::buckets);
    metrics.gauge(
        "fixfinder.searchcache.bytes",
        "Estimated heap of the cached search responses",
        search::weightedBytes);
    helperDirectory.ifPresent(d -> d.onChange(search::invalidateAll));
    this.searchCache = search;
    SuggestHandler suggest =
        backends
            .engine()
            .map(e -> new SuggestHandler(e.suggestions()))
            .orElseGet(() -> new SuggestHandler(index));
    this.suggestHandler = suggest;
    // A key's scope (issue 16): what its votes, helpers and pages may be about.
    io.fixfinder.indexer.search.RecordReader records =
        backends
            .engine()
            .map(SearchEngine::records)
            .orElseGet(() -> new io.fixfinder.indexer.search.RecordLookup(index.searchers()));
    FeedbackHandler feedback =
        new FeedbackHandler(
            backends.feedback(),
            // a voted record must be one the engine serves (the cluster's, not the local index)
            new IndexedItems(records, backends.issueIds()),
            clients,
            search::invalidateAll,
            (item, scope) -> {
              try {
                return switch (item.kind()) {
                  case DOC ->
                      records.byIds(List.of(item.id())).values().stream()
                          .anyMatch(d -> scope.admits(d.product()));
                  case ISSUE -> backends.issues().within(scope).exists(item.id());
                };
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            },
            // a vote on a merged issue's id (an old link) is stored for the issue it is now
            item ->
                item.kind() == FeedbackItem.Kind.ISSUE
                    ? backends
                        .issues()
                        .issue(item.id())
                        .map(c -> FeedbackItem.issue(c.id()))
                        .orElse(item)
                    : item);
    // Mail (issue 15): each message's outcome counted, so a dead SMTP server shows in /metrics.
    Optional<People> mailing =
        backends
            .people()
            .map(p -> p.withMailer(CountedMailer.bound(p.mailer(), metrics.registry())));
    // Helper accounts (issue 15): one HelperAuth for every handler that acts for a helper.
    Optional<HelperAuth> helperAuth =
        backends.people().map(p -> new HelperAuth(p.accounts(), settings.trustedProxies()));
    Optional<AccountService> accounts =
        mailing.map(
            p ->
                new AccountService(
                    p,
                    helperAuth.orElseThrow(),
                    clients,
                    AccountService.mailLimiter(),
                    new SkillVocabulary(
                        Lexicon.builtIn(),
                        backends.issues()::exists,
                        area -> backends.issues().faultAreaLabel(area).isPresent())));
    // Contact requests (issue 15): the customer by capability, the helper by session.
    Optional<ContactService> contact =
        mailing.map(
            p ->
                new ContactService(p, helperAuth.orElseThrow(), clients, ContactService.limiter()));
    // The company dashboard (issue 16): keyed searches, opens and votes counted, read per tenant.
    Optional<DashboardService> dashboards =
        backends
            .analytics()
            .map(
                a ->
                    new DashboardService(
                        a.store(),
                        a.tenants(),
                        id -> backends.issues().issue(id).map(c -> c.label()),
                        a.settings().minQueryCount(),
                        a.settings().minVotes(),
                        a.settings().retentionDays(),
                        a.clock()));
    // Alerts on emerging issues (issue 16): settings per tenant, sent once by whichever process
    // claims each; the timer runs in the server unless the caller runs it (tests).
    Optional<io.fixfinder.api.alerts.AlertsService> alertsService =
        backends
            .alerts()
            .flatMap(
                a ->
                    dashboards.map(
                        d -> {
                          io.fixfinder.api.alerts.TargetPolicy policy =
                              new io.fixfinder.api.alerts.TargetPolicy(
                                  a.settings().alertAllowPrivateTargets());
                          return new io.fixfinder.api.alerts.AlertsService(
                              a,
                              d,
                              policy,
                              io.fixfinder.api.alerts.Webhooks.standard(policy, a.clock()),
                              metrics.registry());
                        }));
    this.alerts = alertsService;
    this.alertJob =
        alertsService.flatMap(
            s ->
                backends
                    .alerts()
                    .filter(io.fixfinder.api.alerts.Alerts::schedule)
                    .map(
                        a ->
                            io.fixfinder.api.alerts.AlertJob.start(
                                s,
                                java.time.Duration.ofMinutes(a.settings().alertEveryMinutes()))));
    Optional<AnalyticsCapture> capture =
        backends.analytics().map(a -> new AnalyticsCapture(a.recorder()));
    DashboardPageHandler dashboardPages =
        new DashboardPageHandler(
            dashboards,
            backends.analytics().map(io.fixfinder.api.analytics.Analytics::sessions),
            backends.tenancy(),
            backends.analytics().map(a -> a.settings().sessionHours()).orElse(8),
            settings.trustedProxies());
    Handlers handlers =
        new Handlers(
            new SearchHandler(search),
            new IssueHandler(backends.issues(), panels),
            new ProductHandler(backends.products()),
            suggest,
            feedback,
            new HealthHandler(index, backends.database(), backends.engine()),
            metrics,
            new PageHandler(
                search, suggest, feedback, backends.issues(), backends.products(), panels),
            new ThumbHandler(backends.thumbs()),
            new AccountHandler(accounts),
            new AccountPageHandler(accounts),
            new ContactHandler(contact),
            new ContactPageHandler(contact, backends.issues()),
            new HelpersHandler(
                helperDirectory,
                backends.people().map(People::clock).orElse(Clock.systemUTC()),
                (issue, scope) -> backends.issues().within(scope).exists(issue)),
            // counted where the records are: the embedded index, or the engine (issue 17)
            new LeaderboardHandler(
                new Leaderboards(
                    backends
                        .engine()
                        .map(SearchEngine::leaderboards)
                        .orElseGet(() -> new IndexLeaderboardSource(index.searchers())),
                    backends.feedback(),
                    leaderboards.minReports())),
            new DocsHandler(backends.publicUrl()),
            new DashboardHandler(dashboards),
            dashboardPages,
            new io.fixfinder.api.alerts.AlertsHandler(
                alertsService,
                dashboardPages,
                id -> dashboards.map(d -> d.tenantName(id)).orElse(id)));
    KeyGate keys = new KeyGate(backends.tenancy());
    Cors cors =
        new Cors(
            settings.corsOrigins(),
            () -> backends.tenancy().map(Tenancy::allOrigins).orElse(java.util.Set.of()));
    this.accessLog = AccessLog.of(settings.accessLog());
    RequestLog requestLog = new RequestLog(metrics.registry(), ApiServer::routeLabel, accessLog);
    long graceMillis = settings.shutdownGraceSeconds() * 1000L;
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.maxRequestSize = 64 * 1024;
              config.http.prefer405over404 = true;
              // Optional fields of response records (a hit's issue id) go out as a value or null.
              config.jsonMapper(new JavalinJackson(json, false));
              // Graceful stop: connectors stop accepting, requests in flight get graceMillis to
              // finish (new requests on kept-alive connections get 503), then Jetty stops.
              // Errors Jetty answers itself (before Javalin) are problems too, at both layers.
              config.jetty.modifyServer(
                  server -> {
                    server.setHandler(new GracefulHandler());
                    server.setStopTimeout(graceMillis);
                    server.setErrorHandler(new JettyErrorHandler());
                  });
              config.jetty.modifyServletContextHandler(
                  context -> context.setErrorHandler(new JettyErrorHandler()));
              if (ApiServer.class.getResource(UI_CLASSPATH + "/app.css") != null) {
                config.staticFiles.add(UI_CLASSPATH, Location.CLASSPATH);
              }
              // ETags are ours (ETags): Javalin's generator took a third of a search's CPU.
              config.http.generateEtags = false;
              config.requestLogger.http(requestLog::log);
              ProblemMapper.install(config.routes);
              config.routes.before(PercentEscapes::check);
              config.routes.before("/api/*", ctx -> limit(ctx, clients, limiter));
              config.routes.before("/vote", ctx -> limit(ctx, clients, limiter));
              config.routes.before("/account/*", ctx -> limit(ctx, clients, limiter));
              config.routes.before("/contact/*", ctx -> limit(ctx, clients, limiter));
              config.routes.before("/dashboard", ctx -> limit(ctx, clients, limiter));
              config.routes.before("/dashboard/*", ctx -> limit(ctx, clients, limiter));
              // after the per-address limit, which keyed requests pass too: a key never widens it
              config.routes.before(keys::apply);
              config.routes.before(cors::apply);
              config.routes.after(SecurityHeaders::apply);
              // a profile or account change shows in the directory soon, not only at the timer
              helperDirectory.ifPresent(
                  d ->
                      config.routes.after(
                          ctx -> {
                            if (ctx.method() == io.javalin.http.HandlerType.POST
                                && (ctx.path().startsWith("/account")
                                    || ctx.path().startsWith("/api/account"))) {
                              d.refreshSoon();
                            }
                          }));
              capture.ifPresent(c -> config.routes.after(c::apply));
              config.routes.after(ETags::apply);
              routes(config.routes, handlers);
              extraRoutes.accept(config.routes);
            });
  }

  private static final long MB = 1024L * 1024;

  /** The handlers the route table points at. */
  record Handlers(
      SearchHandler search,
      IssueHandler issues,
      ProductHandler products,
      SuggestHandler suggest,
      FeedbackHandler feedback,
      HealthHandler health,
      MetricsHandler metrics,
      PageHandler pages,
      ThumbHandler thumbs,
      AccountHandler account,
      AccountPageHandler accountPages,
      ContactHandler contact,
      ContactPageHandler contactPages,
      HelpersHandler helpers,
      LeaderboardHandler leaderboards,
      DocsHandler docs,
      DashboardHandler dashboard,
      DashboardPageHandler dashboardPages,
      io.fixfinder.api.alerts.AlertsHandler alerts) {}

  /** One endpoint: method, path, handler. */
  public record Route(String method, String path, io.javalin.http.Handler handler) {}

  /** The route table: every endpoint of the API, in one place (and in openapi.yaml, by test). */
  static List<Route> routeTable(Handlers h) {
    return List.of(
        new Route("get", "/api/search", ctx -> h.search().search(ctx)),
        new Route("get", "/api/issues/{id}", ctx -> h.issues().issue(ctx)),
        new Route("get", "/api/products/{id}", ctx -> h.products().product(ctx)),
        new Route("get", "/api/suggest", ctx -> h.suggest().suggest(ctx)),
        new Route("post", "/api/feedback", ctx -> h.feedback().post(ctx)),
        new Route("get", "/health", ctx -> h.health().health(ctx)),
        new Route("get", "/openapi.yaml", ctx -> h.docs().openApi(ctx)),
        new Route("get", "/docs", DocsHandler::docs),
        new Route("get", "/embed.js", WidgetHandler::script),
        new Route("get", "/metrics", ctx -> h.metrics().scrape(ctx)),
        new Route("get", "/", ctx -> h.pages().search(ctx)),
        new Route("get", "/issue/{id}", ctx -> h.pages().issue(ctx)),
        new Route("get", "/product/{id}", ctx -> h.pages().product(ctx)),
        new Route("get", "/thumbs/{hash}", ctx -> h.thumbs().thumb(ctx)),
        new Route("post", "/vote", ctx -> h.pages().vote(ctx)),
        // helper accounts (issue 15): JSON under /api/account, pages under /account
        new Route("post", "/api/account/register", ctx -> h.account().register(ctx)),
        new Route("post", "/api/account/verify", ctx -> h.account().verify(ctx)),
        new Route("post", "/api/account/verify/resend", ctx -> h.account().resend(ctx)),
        new Route("post", "/api/account/login", ctx -> h.account().login(ctx)),
        new Route("get", "/api/account/session", ctx -> h.account().session(ctx)),
        new Route("post", "/api/account/logout", ctx -> h.account().logout(ctx)),
        new Route("post", "/api/account/password/forgot", ctx -> h.account().requestReset(ctx)),
        new Route("post", "/api/account/password/reset", ctx -> h.account().completeReset(ctx)),
        new Route("post", "/api/account/password", ctx -> h.account().changePassword(ctx)),
        new Route("get", "/api/account/profile", ctx -> h.account().profile(ctx)),
        new Route("post", "/api/account/profile", ctx -> h.account().updateProfile(ctx)),
        new Route("get", "/api/account/channels", ctx -> h.account().channels(ctx)),
        new Route("post", "/api/account/channels", ctx -> h.account().setChannels(ctx)),
        new Route("get", "/api/account/export", ctx -> h.account().export(ctx)),
        new Route("post", "/api/account/delete", ctx -> h.account().delete(ctx)),
        new Route("get", "/account/register", ctx -> h.accountPages().registerForm(ctx)),
        new Route("post", "/account/register", ctx -> h.accountPages().register(ctx)),
        new Route("get", "/account/check-mail", ctx -> h.accountPages().checkMail(ctx)),
        new Route("get", "/account/verify", ctx -> h.accountPages().verifyForm(ctx)),
        new Route("post", "/account/verify", ctx -> h.accountPages().verify(ctx)),
        new Route("post", "/account/verify/resend", ctx -> h.accountPages().resend(ctx)),
        new Route("get", "/account/login", ctx -> h.accountPages().loginForm(ctx)),
        new Route("post", "/account/login", ctx -> h.accountPages().login(ctx)),
        new Route("post", "/account/logout", ctx -> h.accountPages().logout(ctx)),
        new Route("get", "/account/forgot", ctx -> h.accountPages().forgotForm(ctx)),
        new Route("post", "/account/forgot", ctx -> h.accountPages().forgot(ctx)),
        new Route("get", "/account/reset", ctx -> h.accountPages().resetForm(ctx)),
        new Route("post", "/account/reset", ctx -> h.accountPages().reset(ctx)),
        new Route("get", "/account", ctx -> h.accountPages().account(ctx)),
        new Route("post", "/account/password", ctx -> h.accountPages().changePassword(ctx)),
        new Route("post", "/account/delete", ctx -> h.accountPages().delete(ctx)),
        new Route("get", "/account/profile", ctx -> h.accountPages().profileForm(ctx)),
        new Route("post", "/account/profile", ctx -> h.accountPages().saveProfile(ctx)),
        new Route("get", "/account/channels", ctx -> h.accountPages().channelsForm(ctx)),
        new Route("post", "/account/channels", ctx -> h.accountPages().saveChannels(ctx)),
        // contact requests (issue 15): the customer by the capability in the path, the helper by
        // session; JSON under /api, pages beside
        new Route("post", "/api/helpers/{id}/contact", ctx -> h.contact().create(ctx)),
        new Route("get", "/api/contact/{token}", ctx -> h.contact().thread(ctx)),
        new Route("post", "/api/contact/{token}/messages", ctx -> h.contact().customerMessage(ctx)),
        new Route("post", "/api/contact/{token}/reveal", ctx -> h.contact().customerReveal(ctx)),
        new Route("post", "/api/contact/{token}/close", ctx -> h.contact().close(ctx)),
        new Route("post", "/api/contact/{token}/report", ctx -> h.contact().report(ctx)),
        new Route("get", "/api/account/requests", ctx -> h.contact().inbox(ctx)),
        new Route("get", "/api/account/requests/{id}", ctx -> h.contact().helperThread(ctx)),
        new Route("post", "/api/account/requests/{id}/accept", ctx -> h.contact().accept(ctx)),
        new Route("post", "/api/account/requests/{id}/decline", ctx -> h.contact().decline(ctx)),
        new Route(
            "post", "/api/account/requests/{id}/messages", ctx -> h.contact().helperMessage(ctx)),
        new Route(
            "post", "/api/account/requests/{id}/reveal", ctx -> h.contact().helperReveal(ctx)),
        new Route("get", "/helper/{id}/contact", ctx -> h.contactPages().contactForm(ctx)),
        new Route("post", "/helper/{id}/contact", ctx -> h.contactPages().contact(ctx)),
        new Route("get", "/contact/{token}", ctx -> h.contactPages().customerThread(ctx)),
        new Route(
            "post", "/contact/{token}/messages", ctx -> h.contactPages().customerMessage(ctx)),
        new Route("post", "/contact/{token}/reveal", ctx -> h.contactPages().customerReveal(ctx)),
        new Route("post", "/contact/{token}/close", ctx -> h.contactPages().close(ctx)),
        new Route("post", "/contact/{token}/report", ctx -> h.contactPages().report(ctx)),
        new Route("get", "/account/requests", ctx -> h.contactPages().inbox(ctx)),
        new Route("get", "/account/requests/{id}", ctx -> h.contactPages().helperThread(ctx)),
        new Route("post", "/account/requests/{id}/accept", ctx -> h.contactPages().accept(ctx)),
        new Route("post", "/account/requests/{id}/decline", ctx -> h.contactPages().decline(ctx)),
        new Route(
            "post", "/account/requests/{id}/messages", ctx -> h.contactPages().helperMessage(ctx)),
        new Route(
            "post", "/account/requests/{id}/reveal", ctx -> h.contactPages().helperReveal(ctx)),
        // helper directory (issue 15)
        new Route("get", "/api/helpers", ctx -> h.helpers().list(ctx)),
        new Route("get", "/api/helpers/{id}", ctx -> h.helpers().helper(ctx)),
        new Route("get", "/helpers", ctx -> h.pages().helpers(ctx)),
        new Route("get", "/helper/{id}", ctx -> h.pages().helper(ctx)),
        // public brand and model leaderboards (issue 16)
        new Route("get", "/api/leaderboards", ctx -> h.leaderboards().api(ctx)),
        new Route("get", "/leaderboards", ctx -> h.leaderboards().page(ctx)),
        new Route("get", "/leaderboards/{type}", ctx -> h.leaderboards().typePage(ctx)),
        // integration (issue 16): browsers add FixFinder as a search engine from this
        new Route("get", "/opensearch.xml", ctx -> h.docs().openSearch(ctx)),
        // the company dashboard (issue 16): JSON for servers with the secret key, pages for admins
        new Route("get", "/api/dashboard", ctx -> h.dashboard().api(ctx)),
        new Route("get", "/dashboard", ctx -> h.dashboardPages().page(ctx)),
        new Route("post", "/dashboard/login", ctx -> h.dashboardPages().login(ctx)),
        new Route("post", "/dashboard/logout", ctx -> h.dashboardPages().logout(ctx)),
        new Route("get", "/dashboard/export/{file}", ctx -> h.dashboardPages().export(ctx)),
        // alerts on emerging issues (issue 16): a webhook and/or an email per tenant
        new Route("get", "/api/dashboard/alerts", ctx -> h.alerts().get(ctx)),
        new Route("put", "/api/dashboard/alerts", ctx -> h.alerts().put(ctx)),
        new Route("get", "/dashboard/alerts", ctx -> h.alerts().page(ctx)),
        new Route("post", "/dashboard/alerts", ctx -> h.alerts().save(ctx)));
  }

  private static void routes(RoutesConfig routes, Handlers handlers) {
    for (Route route : routeTable(handlers)) {
      switch (route.method()) {
        case "get" -> routes.get(route.path(), route.handler());
        case "post" -> routes.post(route.path(), route.handler());
        case "put" -> routes.put(route.path(), route.handler());
        default -> throw new IllegalStateException("unsupported method " + route.method());
      }
    }
  }

  /** The paths and methods of the route table, for the OpenAPI coverage test. */
  public static List<String> documentedRoutes() {
    return routeTable(null).stream().map(r -> r.method() + " " + r.path()).toList();
  }

  private static void limit(Context ctx, ClientKey clients, RateLimiter limiter) {
    // A CORS preflight does no work (Cors answers it, or it is refused), and a browser sends one
    // before each keyed request of a new URL: charged, it would halve what a page may ask.
    if (ctx.method() == io.javalin.http.HandlerType.OPTIONS
        && ctx.header("Access-Control-Request-Method") != null) {
      return;
    }
    RateLimiter.Decision decision = limiter.acquire(clients.of(ctx));
    if (!decision.allowed()) throw ApiException.rateLimited(decision.retryAfterSeconds());
  }

  /** Starts listening; a port in use fails with a {@link PortInUseException}. */
  public ApiServer start(String host, int port) {
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause != null) {
        if (cause instanceof java.net.BindException) {
          throw new PortInUseException(host, port, cause);
        }
        cause = cause.getCause();
      }
      throw e;
    }
    return this;
  }

  /**
   * Votes or issue clusters changed in another process (seen on the store's change feed, issue 17):
   * cached search answers are dropped. Call it after the new tallies or clusters are in place.
   */
  public void searchesChanged() {
    searchCache.invalidateAll();
  }

  /**
   * The engine serves another index generation (a new one on the cluster, issue 17): cached
   * searches and the suggesters built from the old one's counts are dropped.
   */
  public void indexChanged() {
    suggestHandler.forget();
    searchCache.invalidateAll();
  }

  public int port() {
    return app.port();
  }

  /** The alert service, when alerts are sent: tests and tools run it at will. */
  public Optional<io.fixfinder.api.alerts.AlertsService> alerts() {
    return alerts;
  }

  /** The helper directory, when people are served: tests and tools refresh it at will. */
  public Optional<HelperDirectory> helperDirectory() {
    return helperDirectory;
  }

  /**
   * Stops accepting connections at once, lets requests in flight finish (up to {@code
   * server.shutdownGraceSeconds}), then stops. The backends stay open: close them after this.
   */
  @Override
  public void close() {
    try (accessLog) {
      stop();
    } finally {
      alertJob.ifPresent(io.fixfinder.api.alerts.AlertJob::close);
      helperDirectory.ifPresent(HelperDirectory::close);
    }
  }

  private void stop() {
    try {
      app.stop();
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause != null && !(cause instanceof java.util.concurrent.TimeoutException)) {
        cause = cause.getCause();
      }
      if (cause == null) throw e;
      // Jetty has stopped all the same; what was still running was cut off.
      LOG.warn("requests still in flight after the shutdown grace period were cut off");
    }
  }

  /** The port is taken by another process. */
  public static final class PortInUseException extends RuntimeException {
    public PortInUseException(String host, int port, Throwable cause) {
      super("port " + port + " on " + host + " is already in use", cause);
    }
  }
}
