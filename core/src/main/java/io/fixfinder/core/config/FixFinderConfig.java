package io.fixfinder.core.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole typed configuration, bound once from {@code config/defaults.yaml}, an optional override
 * file and the environment (see {@link ConfigLoader}); passed through constructors.
 */
public record FixFinderConfig(
    Data data,
    Server server,
    Crawl crawl,
    YouTube youtube,
    Index index,
    Database database,
    Mail mail,
    Contact contact,
    Leaderboards leaderboards,
    Api api,
    Dashboard dashboard) {

  public record Data(Path dir) {}

  /**
   * How companies and browsers reach the API (issue 16).
   *
   * @param publicUrl the address people and programs reach this server at ({@code
   *     https://fixfinder.example.org}, no trailing slash): the OpenAPI document's server and the
   *     OpenSearch description's links; empty: taken from each request
   * @param keyCacheSeconds how long a resolved API key (or an unknown one) is remembered: a revoked
   *     or rotated-out key is refused at most this long after
   * @param rotationGraceHours how long {@code tenant rotate} keeps the old keys valid by default
   * @param tenantRateLimitPerMinute a new tenant's rate limit unless {@code --rate-limit} says
   * @param tenantDailyQuota a new tenant's requests per UTC day unless {@code --quota} says
   */
  public record Api(
      String publicUrl,
      int keyCacheSeconds,
      int rotationGraceHours,
      int tenantRateLimitPerMinute,
      int tenantDailyQuota) {
    public Api {
      publicUrl = publicUrl == null ? "" : publicUrl.strip();
      while (publicUrl.endsWith("/")) publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
      if (!publicUrl.isEmpty()) {
        java.net.URI uri;
        try {
          uri = new java.net.URI(publicUrl);
        } catch (java.net.URISyntaxException e) {
          throw new ConfigException("api.publicUrl is not a URL: " + e.getMessage());
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
            || uri.getHost() == null
            || uri.getRawQuery() != null
            || uri.getRawFragment() != null) {
          throw new ConfigException(
              "api.publicUrl must be an http(s) URL without query, e.g."
                  + " https://fixfinder.example.org");
        }
      }
      if (keyCacheSeconds < 0 || keyCacheSeconds > 300) {
        throw new ConfigException("api.keyCacheSeconds must be 0-300, got " + keyCacheSeconds);
      }
      if (rotationGraceHours < 0 || rotationGraceHours > 24 * 90) {
        throw new ConfigException(
            "api.rotationGraceHours must be 0-2160, got " + rotationGraceHours);
      }
      if (tenantRateLimitPerMinute < 1) {
        throw new ConfigException(
            "api.tenantRateLimitPerMinute must be >= 1, got " + tenantRateLimitPerMinute);
      }
      if (tenantDailyQuota < 1) {
        throw new ConfigException("api.tenantDailyQuota must be >= 1, got " + tenantDailyQuota);
      }
    }
  }

  /**
   * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} is believed;
   *     from anyone else the header is ignored (it is client-controlled)
   * @param rateLimitPerMinute sustained requests per minute per client (address plus API key)
   * @param rateLimitBurst requests a client may send at once before the limit applies
   * @param corsOrigins origins allowed to call the API from a browser (exact match)
   * @param shutdownGraceSeconds on stop, how long requests in flight may take to finish before the
   *     server closes their connections
   * @param searchThreads searches that run at once, the others waiting their turn in arrival order
   *     (0: one per core; see {@link #searchConcurrency()})
   * @param rateLimitMemoryMb most memory the rate limiter's buckets may hold; past it the least
   *     recently used buckets are dropped (a dropped client starts again with a full bucket)
   * @param searchCacheMb most memory cached search responses may hold (kept as the JSON sent)
   * @param accessLog where the one-line-per-request access log goes: {@code console} (the log on
   *     stderr), {@code off}, or a file the lines are appended to (relative: under {@code
   *     data.dir})
   */
  public record Server(
      String host,
      int port,
      java.util.List<String> trustedProxies,
      int rateLimitPerMinute,
      int rateLimitBurst,
      java.util.List<String> corsOrigins,
      int shutdownGraceSeconds,
      int searchThreads,
      int rateLimitMemoryMb,
      int searchCacheMb,
      String accessLog) {
    /** The access log on stderr, as the server has always written it. */
    public static final String ACCESS_LOG_CONSOLE = "console";

    /** No access log (the per-route timers in /metrics stay). */
    public static final String ACCESS_LOG_OFF = "off";

    public Server {
      if (port < 0 || port > 65535) {
        throw new ConfigException("server.port must be 0-65535, got " + port);
      }
      if (rateLimitPerMinute < 1) {
        throw new ConfigException(
            "server.rateLimitPerMinute must be >= 1, got " + rateLimitPerMinute);
      }
      if (rateLimitBurst < 1)
        throw new ConfigException("server.rateLimitBurst must be >= 1, got " + rateLimitBurst);
      if (shutdownGraceSeconds < 0 || shutdownGraceSeconds > 300) {
        throw new ConfigException(
            "server.shutdownGraceSeconds must be 0-300, got " + shutdownGraceSeconds);
      }
      if (searchThreads < 0 || searchThreads > 1024) {
        throw new ConfigException("server.searchThreads must be 0-1024, got " + searchThreads);
      }
      if (rateLimitMemoryMb < 1 || rateLimitMemoryMb > 4096) {
        throw new ConfigException(
            "server.rateLimitMemoryMb must be 1-4096, got " + rateLimitMemoryMb);
      }
      if (searchCacheMb < 0 || searchCacheMb > 65536) {
        throw new ConfigException("server.searchCacheMb must be 0-65536, got " + searchCacheMb);
      }
      accessLog = accessLog == null || accessLog.isBlank() ? ACCESS_LOG_CONSOLE : accessLog.strip();
      trustedProxies =
          java.util.List.copyOf(trustedProxies == null ? java.util.List.of() : trustedProxies);
      corsOrigins = java.util.List.copyOf(corsOrigins == null ? java.util.List.of() : corsOrigins);
    }

    public Server withHostAndPort(String newHost, int newPort) {
      return new Server(
          newHost,
          newPort,
          trustedProxies,
          rateLimitPerMinute,
          rateLimitBurst,
          corsOrigins,
          shutdownGraceSeconds,
          searchThreads,
          rateLimitMemoryMb,
          searchCacheMb,
          accessLog);
    }

    public Server withAccessLog(String where) {
      return new Server(
          host,
          port,
          trustedProxies,
          rateLimitPerMinute,
          rateLimitBurst,
          corsOrigins,
          shutdownGraceSeconds,
          searchThreads,
          rateLimitMemoryMb,
          searchCacheMb,
          where);
    }

    /**
     * Searches allowed to run at once: {@code searchThreads}, or one per core when 0. A search is
     * CPU work; more of them at once than cores only share the cores and each other's caches (at
     * one million records this cost a quarter of the throughput, docs/benchmarks.md).
     */
    public int searchConcurrency() {
      return searchThreads > 0 ? searchThreads : Runtime.getRuntime().availableProcessors();
    }
  }

  public record Crawl(
      String userAgent,
      int threadsPerHost,
      int politenessDelayMs,
      int maxCrawlDelaySeconds,
      int maxPages,
      int maxDepth,
      int connectTimeoutMs,
      int socketTimeoutMs,
      int maxContentBytes,
      int maxRedirects,
      int maxFetchSeconds) {
    public Crawl {
      if (maxFetchSeconds < 1) {
        throw new ConfigException("crawl.maxFetchSeconds must be >= 1, got " + maxFetchSeconds);
      }
      if (threadsPerHost < 1)
        throw new ConfigException("crawl.threadsPerHost must be >= 1, got " + threadsPerHost);
      if (politenessDelayMs < 0)
        throw new ConfigException("crawl.politenessDelayMs must be >= 0, got " + politenessDelayMs);
      if (maxContentBytes < 1024)
        throw new ConfigException("crawl.maxContentBytes must be >= 1024, got " + maxContentBytes);
    }
  }

  /** The API key is not here: it is read from the environment when needed and never stored. */
  public record YouTube(String rootUrl, int dailyQuotaUnits, int maxResultsPerQuery) {
    public YouTube {
      if (maxResultsPerQuery < 1 || maxResultsPerQuery > 50) {
        throw new ConfigException(
            "youtube.maxResultsPerQuery must be 1-50, got " + maxResultsPerQuery);
      }
    }
  }

  /**
   * @param retrieval how search finds candidates: {@code bm25} (words), {@code dense} (meaning,
   *     from sentence embeddings) or {@code hybrid} (both, fused)
   * @param fusion how hybrid combines the two lists: {@code rrf} (reciprocal rank), {@code linear}
   *     (normalised scores, weighted) or {@code learned} (a fitted combination)
   * @param embeddings whether records get a dense vector at index time (needed by dense, hybrid and
   *     issue clustering; off makes indexing several times faster)
   * @param embedThreads threads computing embeddings; 0 means one per core
   * @param backend which engine holds the index: {@code lucene} (embedded, the default) or {@code
   *     opensearch} (a cluster, docs/scaling.md)
   * @param opensearch where the cluster is, for {@code backend: opensearch}
   */
  public record Index(
      int ramBufferMb,
      Retrieval retrieval,
      Fusion fusion,
      boolean embeddings,
      int embedThreads,
      Backend backend,
      OpenSearch opensearch) {
    public Index {
      if (backend == null) backend = Backend.LUCENE;
      if (opensearch == null) opensearch = OpenSearch.LOCAL;
      if (ramBufferMb < 1) throw new ConfigException("index.ramBufferMb must be >= 1");
      if (retrieval == null) retrieval = Retrieval.HYBRID;
      if (fusion == null) fusion = Fusion.LEARNED;
      if (embedThreads < 0) throw new ConfigException("index.embedThreads must be >= 0");
      if (!embeddings && retrieval != Retrieval.BM25) {
        throw new ConfigException(
            "index.retrieval " + retrieval.id() + " needs index.embeddings: true");
      }
    }

    /** The defaults with only the RAM buffer set (tests, tools). */
    public Index(int ramBufferMb) {
      this(ramBufferMb, Retrieval.HYBRID, Fusion.LEARNED, true, 0);
    }

    /** The embedded backend with these settings. */
    public Index(
        int ramBufferMb, Retrieval retrieval, Fusion fusion, boolean embeddings, int embedThreads) {
      this(
          ramBufferMb,
          retrieval,
          fusion,
          embeddings,
          embedThreads,
          Backend.LUCENE,
          OpenSearch.LOCAL);
    }

    /** The same settings on another backend. */
    public Index withBackend(Backend other) {
      return new Index(ramBufferMb, retrieval, fusion, embeddings, embedThreads, other, opensearch);
    }
  }

  /** The engine that holds the index. */
  public enum Backend {
    LUCENE,
    OPENSEARCH;

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Backend of(String id) {
      for (Backend b : values()) if (b.id().equalsIgnoreCase(id.strip())) return b;
      throw new ConfigException("unknown index backend '" + id + "' (lucene or opensearch)");
    }
  }

  /**
   * An OpenSearch cluster (credentials come from the environment only: {@code
   * FIXFINDER_OPENSEARCH_USER}, {@code FIXFINDER_OPENSEARCH_PASSWORD}).
   *
   * @param urls the HTTP addresses of some of its nodes
   * @param shards primary shards of each generation {@code index --backend opensearch} writes (1 to
   *     {@value #MAX_SHARDS}, OpenSearch's own limit); searches keep BM25 statistics global over
   *     them, so the ranking does not depend on the layout
   * @param replicas copies of each shard on other nodes (0 to {@value #MAX_REPLICAS}); more than
   *     the nodes minus one leaves the cluster yellow
   */
  public record OpenSearch(List<String> urls, int shards, int replicas) {
    public static final int MAX_SHARDS = 1024;
    public static final int MAX_REPLICAS = 64;
    public static final OpenSearch LOCAL = new OpenSearch(List.of("http://127.0.0.1:9200"));

    public OpenSearch {
      urls = urls == null ? List.of() : List.copyOf(urls);
      if (urls.isEmpty()) throw new ConfigException("index.opensearch.urls must name a node");
      for (String u : urls) {
        if (u == null || !(u.startsWith("http://") || u.startsWith("https://"))) {
          throw new ConfigException("index.opensearch.urls: not an http(s) address: " + u);
        }
      }
      if (shards < 1 || shards > MAX_SHARDS) {
        throw new ConfigException(
            "index.opensearch.shards must be 1 to " + MAX_SHARDS + ", got " + shards);
      }
      if (replicas < 0 || replicas > MAX_REPLICAS) {
        throw new ConfigException(
            "index.opensearch.replicas must be 0 to " + MAX_REPLICAS + ", got " + replicas);
      }
    }

    /** One shard, no replica: the layout of a single node. */
    public OpenSearch(List<String> urls) {
      this(urls, 1, 0);
    }

    /** The same layout on other nodes (the demo's own node). */
    public OpenSearch withUrls(List<String> other) {
      return new OpenSearch(other, shards, replicas);
    }
  }

  /**
   * Relational state (feedback votes; later helpers, contact requests, API keys).
   *
   * @param url a JDBC URL, {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST/DB?...}; empty
   *     means SQLite in {@code fixfinder.db} under the data directory. It may hold a password, so
   *     it is never logged or echoed in an error
   * @param maxConnections size of the connection pool
   * @param connectTimeoutSeconds how long to wait for a connection before reporting the database
   *     down
   * @param changePollMillis how often a server reads the store's change feed (other processes'
   *     votes, published issue clusters) and, on OpenSearch, which index the alias names (issue 17)
   */
  public record Database(
      String url, int maxConnections, int connectTimeoutSeconds, int changePollMillis) {
    public Database {
      url = url == null ? "" : url.strip();
      if (!url.isEmpty()
          && !url.startsWith("jdbc:sqlite:")
          && !url.startsWith("jdbc:postgresql:")) {
        int colon = url.indexOf(':', url.indexOf(':') + 1);
        throw new ConfigException(
            "database.url must be empty, jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB, got a URL"
                + " starting '"
                + (colon > 0 ? url.substring(0, colon + 1) : "?")
                + "'");
      }
      if (maxConnections < 1 || maxConnections > 100) {
        throw new ConfigException("database.maxConnections must be 1-100, got " + maxConnections);
      }
      if (connectTimeoutSeconds < 1 || connectTimeoutSeconds > 60) {
        throw new ConfigException(
            "database.connectTimeoutSeconds must be 1-60, got " + connectTimeoutSeconds);
      }
      if (changePollMillis < 50 || changePollMillis > 60_000) {
        throw new ConfigException(
            "database.changePollMillis must be 50-60000, got " + changePollMillis);
      }
    }

    /** The JDBC URL to open: the configured one, or SQLite under {@code dataDir}. */
    public String urlFor(Path dataDir) {
      return url.isEmpty()
          ? "jdbc:sqlite:" + dataDir.resolve("fixfinder.db").toAbsolutePath().normalize()
          : url;
    }
  }

  /**
   * Outgoing mail (contact-request notices, account links): by SMTP when {@code smtp.host} is set,
   * else written as files to the outbox folder. The SMTP password is not here: it is read from
   * {@code FIXFINDER_SMTP_PASSWORD} when needed and never stored or logged.
   *
   * @param from the sender of every message, e.g. {@code FixFinder <no-reply@example.org>}
   * @param outbox the folder messages are written to when no SMTP host is set (relative: under
   *     {@code data.dir})
   * @param linkBase where links in mails start (empty: the server's own http://host:port)
   */
  public record Mail(String from, String outbox, Smtp smtp, String linkBase) {
    /** As configured before links had a base: links then start at the server's own address. */
    public Mail(String from, String outbox, Smtp smtp) {
      this(from, outbox, smtp, "");
    }

    public Mail {
      linkBase = linkBase == null ? "" : linkBase.strip().replaceAll("/+$", "");
      if (!linkBase.isEmpty() && !linkBase.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
        throw new ConfigException(
            "mail.linkBase must be empty or an http(s) URL without query, like"
                + " https://fixfinder.example.org, got a value of "
                + linkBase.length()
                + " characters");
      }
      from = from == null ? "" : from.strip();
      int at = from.indexOf('@');
      if (at < 1 || at == from.length() - 1 || from.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
        throw new ConfigException(
            "mail.from must be an address like 'FixFinder <no-reply@example.org>', got '"
                + from.replaceAll("\\p{Cntrl}", "?")
                + "'");
      }
      outbox = outbox == null || outbox.isBlank() ? "outbox" : outbox.strip();
      if (smtp == null) throw new ConfigException("mail.smtp is missing");
    }

    /**
     * Where links in mails (verification, password reset, a customer's private request link) start:
     * {@code linkBase} when set, else the server's own address.
     */
    public String linkBase(Server server) {
      if (!linkBase.isEmpty()) return linkBase;
      String host = server.host().contains(":") ? "[" + server.host() + "]" : server.host();
      return "http://" + host + ":" + server.port();
    }

    /** Whether mail goes out by SMTP (a host is set) rather than to the outbox folder. */
    public boolean usesSmtp() {
      return !smtp.host().isEmpty();
    }

    /** The outbox folder: as configured when absolute, else under {@code dataDir}. */
    public Path outboxUnder(Path dataDir) {
      Path p = Path.of(outbox);
      return (p.isAbsolute() ? p : dataDir.resolve(p)).toAbsolutePath().normalize();
    }
  }

  /**
   * @param host the SMTP server; empty: no SMTP, mail goes to the outbox
   * @param port 587 for STARTTLS, 465 for TLS, 25 for none, usually
   * @param username empty: no authentication; else the password comes from {@code
   *     FIXFINDER_SMTP_PASSWORD}
   * @param security {@code starttls} (upgrade required, never falls back to plain text), {@code
   *     tls} (TLS from the first byte, "SMTPS") or {@code none} (plain: a relay on the same host)
   * @param timeoutSeconds connect, read and write timeout of one SMTP conversation
   */
  public record Smtp(
      String host, int port, String username, SmtpSecurity security, int timeoutSeconds) {
    public Smtp {
      host = host == null ? "" : host.strip();
      username = username == null ? "" : username.strip();
      if (security == null) security = SmtpSecurity.STARTTLS;
      if (host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
        throw new ConfigException(
            "mail.smtp.host must be a host name or address, got '" + host + "'");
      }
      if (port < 1 || port > 65535) {
        throw new ConfigException("mail.smtp.port must be 1-65535, got " + port);
      }
      if (timeoutSeconds < 1 || timeoutSeconds > 300) {
        throw new ConfigException("mail.smtp.timeoutSeconds must be 1-300, got " + timeoutSeconds);
      }
    }
  }

  /** How the connection to the SMTP server is protected. */
  public enum SmtpSecurity {
    STARTTLS,
    TLS,
    NONE;

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static SmtpSecurity of(String id) {
      for (SmtpSecurity s : values()) if (s.id().equalsIgnoreCase(id.strip())) return s;
      throw new ConfigException(
          "mail.smtp.security must be starttls, tls or none, got '" + id.strip() + "'");
    }
  }

  /**
   * Contact requests between customers and helpers.
   *
   * @param retentionDays a request, its messages and the customer's address are deleted this many
   *     days after its last message or state change; only counts survive
   * @param purgeEveryMinutes how often the purge runs
   */
  public record Contact(int retentionDays, int purgeEveryMinutes) {
    public Contact {
      if (retentionDays < 1 || retentionDays > 3650) {
        throw new ConfigException("contact.retentionDays must be 1-3650, got " + retentionDays);
      }
      if (purgeEveryMinutes < 1 || purgeEveryMinutes > 1440) {
        throw new ConfigException(
            "contact.purgeEveryMinutes must be 1-1440, got " + purgeEveryMinutes);
      }
    }

    public java.time.Duration retention() {
      return java.time.Duration.ofDays(retentionDays);
    }

    public java.time.Duration purgeEvery() {
      return java.time.Duration.ofMinutes(purgeEveryMinutes);
    }
  }

  /**
   * The public brand and model leaderboards.
   *
   * @param minReports repair reports of known outcome a brand or model needs before it is ranked;
   *     below it, it is listed as "too few reports"
   */
  public record Leaderboards(int minReports) {
    public Leaderboards {
      if (minReports < 1 || minReports > 100_000) {
        throw new ConfigException("leaderboards.minReports must be 1-100000, got " + minReports);
      }
    }
  }

  /**
   * The company dashboard and the analytics behind it (issue 16).
   *
   * @param minQueryCount searches a query text needs before it is shown anywhere; texts of a closed
   *     day with fewer are deleted at the day's roll-up
   * @param queryRetentionDays how long a query text is kept at all
   * @param retentionDays how long the daily counters are kept
   * @param flushSeconds how often the counters gathered in memory are written
   * @param sessionHours how long a dashboard sign-in lasts
   * @param minVotes votes an issue needs before its fix rate is shown
   * @param alertEveryMinutes how often the tenants' alert settings are checked against their
   *     emerging issues
   * @param alertAllowPrivateTargets whether alert webhooks may go to loopback, private or
   *     link-local addresses (and plain http to loopback): tests and closed networks only
   */
  public record Dashboard(
      int minQueryCount,
      int queryRetentionDays,
      int retentionDays,
      int flushSeconds,
      int sessionHours,
      int minVotes,
      int alertEveryMinutes,
      boolean alertAllowPrivateTargets) {
    public static final Dashboard DEFAULTS = new Dashboard(5, 30, 400, 5, 8, 5, 15, false);

    /** The settings of the earlier six keys, alerts at their defaults. */
    public Dashboard(
        int minQueryCount,
        int queryRetentionDays,
        int retentionDays,
        int flushSeconds,
        int sessionHours,
        int minVotes) {
      this(
          minQueryCount,
          queryRetentionDays,
          retentionDays,
          flushSeconds,
          sessionHours,
          minVotes,
          15,
          false);
    }

    /** These settings with alert webhooks allowed to private addresses (tests). */
    public Dashboard withPrivateAlertTargets() {
      return new Dashboard(
          minQueryCount,
          queryRetentionDays,
          retentionDays,
          flushSeconds,
          sessionHours,
          minVotes,
          alertEveryMinutes,
          true);
    }

    public Dashboard {
      if (minQueryCount < 2 || minQueryCount > 1000) {
        throw new ConfigException("dashboard.minQueryCount must be 2-1000, got " + minQueryCount);
      }
      if (queryRetentionDays < 1 || queryRetentionDays > 400) {
        throw new ConfigException(
            "dashboard.queryRetentionDays must be 1-400, got " + queryRetentionDays);
      }
      if (retentionDays < 35 || retentionDays > 3660) {
        throw new ConfigException(
            "dashboard.retentionDays must be 35-3660 (emerging issues need 35), got "
                + retentionDays);
      }
      if (flushSeconds < 1 || flushSeconds > 300) {
        throw new ConfigException("dashboard.flushSeconds must be 1-300, got " + flushSeconds);
      }
      if (sessionHours < 1 || sessionHours > 24) {
        throw new ConfigException("dashboard.sessionHours must be 1-24, got " + sessionHours);
      }
      if (minVotes < 1 || minVotes > 10_000) {
        throw new ConfigException("dashboard.minVotes must be 1-10000, got " + minVotes);
      }
      if (alertEveryMinutes < 1 || alertEveryMinutes > 1440) {
        throw new ConfigException(
            "dashboard.alertEveryMinutes must be 1-1440, got " + alertEveryMinutes);
      }
    }
  }

  /** Candidate retrieval of a search. */
  public enum Retrieval {
    BM25,
    DENSE,
    HYBRID;

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Retrieval of(String id) {
      for (Retrieval r : values()) if (r.id().equalsIgnoreCase(id.strip())) return r;
      throw new ConfigException("unknown retrieval '" + id + "' (bm25, dense or hybrid)");
    }
  }

  /**
   * How hybrid retrieval merges its word and meaning lists: reciprocal ranks, a weighted sum of
   * normalised scores, or a learned combination of scores, ranks and query shape.
   */
  public enum Fusion {
    RRF,
    LINEAR,
    LEARNED;

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Fusion of(String id) {
      for (Fusion f : values()) if (f.id().equalsIgnoreCase(id.strip())) return f;
      throw new ConfigException("unknown fusion '" + id + "' (rrf, linear or learned)");
    }
  }

  public FixFinderConfig withDataDir(Path dir) {
    return new FixFinderConfig(
        new Data(dir),
        server,
        crawl,
        youtube,
        index,
        database,
        mail,
        contact,
        leaderboards,
        api,
        dashboard);
  }

  public FixFinderConfig withPort(int port) {
    return new FixFinderConfig(
        data,
        server.withHostAndPort(server.host(), port),
        crawl,
        youtube,
        index,
        database,
        mail,
        contact,
        leaderboards,
        api,
        dashboard);
  }

  public FixFinderConfig withYouTubeRoot(String rootUrl) {
    return new FixFinderConfig(
        data,
        server,
        crawl,
        new YouTube(rootUrl, youtube.dailyQuotaUnits(), youtube.maxResultsPerQuery()),
        index,
        database,
        mail,
        contact,
        leaderboards,
        api,
        dashboard);
  }

  public FixFinderConfig withServer(Server newServer) {
    return new FixFinderConfig(
        data,
        newServer,
        crawl,
        youtube,
        index,
        database,
        mail,
        contact,
        leaderboards,
        api,
        dashboard);
  }

  public FixFinderConfig withMail(Mail newMail) {
    return new FixFinderConfig(
        data,
        server,
        crawl,
        youtube,
        index,
        database,
        newMail,
        contact,
        leaderboards,
        api,
        dashboard);
  }

  public FixFinderConfig withIndex(Index newIndex) {
    return new FixFinderConfig(
        data,
        server,
        crawl,
        youtube,
        newIndex,
        database,
        mail,
        contact,
        leaderboards,
        api,
        dashboard);
  }
}
