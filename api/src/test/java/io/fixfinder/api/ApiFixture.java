package io.fixfinder.api;

import io.fixfinder.api.metrics.CrawlStats;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import io.fixfinder.store.Database;
import io.fixfinder.store.MutableClock;
import io.fixfinder.store.feedback.FeedbackStore;
import io.javalin.config.RoutesConfig;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The real server on 127.0.0.1 and a random port, over a one-document on-disk index and a SQLite
 * file, for the API tests.
 */
final class ApiFixture implements AutoCloseable {
  static final String DOC_URL = "http://f/1";
  static final String DOC_ID = SourceDoc.idFor(DOC_URL);

  static final FixFinderConfig.Server SETTINGS =
      new FixFinderConfig.Server(
          "127.0.0.1",
          0,
          List.of(),
          6000,
          1000,
          List.of("https://help.example.com"),
          10,
          0,
          16,
          64,
          FixFinderConfig.Server.ACCESS_LOG_CONSOLE);

  final Path dir;
  final IndexStore index;
  final Database database;
  final FeedbackStore feedback;
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  final Path crawlSummary;
  final ApiServer server;
  private final MiniLmEmbedder embedder;
  final HttpClient http = HttpClient.newHttpClient();

  ApiFixture(Path dir) throws Exception {
    this(dir, SETTINGS, routes -> {});
  }

  ApiFixture(Path dir, FixFinderConfig.Server settings, Consumer<RoutesConfig> extraRoutes)
      throws Exception {
    this(dir, settings, extraRoutes, false);
  }

  /** A server whose search is hybrid (words and meaning), as {@code serve} runs it by default. */
  static ApiFixture withEmbeddings(Path dir) throws Exception {
    return withEmbeddings(dir, SETTINGS);
  }

  static ApiFixture withEmbeddings(Path dir, FixFinderConfig.Server settings) throws Exception {
    return new ApiFixture(dir, settings, routes -> {}, true);
  }

  private ApiFixture(
      Path dir,
      FixFinderConfig.Server settings,
      Consumer<RoutesConfig> extraRoutes,
      boolean embeddings)
      throws Exception {
    this.dir = dir;
    SourceDoc doc =
        new SourceDoc(
            DOC_ID,
            DOC_URL,
            SourceKind.FORUM,
            "f",
            "Aqualine WM-8420X won't drain E18",
            "Cleaned the pump filter <script>alert(1)</script>, that fixed it",
            new ProductRef("washing-machine", "Aqualine", "WM-8420X"),
            List.of("E18"),
            List.of("wont-drain"),
            true,
            Instant.parse("2025-01-01T00:00:00Z"),
            new Details.Thread("q", 1, 2, "Cleaned the pump filter", 9, 9));
    Path indexDir = dir.resolve("index");
    embedder = embeddings ? new MiniLmEmbedder(1) : null;
    Optional<Embedder> vectors = Optional.ofNullable(embedder);
    Indexer.rebuild(
        indexDir, 16, vectors, List.of(doc), new PrintStream(OutputStream.nullOutputStream()));
    index = IndexStore.open(indexDir, 16);
    database = Database.open("jdbc:sqlite:" + dir.resolve("fixfinder.db"));
    feedback = new FeedbackStore(database, clock);
    crawlSummary = dir.resolve("crawl/last-run.json");
    server =
        new ApiServer(
                ApiServer.Backends.withoutClusters(
                        index,
                        new Searcher(
                            index.searchers(),
                            KeyExtractor.builtIn(),
                            vectors,
                            embeddings ? Retrieval.HYBRID : Retrieval.BM25,
                            Fusion.LINEAR),
                        database,
                        feedback,
                        CrawlStats.fromFile(crawlSummary))
                    .withThumbnails(
                        new io.fixfinder.core.thumbs.ThumbnailStore(dir.resolve("thumbs"))),
                settings,
                extraRoutes)
            .start("127.0.0.1", 0);
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postJson(String path, String body) throws Exception {
    return post(path, "application/json", body, null);
  }

  HttpResponse<String> post(String path, String contentType, String body, String apiKey)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) b.header("Content-Type", contentType);
    if (apiKey != null) b.header("X-Api-Key", apiKey);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    server.close();
    index.close();
    database.close();
    if (embedder != null) embedder.close();
  }
}
