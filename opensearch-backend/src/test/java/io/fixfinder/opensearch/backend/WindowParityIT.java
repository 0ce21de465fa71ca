package io.fixfinder.opensearch.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.feedback.FeedbackSignals;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.eval.search.BeirSet;
import io.fixfinder.indexer.eval.search.SearchEvaluation;
import io.fixfinder.indexer.schema.SchemaVersion;
import io.fixfinder.indexer.search.ExternalRanking;
import io.fixfinder.indexer.search.GroupedSearch;
import io.fixfinder.indexer.search.RecordLookup;
import io.fixfinder.indexer.search.Scope;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.search.Tuning;
import io.fixfinder.indexer.view.IssueSource;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The windows the API's grouped search ranks, on the embedded index and on OpenSearch, request for
 * request ({@code eval/repair-mini} with the real model): every judged query in each mode, with a
 * kind, a brand and a type filter, within a company scope, on page 2, and questions the index
 * cannot answer. The same candidates in the same order, the same confidence, total, facets,
 * "answered", type restriction and no-match hints; then the grouped page over each. Differences are
 * printed request by request.
 */
class WindowParityIT {
  @TempDir static Path dir;
  static MiniLmEmbedder model;
  static BeirSet set;
  static IndexStore store;
  static Searcher embedded;
  static RecordLookup records;
  static OpenSearchBackend opensearch;
  static OpenSearchSettings settings;

  @BeforeAll
  static void indexBoth() throws Exception {
    set = BeirSet.read(Path.of(System.getProperty("fixfinder.repairMini")));
    model = MiniLmEmbedder.withThreads(1);
    KeyExtractor keys = KeyExtractor.builtIn();
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    SearchEvaluation keying = new SearchEvaluation(keys, Optional.of(model), Fusion.LEARNED, quiet);
    List<SourceDoc> docs = new ArrayList<>();
    for (BeirSet.Doc d : set.corpus()) docs.add(keying.toSourceDoc(d));
    Path root = dir.resolve("index");
    Indexer.rebuild(root, 64, Optional.of(model), docs, quiet);
    store = IndexStore.open(root, 64);
    records = new RecordLookup(store.searchers());
    embedded =
        new Searcher(store.searchers(), keys, Optional.of(model), Retrieval.HYBRID, Fusion.LEARNED);
    settings = OpenSearchSettings.of(List.of(SharedNode.url()), Map.of()).withAlias("windows");
    opensearch =
        OpenSearchBackend.open(
            settings,
            new ExternalRanking(keys, Retrieval.HYBRID, Fusion.LEARNED, Tuning.DEFAULT),
            Optional.of(model));
    assertThat(opensearch.writeGeneration(docs).indexed()).isEqualTo(docs.size());
  }

  @AfterAll
  static void close() throws Exception {
    if (opensearch != null) opensearch.close();
    if (store != null) store.close();
    if (model != null) model.close();
  }

  /** The requests compared: built from the embedded facets, so each filter selects something. */
  static List<SearchRequest> requests() throws Exception {
    List<SearchRequest> out = new ArrayList<>();
    List<String> texts = set.judgedQueries().stream().map(BeirSet.Query::text).toList();
    for (String q : texts) {
      for (Retrieval mode : Retrieval.values()) out.add(SearchRequest.of(q).withMode(mode));
    }
    for (String q : texts) {
      SearchRequest plain = SearchRequest.of(q).withMode(Retrieval.HYBRID);
      Map<String, Map<String, Long>> facets = embedded.window(plain, 30).header().facets();
      Optional<String> kind = top(facets, "kind");
      Optional<String> brand = top(facets, "brand");
      Optional<String> type = top(facets, "type");
      out.add(new SearchRequest(q, kind, Optional.empty(), Optional.empty(), 1, 10, hybrid()));
      if (brand.isPresent()) {
        out.add(new SearchRequest(q, Optional.empty(), brand, Optional.empty(), 1, 10, bm25()));
        out.add(plain.withScope(Scope.of(Set.of(brand.get()), List.of())));
      }
      type.ifPresent(
          t ->
              out.add(
                  new SearchRequest(q, Optional.empty(), Optional.empty(), type, 2, 10, hybrid())));
    }
    for (String q :
        List.of(
            "how to write a cover letter",
            "fridge making a humming noise",
            "xqzvbl plorf wibble",
            "microwave sparks inside",
            "best pizza dough recipe")) {
      for (Retrieval mode : Retrieval.values()) out.add(SearchRequest.of(q).withMode(mode));
    }
    return out;
  }

  private static Optional<Retrieval> hybrid() {
    return Optional.of(Retrieval.HYBRID);
  }

  private static Optional<Retrieval> bm25() {
    return Optional.of(Retrieval.BM25);
  }

  private static Optional<String> top(Map<String, Map<String, Long>> facets, String name) {
    Map<String, Long> values = facets.getOrDefault(name, Map.of());
    return values.isEmpty() ? Optional.empty() : Optional.of(values.keySet().iterator().next());
  }

  @Test
  void theWindowsAndAnswersAreTheEmbeddedOnes() throws Exception {
    List<SearchRequest> requests = requests();
    StringBuilder differences = new StringBuilder();
    int differing = 0;
    int answered = 0;
    int scoped = 0;
    for (SearchRequest r : requests) {
      Searcher.Window ours = embedded.window(r, GroupedSearch.WINDOW);
      Searcher.Window theirs = opensearch.window(r, GroupedSearch.WINDOW);
      String diff = difference(ours, theirs);
      if (r.scope().limited()) scoped++;
      if (ours.header().answered()) answered++;
      if (!diff.isEmpty()) {
        differing++;
        differences.append(
            String.format(Locale.ROOT, "WindowParityIT: %s: %s%n", describe(r), diff));
      }
    }
    System.out.print(differences);
    System.out.printf(
        Locale.ROOT,
        "WindowParityIT: %d requests (%d within a company scope, %d answered on the embedded"
            + " index), %d differing%n",
        requests.size(),
        scoped,
        answered,
        differing);
    assertThat(requests.size()).isGreaterThanOrEqualTo(120);
    assertThat(answered).isBetween(1, requests.size() - 1); // both verdicts are exercised
    assertThat(differing).as(differences.toString()).isZero();
  }

  @Test
  void theGroupedPagesAreTheEmbeddedOnes() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    GroupedSearch ours =
        new GroupedSearch(
            embedded.windows(records),
            IssueSource.none(),
            FeedbackSignals.none(),
            Lexicon.builtIn(),
            clock);
    GroupedSearch theirs =
        new GroupedSearch(
            opensearch, IssueSource.none(), FeedbackSignals.none(), Lexicon.builtIn(), clock);
    for (BeirSet.Query q : set.judgedQueries()) {
      SearchRequest r = SearchRequest.of(q.text());
      SearchResponse a = ours.search(r);
      SearchResponse b = theirs.search(r);
      assertThat(ids(b)).as(q.text()).isEqualTo(ids(a));
      assertThat(b.hits())
          .extracting(SearchResponse.Hit::snippet)
          .isEqualTo(a.hits().stream().map(SearchResponse.Hit::snippet).toList());
      assertThat(b.facets()).as(q.text()).isEqualTo(a.facets());
      assertThat(b.answered()).as(q.text()).isEqualTo(a.answered());
      assertThat(b.total()).as(q.text()).isEqualTo(a.total());
    }
  }

  @Test
  void aGenerationOfTheFirstMappingIsRefusedInOneLine() throws Exception {
    OpenSearchClient client =
        new OpenSearchClient(
            ApacheHttpClient5TransportBuilder.builder(
                    org.apache.hc.core5.http.HttpHost.create(settings.urls().getFirst()))
                .setMapper(new JacksonJsonpMapper())
                .setHttpClientConfigCallback(b -> b.disableContentCompression())
                .build());
    // what mapping 1 wrote: the current schema, no mapping version, no facet fields
    client
        .indices()
        .create(
            c ->
                c.index("mapping-one-1")
                    .mappings(
                        m ->
                            m.meta(
                                Map.of("fixfinder_schema", JsonData.of(SchemaVersion.CURRENT)))));
    client.indices().putAlias(a -> a.index("mapping-one-1").name("mapping-one"));
    assertThatThrownBy(
            () ->
                OpenSearchBackend.open(
                    settings.withAlias("mapping-one"),
                    new ExternalRanking(
                        KeyExtractor.builtIn(), Retrieval.BM25, Fusion.LEARNED, Tuning.DEFAULT),
                    Optional.empty()))
        .isInstanceOf(OpenSearchBackend.StaleMapping.class)
        .hasMessageContaining("mapping-one-1")
        .hasMessageContaining("mapping 0")
        .hasMessageContaining("fixfinder index --backend opensearch")
        .hasMessageNotContaining("\n");
  }

  private static List<String> ids(SearchResponse r) {
    return r.hits().stream().map(SearchResponse.Hit::id).toList();
  }

  private static String describe(SearchRequest r) {
    return String.format(
        Locale.ROOT,
        "\"%s\" mode=%s kind=%s brand=%s type=%s page=%d scope=%s",
        r.query(),
        r.mode().map(Retrieval::id).orElse("-"),
        r.kind().orElse("-"),
        r.brand().orElse("-"),
        r.type().orElse("-"),
        r.page(),
        r.scope().limited() ? r.scope().brands() : "all");
  }

  /** What differs between two windows; empty when nothing does. */
  static String difference(Searcher.Window ours, Searcher.Window theirs) {
    List<String> out = new ArrayList<>();
    SearchResponse a = ours.header();
    SearchResponse b = theirs.header();
    if (a.total() != b.total()) out.add("total " + a.total() + " vs " + b.total());
    if (!a.facets().equals(b.facets())) out.add("facets " + a.facets() + " vs " + b.facets());
    if (a.answered() != b.answered()) out.add("answered " + a.answered() + " vs " + b.answered());
    if (!a.restrictedTo().equals(b.restrictedTo())) {
      out.add("restrictedTo " + a.restrictedTo() + " vs " + b.restrictedTo());
    }
    if (!a.noMatch().equals(b.noMatch())) out.add("noMatch " + a.noMatch() + " vs " + b.noMatch());
    List<Searcher.Candidate> x = ours.candidates();
    List<Searcher.Candidate> y = theirs.candidates();
    if (x.size() != y.size()) out.add("candidates " + x.size() + " vs " + y.size());
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      Searcher.Candidate c = x.get(i);
      Searcher.Candidate d = y.get(i);
      if (!c.id().equals(d.id())) {
        out.add(
            String.format(
                Locale.ROOT,
                "rank %d: %s %.6f vs %s %.6f",
                i + 1,
                c.id(),
                c.score(),
                d.id(),
                d.score()));
        break;
      }
      if (!c.kind().equals(d.kind())
          || c.fixReported() != d.fixReported()
          || !c.published().equals(d.published())) {
        out.add("rank " + (i + 1) + ": fields of " + c.id() + " differ: " + c + " vs " + d);
      }
      if (Math.abs(c.confidence() - d.confidence()) > 1e-3) {
        out.add(
            String.format(
                Locale.ROOT,
                "rank %d: %s confidence %.4f vs %.4f",
                i + 1,
                c.id(),
                c.confidence(),
                d.confidence()));
      }
      if (Math.abs(c.score() - d.score()) > 1e-4 * Math.max(1, Math.abs(c.score()))) {
        out.add(
            String.format(
                Locale.ROOT,
                "rank %d: %s score %.6f vs %.6f",
                i + 1,
                c.id(),
                c.score(),
                d.score()));
      }
    }
    return String.join("; ", out);
  }
}
