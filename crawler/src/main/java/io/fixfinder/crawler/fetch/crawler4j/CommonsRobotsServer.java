package io.fixfinder.crawler.fetch.crawler4j;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.fetcher.PageFetchResult;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.WebURL;
import io.fixfinder.crawler.run.CrawlCounters;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt with crawler-commons instead of crawler4j's own parser. Crawler4j allows everything
 * when robots.txt answers 5xx or cannot be fetched; RFC 9309 section 2.3.1.4 says an unreachable
 * robots.txt means "disallow all", and crawler-commons' failed-fetch rules do that. 4xx means no
 * rules (allow all), per the RFC.
 */
final class CommonsRobotsServer extends RobotstxtServer {
  private static final Logger log = LoggerFactory.getLogger(CommonsRobotsServer.class);
  private static final int MAX_ROBOTS_BYTES = 512 * 1024; // RFC 9309: at least 500 KiB parsed
  private static final int MAX_REDIRECTS = 5;

  private final PageFetcher fetcher;
  private final String agentName;
  private final CrawlCounters counters;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final Map<String, BaseRobotRules> cache = new ConcurrentHashMap<>();

  /** Per origin, why its robots.txt could not be read (its rules then disallow everything). */
  private final Map<String, String> failures = new ConcurrentHashMap<>();

  CommonsRobotsServer(PageFetcher fetcher, String userAgent, CrawlCounters counters) {
    super(disabledConfig(), fetcher);
    this.fetcher = fetcher;
    this.agentName = agentName(userAgent);
    this.counters = counters;
  }

  private static RobotstxtConfig disabledConfig() {
    RobotstxtConfig config = new RobotstxtConfig();
    config.setEnabled(false); // we answer allows() ourselves
    return config;
  }

  /**
   * The product token robots.txt groups are matched against: "FixFinderBot/0.1 (...)" ->
   * "fixfinderbot".
   */
  static String agentName(String userAgent) {
    String token = userAgent.trim().split("[\\s/;(]", 2)[0];
    return token.toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public boolean allows(WebURL webUrl) {
    URI url = URI.create(webUrl.getURL());
    if ("/robots.txt".equals(url.getPath())) return true;
    boolean allowed = rulesFor(url).isAllowed(webUrl.getURL());
    if (!allowed) counters.countUrlOnce(CrawlCounters.Outcome.SKIPPED_ROBOTS, "", webUrl.getURL());
    return allowed;
  }

  /** The rules for a URL's origin, fetched once per origin. */
  BaseRobotRules rulesFor(URI url) {
    return cache.computeIfAbsent(origin(url), this::fetchRules);
  }

  /** Why robots.txt forbids fetching {@code url}, or empty when it allows it. */
  Optional<String> refusal(URI url) {
    if (rulesFor(url).isAllowed(url.toString())) return Optional.empty();
    return Optional.of(failures.getOrDefault(origin(url), "disallowed by robots.txt"));
  }

  private static String origin(URI url) {
    return url.getScheme() + "://" + url.getRawAuthority();
  }

  private BaseRobotRules fetchRules(String origin) {
    String location = origin + "/robots.txt";
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      WebURL robots = new WebURL();
      robots.setURL(location);
      PageFetchResult result = null;
      try {
        result = fetcher.fetchPage(robots);
        int status = result.getStatusCode();
        if (status >= 300 && status < 400 && result.getMovedToUrl() != null) {
          location = URI.create(location).resolve(result.getMovedToUrl()).toString();
          continue;
        }
        if (status != 200) {
          log.info("robots.txt of {} answered {}", origin, status);
          BaseRobotRules rules = parser.failedFetch(status);
          if (!rules.isAllowAll()) failures.put(origin, "robots.txt answered " + status);
          return rules;
        }
        Page page = new Page(robots);
        result.fetchContent(page, MAX_ROBOTS_BYTES);
        return parser.parseContent(
            location, page.getContentData(), "text/plain", List.of(agentName));
      } catch (Exception e) {
        // Unreachable robots.txt: RFC 9309 says assume complete disallow.
        log.warn("robots.txt of {} unreachable ({}); disallowing the site", origin, e.toString());
        failures.put(origin, "robots.txt unreachable: " + e.getMessage());
        return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
      } finally {
        if (result != null) result.discardContentIfNotConsumed();
      }
    }
    log.warn("robots.txt of {} redirects too often; disallowing the site", origin);
    failures.put(origin, "robots.txt redirects too often");
    return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
  }
}
