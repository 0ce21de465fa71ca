package io.fixfinder.crawler.fetch.crawler4j;

import crawlercommons.robots.BaseRobotRules;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.CrawlController;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.io.FileTrees;
import io.fixfinder.crawler.fetch.CrawlEngine;
import io.fixfinder.crawler.fetch.PageHandler;
import io.fixfinder.crawler.fetch.SeedsRefused;
import io.fixfinder.crawler.filter.AddressPolicy;
import io.fixfinder.crawler.filter.GuardedDnsResolver;
import io.fixfinder.crawler.filter.UrlFilter;
import io.fixfinder.crawler.filter.UrlFilters;
import io.fixfinder.crawler.filter.UrlVerdict;
import io.fixfinder.crawler.run.CrawlCounters;
import io.fixfinder.crawler.source.SiteConfig;
import io.fixfinder.crawler.source.SitemapReader;
import io.fixfinder.crawler.state.FetchStateStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawls with crawler4j, one {@link CrawlController} per site. Crawler4j's politeness delay is
 * global to a controller (one fetcher, one mutex), so one controller per host gives per-host
 * politeness while hosts crawl in parallel. The delay is the larger of the site's own and the
 * host's robots.txt {@code Crawl-delay}, capped by {@code crawl.maxCrawlDelaySeconds}.
 */
public final class Crawler4jEngine implements CrawlEngine {
  private static final Logger log = LoggerFactory.getLogger(Crawler4jEngine.class);

  private final FixFinderConfig.Crawl defaults;
  private final Path stateDir;
  private final AddressPolicy addressPolicy;
  private final List<CrawlController> running = new CopyOnWriteArrayList<>();

  /**
   * @param stateDir where the crawl keeps its state: per-URL fetch state and, per site, crawler4j's
   *     frontier. A crawl killed before it finished resumes from there on the next run; a finished
   *     crawl makes the next run a recrawl (conditional GET for every known URL).
   */
  public Crawler4jEngine(
      FixFinderConfig.Crawl defaults, Path stateDir, AddressPolicy addressPolicy) {
    this.defaults = defaults;
    this.stateDir = stateDir;
    this.addressPolicy = addressPolicy;
  }

  /**
   * URLs of the crawl that ended in an outcome ({@code done}) and URLs scheduled so far ({@code
   * discovered}: seeds, sitemap entries, links found), summed over the sites.
   */
  public record Frontier(long done, long discovered) {}

  /** The last reading of each site's frontier; a finished site's frontier is closed. */
  private final java.util.Map<CrawlController, Frontier> frontiers =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Done and discovered URLs right now, for progress lines. Read from crawler4j's own bookkeeping
   * (processed and scheduled pages): the work queue's length alone leaves out the batch of URLs
   * each crawler thread has taken and not finished, which made "left" stand still and then drop to
   * a few while a hundred pages remained.
   */
  public Frontier progress() {
    for (CrawlController c : running) {
      try {
        // done before discovered: both only grow, so done never overtakes what was read after it
        long done = c.getFrontier().getNumberOfProcessedPages();
        long discovered = c.getFrontier().getNumberOfScheduledPages();
        frontiers.put(c, new Frontier(done, Math.max(done, discovered)));
      } catch (RuntimeException e) {
        // a frontier closing under us: its last reading stands
      }
    }
    long done = 0;
    long discovered = 0;
    for (Frontier f : frontiers.values()) {
      done += f.done();
      discovered += f.discovered();
    }
    return new Frontier(done, discovered);
  }

  /**
   * {@inheritDoc}
   *
   * @throws SeedsRefused when every configured seed of every site is refused and nothing is left to
   *     crawl from an earlier run: the sources file cannot work as written
   */
  @Override
  public void crawl(List<SiteConfig> sites, PageHandler handler, CrawlCounters counters)
      throws InterruptedException {
    List<CrawlController> controllers = new ArrayList<>();
    frontiers.clear();
    List<SeedsRefused.Refusal> refused = new ArrayList<>();
    int configuredSeeds = 0;
    long scheduled = 0;
    try (FetchStateStore states = FetchStateStore.open(stateDir)) {
      boolean resumed = states.resumed();
      String runId = states.beginRun();
      log.info(resumed ? "resuming unfinished crawl {}" : "starting crawl {}", runId);
      // Pages this run already stored before it was killed (the record log is the truth), read
      // once for all sites.
      java.util.Set<String> storedThisRun =
          resumed ? handler.pagesStoredIn(runId) : java.util.Set.of();
      for (SiteConfig site : sites) {
        configuredSeeds += site.seeds().size();
        Started started =
            start(site, handler, counters, states, runId, resumed, storedThisRun, refused);
        controllers.add(started.controller());
        scheduled += started.scheduled();
      }
      for (CrawlController controller : controllers) {
        controller.waitUntilFinish();
      }
      progress(); // the final counts, while the frontiers can still be read
      if (!stopped) states.endRun();
    } catch (InterruptedException e) {
      stop();
      throw e;
    } catch (Exception e) {
      stop();
      throw new IllegalStateException("crawl failed to start: " + e.getMessage(), e);
    } finally {
      for (CrawlController controller : controllers) {
        controller.getPageFetcher().shutDown();
      }
      running.removeAll(controllers);
    }
    if (scheduled == 0 && configuredSeeds > 0 && refused.size() == configuredSeeds) {
      throw new SeedsRefused(refused);
    }
  }

  /** A site's controller, started, and how many URLs its frontier held when it started. */
  private record Started(CrawlController controller, long scheduled) {}

  private Started start(
      SiteConfig site,
      PageHandler handler,
      CrawlCounters counters,
      FetchStateStore states,
      String runId,
      boolean resumed,
      java.util.Set<String> storedThisRun,
      List<SeedsRefused.Refusal> refused)
      throws Exception {
    Path storage = stateDir.resolve("sites").resolve(safeName(site.name()));
    if (!resumed) FileTrees.delete(storage); // a new run starts with an empty frontier
    Files.createDirectories(storage.resolve("frontier"));
    // crawler4j's resumable frontier commits a Berkeley DB transaction per scheduled URL and,
    // by default, fsyncs each one. Writing to the OS without fsync survives a killed process
    // (what resuming is for) at a fraction of the cost; only a power cut can lose the tail.
    Files.writeString(
        storage.resolve("frontier").resolve("je.properties"),
        "je.txn.durability=WRITE_NO_SYNC,NO_SYNC,NONE\n");
    String userAgent = site.userAgent().orElse(defaults.userAgent());
    CrawlConfig config = new CrawlConfig();
    config.setCrawlStorageFolder(storage.toString());
    // Always transactional: only a resumable frontier survives kill -9.
    config.setResumableCrawling(true);
    config.setUserAgentString(userAgent);
    config.setPolitenessDelay(site.politenessDelayMs().orElse(defaults.politenessDelayMs()));
    config.setMaxDepthOfCrawling(site.maxDepth().orElse(defaults.maxDepth()));
    config.setMaxPagesToFetch(site.maxPages().orElse(defaults.maxPages()));
    config.setIncludeBinaryContentInCrawling(true);
    config.setIncludeHttpsPages(true);
    config.setConnectionTimeout(defaults.connectTimeoutMs());
    config.setSocketTimeout(defaults.socketTimeoutMs());
    config.setMaxDownloadSize(defaults.maxContentBytes());
    config.setFollowRedirects(true);
    config.setRespectNoFollow(true);
    config.setOnlineTldListUpdate(false);
    config.setMaxConnectionsPerHost(defaults.threadsPerHost());
    // crawler4j waits these many seconds before deciding a crawl is over; defaults (10 s each)
    // would add half a minute to every crawl.
    config.setThreadMonitoringDelaySeconds(1);
    config.setThreadShutdownDelaySeconds(1);
    config.setCleanupDelaySeconds(1);
    config.setDnsResolver(new GuardedDnsResolver(addressPolicy, site.allowPrivateNetwork()));

    // Sitemap lastmod per URL: a page not modified since we last fetched it is not fetched.
    java.util.Map<String, java.time.Instant> lastModified =
        new java.util.concurrent.ConcurrentHashMap<>();
    SafePageFetcher fetcher =
        new SafePageFetcher(
            config,
            new StoreRevalidation(states, runId, lastModified, storedThisRun),
            defaults.maxFetchSeconds());
    CommonsRobotsServer robots = new CommonsRobotsServer(fetcher, userAgent, counters);
    CrawlController controller =
        new CrawlController(config, fetcher, new JsoupParser(config, counters), robots);
    UrlFilter filter = UrlFilters.forSite(site, addressPolicy);

    URI origin = site.seeds().getFirst().resolve("/");
    BaseRobotRules rules = robots.rulesFor(origin);
    long crawlDelayMs = rules.getCrawlDelay() > 0 ? rules.getCrawlDelay() : 0;
    long capMs = defaults.maxCrawlDelaySeconds() * 1000L;
    int delay = (int) Math.max(config.getPolitenessDelay(), Math.min(crawlDelayMs, capMs));
    config.setPolitenessDelay(delay);

    for (URI seed : site.seeds()) {
      refusal(seed, filter, robots)
          .ifPresent(r -> refused.add(new SeedsRefused.Refusal(site.name(), seed, r)));
    }
    Set<String> seeds = new LinkedHashSet<>();
    site.seeds().forEach(s -> seeds.add(s.toString()));
    // A recrawl revalidates every page it knows, so unchanged pages cost a 304 and nothing is
    // missed because a page linking to it did not change.
    for (String known : states.knownUrls()) {
      if (filter.check(URI.create(known)).accepted()) seeds.add(known);
    }
    if (site.useSitemaps() && !rules.isAllowNone()) {
      List<String> sitemaps = new ArrayList<>(rules.getSitemaps());
      if (sitemaps.isEmpty()) sitemaps.add(origin.resolve("/sitemap.xml").toString());
      sitemaps.removeIf(url -> !rules.isAllowed(url));
      SitemapReader reader = new SitemapReader(url -> SitemapFetch.get(fetcher, url));
      for (SitemapReader.Entry entry : reader.read(sitemaps)) {
        seeds.add(entry.url().toString());
        entry.lastModified().ifPresent(t -> lastModified.put(entry.url().toString(), t));
      }
    }
    int added = 0;
    for (String seed : seeds) {
      if (filter.check(URI.create(seed)).accepted()) {
        controller.addSeed(seed);
        added++;
      }
    }
    long scheduled =
        controller.getFrontier().getQueueLength(); // before any crawler thread takes one
    log.info("site {}: {} seeds, politeness {} ms", site.name(), added, delay);
    if (scheduled == 0) {
      // Other sites may still crawl, so this is not SeedsRefused; it must not pass unseen either.
      log.warn("site {}: nothing to crawl, every seed was refused or filtered", site.name());
    }
    java.util.concurrent.ConcurrentMap<String, Integer> redirectHops =
        new java.util.concurrent.ConcurrentHashMap<>();
    CrawlController.WebCrawlerFactory<SiteCrawler> factory =
        () ->
            new SiteCrawler(
                site,
                filter,
                handler,
                counters,
                states,
                runId,
                redirectHops,
                defaults.maxRedirects());
    controller.startNonBlocking(factory, defaults.threadsPerHost());
    running.add(controller);
    return new Started(controller, scheduled);
  }

  /** Why a configured seed cannot be fetched: the site's URL filters first, then robots.txt. */
  private static Optional<String> refusal(URI seed, UrlFilter filter, CommonsRobotsServer robots) {
    if (filter.check(seed) instanceof UrlVerdict.Reject reject) {
      return Optional.of(reject.reason());
    }
    return robots.refusal(seed);
  }

  private volatile boolean stopped;

  @Override
  public void stop() {
    stopped = true;
    for (CrawlController controller : running) {
      controller.shutdown();
    }
  }

  private static String safeName(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /**
   * Revalidation answered from the fetch-state store: done when this run already stored the URL, or
   * when its sitemap {@code lastmod} is not newer than our last fetch.
   */
  private record StoreRevalidation(
      FetchStateStore states,
      String runId,
      java.util.Map<String, java.time.Instant> lastModified,
      java.util.Set<String> storedThisRun)
      implements SafePageFetcher.Revalidation {
    @Override
    public boolean doneThisRun(String url) {
      if (storedThisRun.contains(url)) return true;
      return states
          .get(url)
          .map(
              s -> {
                if (s.runId().equals(runId)) return true;
                java.time.Instant modified = lastModified.get(url);
                return modified != null && modified.toEpochMilli() <= s.fetchedAtMillis();
              })
          .orElse(false);
    }

    @Override
    public java.util.Map<String, String> conditionalHeaders(String url) {
      java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
      states
          .get(url)
          .ifPresent(
              s -> {
                if (!s.etag().isEmpty()) headers.put("If-None-Match", s.etag());
                if (!s.lastModified().isEmpty()) headers.put("If-Modified-Since", s.lastModified());
              });
      return headers;
    }
  }
}
