package io.fixfinder.opensearch.backend;

import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.analysis.Language;
import io.fixfinder.indexer.backend.IndexBackend;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.schema.Fields;
import io.fixfinder.indexer.schema.SchemaVersion;
import io.fixfinder.indexer.search.ExternalRanking;
import io.fixfinder.indexer.search.ExternalRanking.Plan;
import io.fixfinder.indexer.search.ExternalRanking.Scored;
import io.fixfinder.indexer.search.ExternalWindow;
import io.fixfinder.indexer.search.QueryText;
import io.fixfinder.indexer.search.RankedWindows;
import io.fixfinder.indexer.search.RecordReader;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.FieldValueFactorModifier;
import org.opensearch.client.opensearch._types.query_dsl.FunctionBoostMode;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.MgetResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.mget.MultiGetResponseItem;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.TotalHitsRelation;

/**
 * The index on an OpenSearch cluster. A generation is the index {@code <alias>-<n>}: written by
 * bulk requests, refreshed, then made the one served by a single {@code _aliases} request that
 * moves the alias from the old generation to it (a search sees one or the other, never a half-built
 * one); the old generation is deleted after. The schema version is in the index's {@code _meta}; a
 * served index of another version is refused when the backend opens, as the embedded index is
 * ({@link IndexStore.StaleSchema}, same message).
 *
 * <p>Search: OpenSearch retrieves, the ranking is ours. The lexical candidates are the embedded
 * searcher's query ({@link ExternalRanking#plan}) translated term for term ({@link LuceneQueries})
 * with the prior multiplied in ({@code function_score}, prior^exponent), the dense ones a {@code
 * knn} query on the records' vectors scored prior × max(0, cosine) as the embedded side scores
 * them, and the two are fused by the embedded fusion ({@link ExternalRanking#fuse}). A ranked
 * window ({@link #window}, what the API's grouped search re-ranks and groups) also carries what
 * {@link ExternalWindow} computes from the cluster's answers with the embedded rules: facet counts
 * (terms aggregations on the keyword facet fields of mapping {@value #MAPPING}), the calibrated
 * confidence and the "answered" verdict (the evidence's term matches by named queries, the index's
 * term statistics by a filters aggregation), and the hints of a search without matches. A company
 * scope is a filter on every request. The suggester's weights are counted here too ({@link
 * #termCounts}).
 *
 * <p>Round trips: every search a window needs goes to the cluster as one {@code _msearch} (the
 * window's own questions, {@link ExternalWindow#questions}, are asked with the retrieval and its
 * engine calls answered from it), then one {@code _mget} of the records shown.
 */
public final class OpenSearchBackend
    implements IndexBackend, RankedWindows, RecordReader, AutoCloseable {
  /** Records per bulk request (and per embedding batch). */
  static final int BATCH = 256;

  /** The {@code _meta} keys of a generation. */
  static final String META_SCHEMA = "fixfinder_schema";

  static final String META_EMBEDDER = "fixfinder_embedder";

  /** The {@code _meta} key of the OpenSearch mapping's own version. */
  static final String META_MAPPING = "fixfinder_mapping";

  /**
   * The mapping's version, apart from the schema (the fields an index holds, which both backends
   * share): 2 added the keyword facet fields the facet counts aggregate. A generation written with
   * an older mapping is refused when the backend opens for search ({@link StaleMapping}).
   */
  public static final int MAPPING = 2;

  private final OpenSearchClient client;
  private final OpenSearchSettings settings;
  private final ExternalRanking ranking;
  private final Optional<Embedder> embedder;
  private final Pattern generationName;
  private final ExternalWindow windows;
  private final Optional<java.util.function.Function<String, float[]>> queryVectors;

  /**
   * Shards of the served index (read when the backend opens, the layout written by this backend
   * after a generation): the cosines of the bm25 candidates ask every shard for this many windows
   * (a layout changed elsewhere since costs one request more, never a wrong answer: {@link
   * #withExact}).
   */
  private volatile int shards;

  private OpenSearchBackend(
      OpenSearchClient client,
      OpenSearchSettings settings,
      ExternalRanking ranking,
      Optional<Embedder> embedder) {
    this.client = client;
    this.settings = settings;
    this.ranking = ranking;
    this.embedder = embedder;
    this.generationName = Pattern.compile(Pattern.quote(settings.alias()) + "-(\\d+)");
    this.windows = new ExternalWindow(ranking.lexicon());
    this.queryVectors = embedder.map(ExternalRanking::queryVectors);
    this.shards = Math.max(1, settings.shards());
  }

  /**
   * Connects and checks the served index: its schema must be {@link SchemaVersion#CURRENT} (else
   * {@link IndexStore.StaleSchema}); with no index yet, an empty generation is written first, as
   * the embedded index makes an empty one to serve until the first {@code index} run. A cluster
   * that cannot be reached throws {@link Unreachable}.
   */
  public static OpenSearchBackend open(
      OpenSearchSettings settings, ExternalRanking ranking, Optional<Embedder> embedder)
      throws IOException {
    OpenSearchClient client = Clients.connect(settings);
    OpenSearchBackend backend =
        new OpenSearchBackend(
            client,
            Objects.requireNonNull(settings, "settings"),
            Objects.requireNonNull(ranking, "ranking"),
            Objects.requireNonNull(embedder, "embedder"));
    try {
      backend.reachable();
      Set<String> live = backend.served();
      if (live.isEmpty()) {
        backend.writeGeneration(List.of());
      } else {
        for (String index : live) {
          int schema = backend.schemaOf(index);
          if (schema != SchemaVersion.CURRENT) {
            throw new IndexStore.StaleSchema(backend.where(index), schema);
          }
          int mapping = backend.metaOf(index, META_MAPPING);
          if (mapping != MAPPING) throw new StaleMapping(backend.where(index), mapping);
          backend.shards = backend.shardsOf(index);
        }
      }
      return backend;
    } catch (IOException | RuntimeException e) {
      backend.close();
      throw e;
    }
  }

  /**
   * Connects for writing generations only: the cluster must answer, and the served index's schema
   * does not matter (a rebuild is how a stale index is replaced).
   */
  public static OpenSearchBackend forWriting(
      OpenSearchSettings settings, ExternalRanking ranking, Optional<Embedder> embedder)
      throws IOException {
    OpenSearchBackend backend =
        new OpenSearchBackend(
            Clients.connect(settings),
            Objects.requireNonNull(settings, "settings"),
            Objects.requireNonNull(ranking, "ranking"),
            Objects.requireNonNull(embedder, "embedder"));
    try {
      backend.reachable();
      return backend;
    } catch (IOException | RuntimeException e) {
      backend.close();
      throw e;
    }
  }

  /** A generation written with another mapping version: one line, the remedy included. */
  public static final class StaleMapping extends IOException {
    StaleMapping(String where, int mapping) {
      super(
          where
              + " was written with mapping "
              + mapping
              + " and this version searches mapping "
              + MAPPING
              + " (keyword facet fields): rebuild it with `fixfinder index --backend opensearch`");
    }
  }

  /** The cluster did not answer (down, wrong address, refused credentials). */
  public static final class Unreachable extends IOException {
    Unreachable(OpenSearchSettings settings, String why) {
      super("OpenSearch at " + settings.urls() + " cannot be reached: " + why);
    }
  }

  private void reachable() throws Unreachable {
    try {
      client.info();
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new Unreachable(settings, why.replace('\n', ' '));
    }
  }

  private String where(String index) {
    return "OpenSearch index "
        + index
        + " (alias "
        + settings.alias()
        + " at "
        + settings.urls()
        + ")";
  }

  // --- writing ---

  @Override
  public Indexer.Report writeGeneration(Collection<SourceDoc> records) throws IOException {
    long start = System.nanoTime();
    Set<String> previous = served();
    String index = settings.alias() + "-" + nextGeneration();
    createIndex(index);
    long[] counts = new long[4]; // indexed, failed, embedded, reused
    // vectors of unchanged texts are taken from the generation served until now
    Optional<String> earlier = previous.stream().findFirst();
    try {
      List<SourceDoc> batch = new ArrayList<>(BATCH);
      for (SourceDoc doc : records) {
        batch.add(doc);
        if (batch.size() == BATCH) {
          writeBatch(index, earlier, batch, counts);
          batch.clear();
        }
      }
      if (!batch.isEmpty()) writeBatch(index, earlier, batch, counts);
      client.indices().refresh(r -> r.index(index));
      var health =
          client
              .cluster()
              .health(
                  h ->
                      h.index(index)
                          .waitForStatus(HealthStatus.Yellow)
                          .timeout(t -> t.time("60s")));
      if (health.timedOut()) {
        throw new IOException(where(index) + ": the new generation is not allocated after 60 s");
      }
      // one request: the alias leaves the old generation and names the new one atomically
      client
          .indices()
          .updateAliases(
              u -> {
                for (String old : previous) {
                  u.actions(a -> a.remove(r -> r.index(old).alias(settings.alias())));
                }
                return u.actions(a -> a.add(r -> r.index(index).alias(settings.alias())));
              });
    } catch (IOException | RuntimeException e) {
      deleteQuietly(index);
      throw e;
    }
    for (String old : previous) deleteQuietly(old);
    shards = Math.max(1, settings.shards());
    return new Indexer.Report(
        counts[0], counts[1], counts[2], counts[3], Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Writes one batch, adding to {@code counts} (indexed, failed, embedded, reused). A record whose
   * embedded text is unchanged since {@code earlier} (same embedder, same text: the same hash, as
   * the embedded writer compares) keeps its vector instead of being embedded again.
   */
  private void writeBatch(
      String index, Optional<String> earlier, List<SourceDoc> batch, long[] counts)
      throws IOException {
    List<Optional<float[]>> vectors = new ArrayList<>(batch.size());
    List<String> hashes = new ArrayList<>(batch.size());
    if (embedder.isPresent()) {
      Embedder model = embedder.get();
      List<String> texts = batch.stream().map(DocumentMapper::embeddingText).toList();
      for (String t : texts) hashes.add(DocumentMapper.vectorHash(model.id(), t));
      Map<String, float[]> kept = earlier.isPresent() ? vectorsIn(earlier.get(), batch) : Map.of();
      List<Integer> fresh = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        float[] v = kept.get(batch.get(i).id() + "\u0000" + hashes.get(i));
        vectors.add(Optional.ofNullable(v));
        if (v == null || v.length != model.dimensions()) fresh.add(i);
      }
      if (!fresh.isEmpty()) {
        List<float[]> computed = model.embed(fresh.stream().map(texts::get).toList());
        for (int j = 0; j < fresh.size(); j++) {
          vectors.set(fresh.get(j), Optional.of(computed.get(j)));
        }
      }
      counts[2] += fresh.size();
      counts[3] += batch.size() - fresh.size();
    } else {
      for (int i = 0; i < batch.size(); i++) {
        vectors.add(Optional.empty());
        hashes.add("");
      }
    }
    BulkRequest.Builder bulk = new BulkRequest.Builder().index(index);
    long failed = 0;
    int ops = 0;
    for (int i = 0; i < batch.size(); i++) {
      SourceDoc doc = batch.get(i);
      Map<String, Object> source;
      try {
        source = RecordDocuments.of(doc, vectors.get(i), hashes.get(i));
      } catch (RuntimeException e) {
        failed++; // a record that cannot be mapped is counted, as the embedded writer counts it
        continue;
      }
      bulk.operations(op -> op.index(x -> x.id(doc.id()).document(source)));
      ops++;
    }
    long bad = 0;
    if (ops > 0) {
      BulkResponse response = client.bulk(bulk.build());
      if (response.errors()) {
        for (BulkResponseItem item : response.items()) if (item.error() != null) bad++;
      }
    }
    counts[0] += ops - bad;
    counts[1] += failed + bad;
  }

  /** The stored vectors of the batch's records in {@code index}, by id and text hash. */
  private Map<String, float[]> vectorsIn(String index, List<SourceDoc> batch) throws IOException {
    List<String> ids = batch.stream().map(SourceDoc::id).distinct().toList();
    MgetResponse<Map> response =
        client.mget(
            m -> m.index(index).ids(ids).sourceIncludes(Fields.VECTOR, Fields.VECTOR_HASH),
            Map.class);
    Map<String, float[]> out = new HashMap<>();
    for (MultiGetResponseItem<Map> item : response.docs()) {
      if (!item.isResult() || !item.result().found() || item.result().source() == null) continue;
      Map<?, ?> src = item.result().source();
      if (src.get(Fields.VECTOR) instanceof List<?> values
          && src.get(Fields.VECTOR_HASH) instanceof String hash) {
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) v[i] = ((Number) values.get(i)).floatValue();
        out.put(item.result().id() + "\u0000" + hash, v);
      }
    }
    return out;
  }

  private void createIndex(String index) throws IOException {
    Map<String, JsonData> meta = new LinkedHashMap<>();
    meta.put(META_SCHEMA, JsonData.of(SchemaVersion.CURRENT));
    meta.put(META_MAPPING, JsonData.of(MAPPING));
    embedder.ifPresent(e -> meta.put(META_EMBEDDER, JsonData.of(e.id())));
    TypeMapping.Builder m = new TypeMapping.Builder().meta(meta);
    for (String f :
        List.of(
            Fields.ID,
            Fields.KIND,
            Fields.SITE,
            Fields.LANG,
            Fields.MODEL_NAME,
            Fields.OUTCOME,
            // the facet values as shown (the brand unfolded), counted by terms aggregations
            Fields.FACET_KIND,
            Fields.FACET_BRAND,
            Fields.FACET_TYPE)) {
      m.properties(f, p -> p.keyword(k -> k));
    }
    // The key fields are scored (BM25, as Lucene scores a StringField): OpenSearch answers a term
    // query on a keyword field with a constant score, so they are text fields of one whole token,
    // without norms or frequencies, which is what a StringField is.
    for (String f :
        List.of(
            Fields.TYPE,
            Fields.BRAND,
            Fields.MODEL,
            Fields.MODEL_PARTS,
            Fields.CODES,
            Fields.SYMPTOMS)) {
      m.properties(
          f,
          p ->
              p.text(
                  t ->
                      t.analyzer("keyword")
                          .norms(false)
                          .indexOptions(
                              org.opensearch.client.opensearch._types.mapping.IndexOptions.Docs)));
    }
    for (String f : List.of(Fields.BODY, Fields.TOOLS)) {
      m.properties(
          f,
          p -> p.text(t -> t.analyzer("fixfinder_prose").searchAnalyzer("fixfinder_prose_query")));
    }
    for (Language l : Language.OTHERS) {
      m.properties(Fields.bodyIn(l.code()), p -> p.text(t -> t.analyzer("fixfinder_" + l.code())));
    }
    m.properties(Fields.FIX, p -> p.byte_(b -> b));
    m.properties(Fields.PUBLISHED, p -> p.long_(b -> b));
    m.properties(Fields.PRIOR, p -> p.float_(b -> b));
    // kept in _source only: the record as JSON, the hash of the embedded text
    m.properties(Fields.SOURCE, p -> p.keyword(k -> k.index(false).docValues(false)));
    m.properties(Fields.VECTOR_HASH, p -> p.keyword(k -> k.index(false).docValues(false)));
    if (embedder.isPresent()) {
      int dims = embedder.get().dimensions();
      m.properties(
          Fields.VECTOR,
          p ->
              p.knnVector(
                  k ->
                      k.dimension(dims)
                          .method(
                              mm -> mm.name("hnsw").engine("lucene").spaceType("cosinesimil"))));
    }
    TypeMapping mapping = m.build();
    client
        .indices()
        .create(
            c ->
                c.index(index)
                    .settings(
                        s ->
                            s.numberOfShards(settings.shards())
                                .numberOfReplicas(settings.replicas())
                                .knn(embedder.isPresent()))
                    .mappings(mapping));
  }

  private int nextGeneration() throws IOException {
    int max = 0;
    var all =
        client
            .indices()
            .get(
                g -> g.index(settings.alias() + "-*").allowNoIndices(true).ignoreUnavailable(true));
    for (String name : all.result().keySet()) {
      Matcher matcher = generationName.matcher(name);
      if (matcher.matches()) max = Math.max(max, Integer.parseInt(matcher.group(1)));
    }
    return max + 1;
  }

  /**
   * The indices the alias names now: a server compares them from poll to poll to see that another
   * process made a new generation the served one (issue 17).
   */
  public Set<String> servedIndices() throws IOException {
    return Set.copyOf(served());
  }

  /** The indices the alias names (one, except mid-way through a failed manual change). */
  private Set<String> served() throws IOException {
    if (!client.indices().existsAlias(e -> e.name(settings.alias())).value()) return Set.of();
    return new TreeSet<>(
        client.indices().getAlias(g -> g.name(settings.alias())).result().keySet());
  }

  private int schemaOf(String index) throws IOException {
    return metaOf(index, META_SCHEMA);
  }

  /** How many primary shards {@code index} has (1 when the settings do not say). */
  private int shardsOf(String index) throws IOException {
    var state = client.indices().getSettings(g -> g.index(index)).result().get(index);
    Integer n = null;
    if (state != null && state.settings() != null) {
      n =
          state.settings().index() != null
              ? state.settings().index().numberOfShards()
              : state.settings().numberOfShards();
    }
    return n == null ? 1 : Math.max(1, n);
  }

  /** An integer of the index's {@code _meta}; 0 when absent. */
  private int metaOf(String index, String key) throws IOException {
    var mappings = client.indices().getMapping(g -> g.index(index)).result().get(index);
    if (mappings == null || mappings.mappings() == null) return 0;
    JsonData v = mappings.mappings().meta().get(key);
    return v == null ? 0 : v.to(Integer.class);
  }

  private void deleteQuietly(String index) {
    try {
      client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    } catch (IOException | RuntimeException e) {
      System.getLogger(OpenSearchBackend.class.getName())
          .log(System.Logger.Level.WARNING, "opensearch: deleting " + index + " failed: " + e);
    }
  }

  // --- reading ---

  @Override
  public Map<String, SourceDoc> byIds(Collection<String> ids) throws IOException {
    Map<String, SourceDoc> found = new LinkedHashMap<>();
    List<String> distinct = ids.stream().distinct().toList();
    if (distinct.isEmpty()) return found;
    MgetResponse<Map> response =
        client.mget(
            m -> m.index(settings.alias()).ids(distinct).sourceIncludes(Fields.SOURCE), Map.class);
    for (MultiGetResponseItem<Map> item : response.docs()) {
      if (item.isResult() && item.result().found() && item.result().source() != null) {
        found.put(item.result().id(), RecordDocuments.record(item.result().source()));
      }
    }
    return found;
  }

  @Override
  public List<SourceDoc> byProduct(String productId) throws IOException {
    int dash = productId.indexOf('-');
    if (dash <= 0 || dash == productId.length() - 1) return List.of();
    // the id carries brand and model squashed: candidates by model, checked by their full id
    String model = io.fixfinder.core.understand.KeyExtractor.squash(productId.substring(dash + 1));
    var r =
        client.search(
            s ->
                s.index(settings.alias())
                    .query(q -> q.bool(b -> b.filter(term(Fields.MODEL, model))))
                    .size(io.fixfinder.indexer.search.RecordLookup.MAX_PRODUCT_RECORDS)
                    .source(src -> src.filter(f -> f.includes(Fields.SOURCE))),
            Map.class);
    List<SourceDoc> out = new ArrayList<>();
    for (Hit<Map> h : r.hits().hits()) {
      SourceDoc doc = RecordDocuments.record(h.source());
      if (doc.product().productId().equals(productId)) out.add(doc);
    }
    return out;
  }

  /**
   * The cluster's health: its status and node count; unreachable (not ok) when it does not answer,
   * red (not ok) when some primary is unassigned. Never throws.
   */
  public Health health() {
    try {
      var h = client.cluster().health();
      String status = h.status().jsonValue();
      return new Health(h.status() != HealthStatus.Red, status, h.numberOfNodes());
    } catch (IOException | RuntimeException e) {
      return new Health(false, "unreachable", 0);
    }
  }

  /**
   * How many records within {@code scope} carry each term (a field's exact value), in one request:
   * the suggester's weights ({@link io.fixfinder.indexer.suggest.Suggester#fromCounts}).
   */
  public Map<org.apache.lucene.index.Term, Long> termCounts(
      Collection<org.apache.lucene.index.Term> terms, io.fixfinder.indexer.search.Scope scope)
      throws IOException {
    List<org.apache.lucene.index.Term> list = List.copyOf(terms);
    Map<org.apache.lucene.index.Term, Long> out = new HashMap<>();
    if (list.isEmpty()) return out;
    Map<String, Query> keyed = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      keyed.put("t" + i, term(list.get(i).field(), list.get(i).text()));
    }
    Query all =
        scope.limited() ? LuceneQueries.of(scope.filter()) : Query.of(x -> x.matchAll(m -> m));
    var r =
        client.search(
            s ->
                s.index(settings.alias())
                    .query(all)
                    .size(0)
                    .aggregations("terms", a -> a.filters(f -> f.filters(fb -> fb.keyed(keyed)))),
            Map.class);
    for (var e : r.aggregations().get("terms").filters().buckets().keyed().entrySet()) {
      out.put(list.get(Integer.parseInt(e.getKey().substring(1))), e.getValue().docCount());
    }
    return out;
  }

  /** What {@link #health()} reports. */
  public record Health(boolean ok, String status, int nodes) {}

  @Override
  public boolean exists(String id) throws IOException {
    return client.exists(e -> e.index(settings.alias()).id(id)).value();
  }

  @Override
  public long count() throws IOException {
    return client.count(c -> c.index(settings.alias())).count();
  }

  @Override
  public int schemaVersion() throws IOException {
    Set<String> live = served();
    if (live.isEmpty()) return 0;
    return schemaOf(live.iterator().next());
  }

  /**
   * The generation the alias serves, as {@code /health} reports it: the index's name and number,
   * its records, the size of its primaries and its schema version.
   *
   * @param indices what the alias names (one, except mid-way through a failed manual change; none
   *     before the first generation): the first is described
   * @param generation the number in the index's name ({@code fixfinder-7}: 7; 0 when it has none)
   */
  public record ServedGeneration(
      String alias,
      Set<String> indices,
      String index,
      long generation,
      long documents,
      long bytes,
      int schemaVersion) {
    public ServedGeneration {
      indices = Set.copyOf(indices);
    }
  }

  /** What the alias serves now (four small requests); throws when the cluster does not answer. */
  public ServedGeneration servedGeneration() throws IOException {
    Set<String> live = served();
    if (live.isEmpty()) {
      return new ServedGeneration(settings.alias(), live, "", 0, 0, 0, 0);
    }
    String index = live.iterator().next();
    Matcher m = generationName.matcher(index);
    long number = m.matches() ? Long.parseLong(m.group(1)) : 0;
    long documents = client.count(c -> c.index(index)).count();
    var stats =
        client
            .indices()
            .stats(
                s ->
                    s.index(index)
                        .metric(
                            org.opensearch.client.opensearch.indices.stats.IndicesStatsMetric
                                .Store))
            .indices()
            .get(index);
    long bytes =
        stats != null && stats.primaries() != null && stats.primaries().store() != null
            ? stats.primaries().store().sizeInBytes()
            : 0;
    return new ServedGeneration(
        settings.alias(), live, index, number, documents, bytes, schemaOf(index));
  }

  // --- search ---

  /** The fields a ranked record brings back: what windows, filters, facets and evidence read. */
  private static final List<String> CANDIDATE_FIELDS =
      List.of(
          Fields.PRIOR,
          Fields.KIND,
          Fields.BRAND,
          Fields.TYPE,
          Fields.MODEL,
          Fields.CODES,
          Fields.SYMPTOMS,
          Fields.FIX,
          Fields.PUBLISHED,
          Fields.FACET_KIND,
          Fields.FACET_BRAND,
          Fields.FACET_TYPE);

  /** One request's retrieval: the plan, what was retrieved, the filters sent. */
  private record Run(Plan plan, ExternalWindow.Retrieved retrieved, Answers answers) {}

  private Run retrieve(SearchRequest request, int want) throws IOException {
    Plan plan = ranking.plan(request);
    Retrieval mode = plan.mode();
    if (mode != Retrieval.BM25 && (embedder.isEmpty() || !QueryText.hasText(request.query()))) {
      mode = Retrieval.BM25;
    }
    Optional<Query> company = company(request);
    List<Query> filters = plan.filters().stream().map(LuceneQueries::of).toList();
    String namedType = plan.keys().product().type();
    boolean filtered =
        request.kind().isPresent() || request.brand().isPresent() || request.type().isPresent();
    float[] vector =
        mode == Retrieval.BM25 ? new float[0] : queryVectors.orElseThrow().apply(request.query());
    Ask ask =
        new Ask(
            request,
            plan,
            mode,
            want,
            filtered,
            company,
            filters,
            vector,
            windows.questions(request, plan));
    // The type scopes are assumed to be what a query naming a type mostly finds (restricted to the
    // type); the same round trip counts whether any match is of the type, and only when none is
    // is the round asked again, with the scopes found.
    ExternalWindow.Types scope =
        assumedScope(plan.scored(), request.type().isPresent(), namedType, request);
    // the unfiltered request's scope is the request's own when it sets no filter
    ExternalWindow.Types base =
        filtered ? assumedScope(plan.unfilteredScored(), false, namedType, request) : scope;
    Round round = round(ask, scope, base, true);
    if (round.run().isEmpty()) round = round(ask, round.scope(), round.base(), false);
    return round.run().orElseThrow();
  }

  /** What one request asks of the cluster, decided before the first round trip. */
  private record Ask(
      SearchRequest request,
      Plan plan,
      Retrieval mode,
      int want,
      boolean filtered,
      Optional<Query> company,
      List<Query> filters,
      float[] vector,
      ExternalWindow.Questions questions) {}

  /**
   * One round trip's outcome: the scopes it found, and the retrieval when they are the ones it was
   * asked under (empty when a scope assumed restricted turned out absent).
   */
  private record Round(ExternalWindow.Types scope, ExternalWindow.Types base, Optional<Run> run) {}

  /**
   * The query's type scope as {@link io.fixfinder.indexer.search.TypeScope} decides it, assuming a
   * named type is present among the matches (checked by a count in the same round trip): a type
   * filter set by the caller restricts nothing; a query naming no type but another device has it
   * absent; a query nothing in which is searchable has a named type absent.
   */
  private ExternalWindow.Types assumedScope(
      org.apache.lucene.search.Query scored,
      boolean typeFiltered,
      String type,
      SearchRequest request) {
    if (typeFiltered) return ExternalWindow.Types.NONE;
    if (type.isEmpty()) {
      return ranking
          .otherDevice(request.query())
          .map(d -> new ExternalWindow.Types(Optional.empty(), true, Optional.of(d)))
          .orElse(ExternalWindow.Types.NONE);
    }
    if (scored instanceof org.apache.lucene.search.MatchNoDocsQuery) {
      return new ExternalWindow.Types(Optional.empty(), true, Optional.of(type));
    }
    return new ExternalWindow.Types(Optional.of(type), false, Optional.empty());
  }

  /** Whether any record {@code scored} matches (within the filters) is of {@code type}. */
  private Query typeCount(
      org.apache.lucene.search.Query scored,
      List<Query> filters,
      String type,
      Optional<Query> company) {
    BoolQuery.Builder b = new BoolQuery.Builder().must(LuceneQueries.of(scored));
    filters.forEach(b::filter);
    company.ifPresent(b::filter);
    b.filter(term(Fields.TYPE, type));
    return Query.of(x -> x.bool(b.build()));
  }

  /** Named queries on a search's hits (which hold each query word, which match the words). */
  private static Query named(Map<String, Query> queries) {
    BoolQuery.Builder b = new BoolQuery.Builder();
    queries.forEach((name, q) -> b.should(Query.of(x -> x.bool(n -> n.filter(q).queryName(name)))));
    // every hit passes: the clauses only name what each hit matches
    b.should(Query.of(x -> x.matchAll(m -> m)));
    return Query.of(x -> x.bool(b.build()));
  }

  /** The named term queries of the query's prose terms: "b" and the term's position. */
  private static Map<String, Query> bodyTerms(List<String> terms) {
    Map<String, Query> out = new LinkedHashMap<>();
    for (int i = 0; i < terms.size(); i++) out.put("b" + i, term(Fields.BODY, terms.get(i)));
    return out;
  }

  /**
   * The cosine of each of the first {@code window} records of a lexical search (the k-NN plugin's
   * exact {@code knn_score}, (1 + cosine) / 2 for cosinesimil), computed on the node while
   * rescoring, so the exact cosines of the bm25 candidates come with the candidates instead of a
   * second round trip that fetches their vectors.
   */
  private static org.opensearch.client.opensearch.core.search.Rescore cosines(
      float[] vector, int window) {
    Map<String, JsonData> params = new LinkedHashMap<>();
    params.put("field", JsonData.of(Fields.VECTOR));
    params.put("query_value", JsonData.of(floats(vector)));
    params.put("space_type", JsonData.of("cosinesimil"));
    Query cosine =
        Query.of(
            q ->
                q.scriptScore(
                    s ->
                        s.query(e -> e.exists(x -> x.field(Fields.VECTOR)))
                            .script(
                                sc ->
                                    sc.inline(
                                        i ->
                                            i.lang(l -> l.custom("knn"))
                                                .source("knn_score")
                                                .params(params)))));
    return org.opensearch.client.opensearch.core.search.Rescore.of(
        r ->
            r.windowSize(window)
                .query(rq -> rq.rescoreQuery(cosine).queryWeight(0f).rescoreQueryWeight(1f)));
  }

  /**
   * One round trip: every search of the request in one {@code _msearch} (the type-scope counts, the
   * bm25 candidates with their named evidence terms, their exact cosines, the k-NN neighbours with
   * which of them the words match, the facet counts' word passes and which query terms the index
   * holds). {@code check} adds the counts that confirm an assumed restriction.
   */
  private Round round(Ask ask, ExternalWindow.Types scope, ExternalWindow.Types base, boolean check)
      throws IOException {
    Plan plan = ask.plan();
    SearchRequest request = ask.request();
    Msearch batch = new Msearch(client, settings.alias());
    boolean filtered = ask.filtered();
    int scopeCount =
        check && scope.restrictedTo().isPresent()
            ? anyMatch(
                batch,
                typeCount(plan.scored(), ask.filters(), scope.restrictedTo().get(), ask.company()))
            : -1;
    int baseCount =
        check && filtered && base.restrictedTo().isPresent()
            ? anyMatch(
                batch,
                typeCount(
                    plan.unfilteredScored(), List.of(), base.restrictedTo().get(), ask.company()))
            : -1;
    List<String> body = ask.questions().bodyTerms();
    Map<String, Query> evidence = bodyTerms(body);
    Map<String, Query> known = new LinkedHashMap<>();
    List<String> indexTerms = ask.questions().indexTerms();
    for (int i = 0; i < indexTerms.size(); i++) {
      known.put("k" + i, term(Fields.BODY, indexTerms.get(i)));
    }
    boolean knownAsked = false;
    Query lexical = lexicalQuery(plan, ask.filters(), scope.restrictedTo(), ask.company());
    int words = -1;
    int cosines = -1;
    if (ask.mode() != Retrieval.DENSE) {
      boolean withKnown = !known.isEmpty();
      knownAsked |= withKnown;
      words =
          batch.add(
              true,
              b -> {
                b.query(lexical)
                    .size(Math.max(ask.want(), CANDIDATES))
                    .trackTotalHits(t -> t.count(ExternalRanking.TOTAL_COUNT))
                    .source(src -> src.filter(f -> f.includes(CANDIDATE_FIELDS)));
                if (!evidence.isEmpty()) b.postFilter(named(evidence));
                if (withKnown) b.aggregations(KNOWN, knownTerms(known));
                return b;
              });
    }
    if (ask.mode() == Retrieval.HYBRID) {
      // Every shard rescores all it returns (window = size), so each hit's score is its cosine;
      // each shard's first CANDIDATES are among its hits, and on one shard those are the global
      // ones. Over several shards the merge keeps the best cosines, so a candidate may be cut:
      // withExact reads its vector instead (one request more, the same answer).
      int window = CANDIDATES * shards;
      cosines =
          batch.add(
              true,
              b ->
                  b.query(lexical)
                      .size(window)
                      .trackTotalHits(t -> t.enabled(false))
                      .source(src -> src.fetch(false))
                      .rescore(cosines(ask.vector(), window)));
    }
    int near = -1;
    if (ask.mode() != Retrieval.BM25) {
      int k = ask.mode() == Retrieval.DENSE ? CANDIDATES : ranking.tuning().denseK();
      List<Float> v = floats(ask.vector());
      List<Query> within = new ArrayList<>();
      base.restrictedTo().ifPresent(t -> within.add(scopeFilter(t)));
      ask.company().ifPresent(within::add);
      Map<String, Query> names = new LinkedHashMap<>(evidence);
      if (ask.mode() == Retrieval.HYBRID) {
        // which neighbours the words match: unfiltered (facets), and as searched (the total)
        names.put(WORDED, within(LuceneQueries.of(plan.unfilteredScored()), ask.company()));
        names.put(MATCHED, lexical);
      }
      boolean withKnown = !knownAsked && !known.isEmpty();
      knownAsked |= withKnown;
      near =
          batch.add(
              false,
              b -> {
                b.size(k)
                    .query(
                        q ->
                            q.knn(
                                kn -> {
                                  kn.field(Fields.VECTOR).vector(v).k(k);
                                  if (!within.isEmpty()) kn.filter(and(within));
                                  return kn;
                                }))
                    .source(src -> src.filter(f -> f.includes(CANDIDATE_FIELDS)));
                if (!names.isEmpty()) b.postFilter(named(names));
                if (withKnown) b.aggregations(KNOWN, knownTerms(known));
                return b;
              });
    }
    // the facet counts' word passes, under the unfiltered request's type scope
    Map<FacetKey, Integer> facets = new LinkedHashMap<>();
    if (ask.mode() != Retrieval.DENSE) {
      for (ExternalWindow.FacetPass pass : ask.questions().passes()) {
        FacetKey key = new FacetKey(pass.fields(), pass.filters(), base.restrictedTo());
        facets.put(
            key,
            batch.add(
                false,
                b ->
                    b.query(
                            within(
                                LuceneQueries.of(plan.unfilteredScored()),
                                pass.filters().stream().map(LuceneQueries::of).toList(),
                                ask.company()))
                        .size(0)
                        .aggregations(facetAggregations(pass.fields(), base.restrictedTo()))));
      }
    }

    List<org.opensearch.client.opensearch.core.msearch.MultiSearchItem<Map>> answers = batch.send();
    ExternalWindow.Types foundScope =
        scopeCount < 0 ? scope : present(answers.get(scopeCount), scope);
    ExternalWindow.Types foundBase =
        baseCount < 0 ? (filtered ? base : foundScope) : present(answers.get(baseCount), base);
    if (!foundScope.equals(scope) || !foundBase.equals(base)) {
      return new Round(foundScope, foundBase, Optional.empty());
    }

    Map<String, Map<String, List<String>>> fields = new HashMap<>();
    Map<String, Float> priors = new HashMap<>();
    Map<String, Set<String>> terms = new HashMap<>();
    Set<String> inIndex = new HashSet<>();
    List<Scored> hits = List.of();
    long totalHits = 0;
    boolean exact = true;
    if (words >= 0) {
      var r = answers.get(words);
      hits = new ArrayList<>(r.hits().hits().size());
      for (Hit<Map> h : r.hits().hits()) {
        hits.add(new Scored(h.id(), score(h)));
        fields.putIfAbsent(h.id(), values(h.source()));
        priors.put(h.id(), prior(h.source()));
        terms.putIfAbsent(h.id(), held(h, body));
      }
      totalHits = r.hits().total() == null ? hits.size() : r.hits().total().value();
      exact = r.hits().total() == null || r.hits().total().relation() == TotalHitsRelation.Eq;
      if (r.aggregations().containsKey(KNOWN)) inIndex.addAll(known(r, indexTerms));
    }
    List<Scored> neighbours = List.of();
    Set<String> worded = new HashSet<>();
    Set<String> matched = new HashSet<>();
    if (near >= 0) {
      var r = answers.get(near);
      neighbours = new ArrayList<>(r.hits().hits().size());
      for (Hit<Map> h : r.hits().hits()) {
        Map<?, ?> src = h.source();
        fields.putIfAbsent(h.id(), values(src));
        terms.putIfAbsent(h.id(), held(h, body));
        if (h.matchedQueries().contains(WORDED)) worded.add(h.id());
        if (h.matchedQueries().contains(MATCHED)) matched.add(h.id());
        // OpenSearch scores a cosine hit (1 + cos) / 2, as Lucene's dot product: the cosine
        float cos = 2 * score(h) - 1;
        neighbours.add(new Scored(h.id(), prior(src) * Math.max(0f, cos)));
      }
      neighbours.sort(BEST_FIRST);
      if (r.aggregations().containsKey(KNOWN)) inIndex.addAll(known(r, indexTerms));
    }
    Map<FacetKey, List<Map<String, long[]>>> counted = new HashMap<>();
    facets.forEach(
        (key, at) -> counted.put(key, facetCounts(answers.get(at), key.fields(), key.named())));

    Lexical lexicalHits = new Lexical(hits, totalHits, exact);
    List<Scored> meaning = List.of();
    List<Scored> ranked;
    long total;
    switch (ask.mode()) {
      case BM25 -> {
        ranked = hits;
        total = lexicalHits.total();
      }
      case DENSE -> {
        meaning = kept(request, neighbours, fields);
        ranked = meaning;
        total = meaning.size();
      }
      case HYBRID -> {
        List<Scored> head = hits.subList(0, Math.min(CANDIDATES, hits.size()));
        boolean complete = exact && totalHits <= head.size();
        Map<String, Float> cosine = new HashMap<>();
        for (Hit<Map> h : answers.get(cosines).hits().hits()) {
          // knn_score scores cosinesimil (1 + cos) / 2, as the k-NN query does; 0: no vector (the
          // rescoring query needs one), left out as withExact leaves it out
          if (score(h) > 0f) cosine.put(h.id(), 2 * score(h) - 1);
        }
        meaning = withExact(kept(request, neighbours, fields), head, ask.vector(), cosine, priors);
        List<Scored> fused = ranking.fuse(plan, request.query(), head, complete, meaning);
        ranked = ExternalRanking.thenTheRest(fused, hits, ask.want());
        total = lexicalHits.total() + notMatching(fused, head, complete, matched);
      }
      default -> throw new IllegalStateException("unknown retrieval " + ask.mode());
    }
    Set<String> nearIds = new HashSet<>();
    neighbours.forEach(n -> nearIds.add(n.id()));
    Answers asked =
        new Answers(
            plan.unfilteredScored(),
            ask.questions(),
            new ExternalWindow.Terms(terms, inIndex),
            knownAsked || indexTerms.isEmpty(),
            counted,
            ask.mode() == Retrieval.HYBRID ? nearIds : Set.of(),
            worded);
    return new Round(
        scope,
        base,
        Optional.of(
            new Run(
                plan,
                new ExternalWindow.Retrieved(
                    ask.mode(), hits, neighbours, meaning, ranked, total, scope, base, fields),
                asked)));
  }

  /**
   * Adds to {@code batch} whether {@code query} matches anything (no hits, counting stops at one).
   */
  private static int anyMatch(Msearch batch, Query query) {
    return batch.add(false, b -> b.query(query).size(0).trackTotalHits(t -> t.count(1)));
  }

  /**
   * An ungrouped page of the ranking (issue groups are {@link
   * io.fixfinder.indexer.search.GroupedSearch}'s, over {@link #window}): the hits with their
   * confidence, the facets, "answered" and the hints of a search without matches.
   */
  @Override
  public SearchResponse search(SearchRequest request) throws IOException {
    int want = request.page() * request.size();
    Searcher.Window window = window(request, want);
    int from = (request.page() - 1) * request.size();
    List<Searcher.Candidate> page =
        from >= window.candidates().size()
            ? List.of()
            : window.candidates().subList(from, Math.min(want, window.candidates().size()));
    Map<String, SourceDoc> records = byIds(page.stream().map(Searcher.Candidate::id).toList());
    List<SearchResponse.Hit> hits = new ArrayList<>(page.size());
    for (Searcher.Candidate c : page) {
      SourceDoc doc = records.get(c.id());
      if (doc != null) {
        hits.add(
            ExternalRanking.hit(doc, c.score(), request.query())
                .withConfidence(
                    io.fixfinder.indexer.confidence.Confidence.rounded(c.confidence())));
      }
    }
    SearchResponse h = window.header();
    return new SearchResponse(
        h.query(),
        h.interpretation(),
        h.total(),
        request.page(),
        request.size(),
        List.of(),
        hits,
        h.facets(),
        h.helpers(),
        h.answered(),
        h.restrictedTo(),
        h.noMatch());
  }

  @Override
  public Searcher.Window window(SearchRequest request, int n) throws IOException {
    long start = System.nanoTime();
    try {
      Run run = retrieve(request, n);
      return windows.window(
          request,
          run.plan(),
          run.retrieved(),
          n,
          new Answered(run.answers(), new Engine(company(request))));
    } finally {
      searchNanos.add(System.nanoTime() - start);
    }
  }

  @Override
  public Map<String, SourceDoc> read(
      Searcher.Window window, List<Searcher.Candidate> which, Collection<String> others)
      throws IOException {
    List<String> ids = new ArrayList<>(which.size() + others.size());
    for (Searcher.Candidate c : which) ids.add(c.id());
    ids.addAll(others);
    return byIds(ids);
  }

  private final java.util.concurrent.atomic.LongAdder searchNanos =
      new java.util.concurrent.atomic.LongAdder();

  /** Nanoseconds spent on windows since the backend opened (all requests to the cluster). */
  public long searchNanos() {
    return searchNanos.sum();
  }

  /** The company scope of a request as a filter, when it is limited. */
  private static Optional<Query> company(SearchRequest request) {
    return request.scope().limited()
        ? Optional.of(LuceneQueries.of(request.scope().filter()))
        : Optional.empty();
  }

  /** Candidates from each side, as the embedded searcher takes. */
  static final int CANDIDATES = ExternalRanking.CANDIDATES;

  /** The bm25 list: ids and scores best first, the total counted up to the embedded cap. */
  private record Lexical(List<Scored> hits, long totalHits, boolean exact) {
    long total() {
      return Math.min(totalHits, ExternalRanking.TOTAL_COUNT);
    }
  }

  /** The lexical query: the words and keys times prior^e, the filters and the type scope. */
  private Query lexicalQuery(
      Plan plan, List<Query> filters, Optional<String> scope, Optional<Query> company) {
    Query scored = LuceneQueries.of(plan.scored());
    float e = plan.priorExponent();
    Query primed;
    if (e == 0f) {
      primed = scored;
    } else {
      FieldValueFactorModifier modifier =
          e == 1f ? FieldValueFactorModifier.None : FieldValueFactorModifier.Sqrt;
      if (e != 1f && e != 0.5f) {
        throw new IllegalStateException("prior exponent " + e + " is not sent to OpenSearch yet");
      }
      primed =
          Query.of(
              q ->
                  q.functionScore(
                      f ->
                          f.query(scored)
                              .functions(
                                  fn ->
                                      fn.fieldValueFactor(
                                          v ->
                                              v.field(Fields.PRIOR)
                                                  .modifier(modifier)
                                                  .missing(1.0)))
                              .boostMode(FunctionBoostMode.Multiply)));
    }
    BoolQuery.Builder b = new BoolQuery.Builder().must(primed);
    filters.forEach(b::filter);
    scope.ifPresent(t -> b.filter(scopeFilter(t)));
    company.ifPresent(b::filter);
    return Query.of(q -> q.bool(b.build()));
  }

  /** A document's returned fields as strings by field name (a number as its decimal digits). */
  private static Map<String, List<String>> values(Map<?, ?> source) {
    Map<String, List<String>> out = new HashMap<>();
    if (source == null) return out;
    for (Map.Entry<?, ?> e : source.entrySet()) {
      List<String> vs = new ArrayList<>();
      if (e.getValue() instanceof List<?> list) {
        for (Object v : list) if (v != null) vs.add(String.valueOf(v));
      } else if (e.getValue() != null) {
        vs.add(String.valueOf(e.getValue()));
      }
      out.put(String.valueOf(e.getKey()), vs);
    }
    return out;
  }

  private static float score(Hit<?> h) {
    return h.score() == null ? 0f : h.score().floatValue();
  }

  private static Query scopeFilter(String type) {
    Query untyped = Query.of(x -> x.bool(b -> b.mustNot(n -> n.exists(e -> e.field(Fields.TYPE)))));
    return Query.of(
        x ->
            x.bool(b -> b.should(term(Fields.TYPE, type)).should(untyped).minimumShouldMatch("1")));
  }

  private static Query term(String field, String value) {
    return Query.of(x -> x.term(t -> t.field(field).value(FieldValue.of(value))));
  }

  private static Query and(List<Query> filters) {
    BoolQuery.Builder b = new BoolQuery.Builder();
    filters.forEach(b::filter);
    return Query.of(x -> x.bool(b.build()));
  }

  /** The neighbours passing the request's filters (a filter narrows the unfiltered neighbours). */
  private static List<Scored> kept(
      SearchRequest request, List<Scored> neighbours, Map<String, Map<String, List<String>>> f) {
    List<Scored> out = new ArrayList<>();
    for (Scored s : neighbours) if (passes(request, f.getOrDefault(s.id(), Map.of()))) out.add(s);
    return out;
  }

  /**
   * The dense list completed with the exact prior × cosine of the bm25 candidates it lacks: the
   * cosines the round trip computed ({@code cosine}, by id), else (a record no shard's rescoring
   * window held, as when the served index has more shards than assumed) from their stored vectors.
   */
  private List<Scored> withExact(
      List<Scored> dense,
      List<Scored> words,
      float[] query,
      Map<String, Float> cosine,
      Map<String, Float> priors)
      throws IOException {
    Set<String> have = new HashSet<>();
    for (Scored s : dense) have.add(s.id());
    List<String> missing = new ArrayList<>();
    List<Scored> out = new ArrayList<>(dense);
    for (Scored s : words) {
      if (!have.add(s.id())) continue;
      Float cos = cosine.get(s.id());
      if (cos == null) {
        missing.add(s.id());
      } else {
        out.add(new Scored(s.id(), priors.getOrDefault(s.id(), 1f) * Math.max(0f, cos)));
      }
    }
    if (!missing.isEmpty()) {
      var r =
          client.search(
              s ->
                  s.index(settings.alias())
                      .size(missing.size())
                      .query(q -> q.ids(i -> i.values(missing)))
                      .source(src -> src.filter(f -> f.includes(Fields.PRIOR, Fields.VECTOR))),
              Map.class);
      for (Hit<Map> h : r.hits().hits()) {
        Object raw = h.source() == null ? null : h.source().get(Fields.VECTOR);
        if (!(raw instanceof List<?> values) || values.size() != query.length) continue;
        float dot = 0;
        for (int i = 0; i < query.length; i++)
          dot += query[i] * ((Number) values.get(i)).floatValue();
        out.add(new Scored(h.id(), prior(h.source()) * Math.max(0f, dot)));
      }
    }
    out.sort(BEST_FIRST);
    return out;
  }

  /**
   * How many fused records the words do not match (dense neighbours only), so the total counts
   * every record a page can show once, as the embedded searcher counts.
   */
  private static long notMatching(
      List<Scored> fused, List<Scored> words, boolean complete, Set<String> flagged) {
    if (complete) return fused.size() - words.size();
    Set<String> head = new HashSet<>();
    for (Scored s : words) head.add(s.id());
    List<String> others = fused.stream().map(Scored::id).filter(id -> !head.contains(id)).toList();
    if (others.isEmpty()) return 0;
    // the others are neighbours, whose request flagged those the lexical query matches
    return others.size() - others.stream().filter(flagged::contains).count();
  }

  private static boolean passes(SearchRequest request, Map<String, List<String>> f) {
    if (request.kind().isPresent()
        && !f.getOrDefault(Fields.KIND, List.of())
            .contains(request.kind().get().toLowerCase(Locale.ROOT))) {
      return false;
    }
    if (request.brand().isPresent()
        && !f.getOrDefault(Fields.BRAND, List.of())
            .contains(DocumentMapper.brandKey(request.brand().get()))) {
      return false;
    }
    return request.type().isEmpty()
        || f.getOrDefault(Fields.TYPE, List.of())
            .contains(request.type().get().toLowerCase(Locale.ROOT));
  }

  private static float prior(Map<?, ?> src) {
    Object v = src == null ? null : src.get(Fields.PRIOR);
    return v instanceof Number n ? n.floatValue() : 1f;
  }

  private static List<Float> floats(float[] v) {
    List<Float> out = new ArrayList<>(v.length);
    for (float x : v) out.add(x);
    return out;
  }

  private static final java.util.Comparator<Scored> BEST_FIRST =
      java.util.Comparator.comparingDouble((Scored s) -> -s.score());

  /** What the window's rules ask of the cluster for one request, within its company scope. */
  private final class Engine implements ExternalWindow.Engine {
    private final Optional<Query> company;

    Engine(Optional<Query> company) {
      this.company = company;
    }

    private Query within(Query q, List<Query> filters) {
      BoolQuery.Builder b = new BoolQuery.Builder().must(q);
      filters.forEach(b::filter);
      company.ifPresent(b::filter);
      return Query.of(x -> x.bool(b.build()));
    }

    @Override
    public List<Map<String, long[]>> wordFacets(
        org.apache.lucene.search.Query words,
        List<org.apache.lucene.search.Query> filters,
        List<String> facets,
        Optional<String> named)
        throws IOException {
      Query q = within(LuceneQueries.of(words), filters.stream().map(LuceneQueries::of).toList());
      var r =
          client.search(
              s ->
                  s.index(settings.alias())
                      .query(q)
                      .size(0)
                      .aggregations(facetAggregations(facets, named)),
              Map.class);
      return facetCounts(r, facets, named);
    }

    @Override
    public Set<String> matching(org.apache.lucene.search.Query words, Collection<String> ids)
        throws IOException {
      if (ids.isEmpty()) return Set.of();
      List<String> list = List.copyOf(new java.util.LinkedHashSet<>(ids));
      Query q = within(LuceneQueries.of(words), List.of(Query.of(x -> x.ids(i -> i.values(list)))));
      var r =
          client.search(
              s -> s.index(settings.alias()).query(q).size(list.size()).source(x -> x.fetch(false)),
              Map.class);
      Set<String> out = new HashSet<>();
      for (Hit<Map> h : r.hits().hits()) out.add(h.id());
      return out;
    }

    @Override
    public ExternalWindow.Terms terms(
        Collection<String> ids, Collection<String> bodyTerms, Collection<String> indexTerms)
        throws IOException {
      List<String> list = List.copyOf(ids);
      List<String> body = List.copyOf(bodyTerms);
      List<String> index = List.copyOf(indexTerms);
      BoolQuery.Builder b = new BoolQuery.Builder();
      b.filter(f -> f.ids(i -> i.values(list)));
      for (int i = 0; i < body.size(); i++) {
        String name = "b" + i;
        String t = body.get(i);
        b.should(x -> x.term(m -> m.field(Fields.BODY).value(FieldValue.of(t)).queryName(name)));
      }
      Map<String, Query> known = new LinkedHashMap<>();
      for (int i = 0; i < index.size(); i++) known.put("k" + i, term(Fields.BODY, index.get(i)));
      Query q = Query.of(x -> x.bool(b.build()));
      var r =
          client.search(
              s -> {
                s.index(settings.alias()).query(q).size(list.size()).source(x -> x.fetch(false));
                if (!known.isEmpty()) {
                  s.aggregations(
                      "all",
                      a ->
                          a.global(g -> g)
                              .aggregations(
                                  "known", k -> k.filters(f -> f.filters(fb -> fb.keyed(known)))));
                }
                return s;
              },
              Map.class);
      Map<String, Set<String>> byRecord = new HashMap<>();
      if (!list.isEmpty()) {
        for (Hit<Map> h : r.hits().hits()) {
          Set<String> has = new HashSet<>();
          for (String name : h.matchedQueries()) {
            if (name.startsWith("b")) has.add(body.get(Integer.parseInt(name.substring(1))));
          }
          byRecord.put(h.id(), has);
        }
      }
      Set<String> inIndex = new HashSet<>();
      if (!known.isEmpty()) {
        var buckets =
            r.aggregations().get("all").global().aggregations().get("known").filters().buckets();
        for (var e : buckets.keyed().entrySet()) {
          if (e.getValue().docCount() > 0) {
            inIndex.add(index.get(Integer.parseInt(e.getKey().substring(1))));
          }
        }
      }
      return new ExternalWindow.Terms(byRecord, inIndex);
    }

    @Override
    public Map<String, Long> recordsByType() throws IOException {
      Query all = company.orElse(Query.of(x -> x.matchAll(m -> m)));
      var r =
          client.search(
              s ->
                  s.index(settings.alias())
                      .query(all)
                      .size(0)
                      .aggregations(
                          "types",
                          a -> a.terms(t -> t.field(Fields.FACET_TYPE).size(FACET_VALUES))),
              Map.class);
      Map<String, Long> out = new HashMap<>();
      for (var bucket : r.aggregations().get("types").sterms().buckets().array()) {
        out.put(bucket.key(), bucket.docCount());
      }
      return out;
    }

    @Override
    public ExternalWindow.Sample sample(org.apache.lucene.search.Query query, int n)
        throws IOException {
      Query q = within(LuceneQueries.of(query), List.of());
      var r =
          client.search(
              s ->
                  s.index(settings.alias())
                      .query(q)
                      .size(n)
                      .sort(
                          o ->
                              o.doc(
                                  d ->
                                      d.order(
                                          org.opensearch.client.opensearch._types.SortOrder.Asc)))
                      .trackTotalHits(t -> t.enabled(true))
                      .source(
                          x -> x.filter(f -> f.includes(Fields.FACET_BRAND, Fields.FACET_TYPE))),
              Map.class);
      List<Map<String, List<String>>> records = new ArrayList<>();
      for (Hit<Map> h : r.hits().hits()) records.add(values(h.source()));
      long total = r.hits().total() == null ? records.size() : r.hits().total().value();
      return new ExternalWindow.Sample(records, total);
    }
  }

  /**
   * The names of the knn request's flags: the unfiltered words match, the lexical query matches.
   */
  private static final String WORDED = "worded";

  private static final String MATCHED = "matched";

  /** The aggregation of which query terms any record holds (the whole index: {@code global}). */
  private static final String KNOWN = "known";

  private static org.opensearch.client.opensearch._types.aggregations.Aggregation knownTerms(
      Map<String, Query> known) {
    return org.opensearch.client.opensearch._types.aggregations.Aggregation.of(
        a ->
            a.global(g -> g)
                .aggregations("in", k -> k.filters(f -> f.filters(fb -> fb.keyed(known)))));
  }

  /** The index terms the {@link #KNOWN} aggregation found in some record. */
  private static Set<String> known(
      org.opensearch.client.opensearch.core.SearchResponse<Map> r, List<String> indexTerms) {
    Set<String> out = new HashSet<>();
    var buckets = r.aggregations().get(KNOWN).global().aggregations().get("in").filters().buckets();
    for (var e : buckets.keyed().entrySet()) {
      if (e.getValue().docCount() > 0) {
        out.add(indexTerms.get(Integer.parseInt(e.getKey().substring(1))));
      }
    }
    return out;
  }

  /** The query's prose terms a hit holds, from its named term queries. */
  private static Set<String> held(Hit<Map> h, List<String> bodyTerms) {
    Set<String> has = new HashSet<>();
    for (String name : h.matchedQueries()) {
      if (name.length() > 1 && name.charAt(0) == 'b' && Character.isDigit(name.charAt(1))) {
        has.add(bodyTerms.get(Integer.parseInt(name.substring(1))));
      }
    }
    return has;
  }

  /** A confirming count's verdict: the assumed restriction holds, or the type is absent. */
  private static ExternalWindow.Types present(
      org.opensearch.client.opensearch.core.SearchResponse<Map> count,
      ExternalWindow.Types assumed) {
    boolean any = count.hits().total() != null && count.hits().total().value() > 0;
    return any ? assumed : new ExternalWindow.Types(Optional.empty(), true, assumed.restrictedTo());
  }

  private static Query within(Query q, Optional<Query> company) {
    return within(q, List.of(), company);
  }

  private static Query within(Query q, List<Query> filters, Optional<Query> company) {
    BoolQuery.Builder b = new BoolQuery.Builder().must(q);
    filters.forEach(b::filter);
    company.ifPresent(b::filter);
    return Query.of(x -> x.bool(b.build()));
  }

  /** A facet pass as asked: the fields counted, the filters, the type the counts split by. */
  private record FacetKey(
      List<String> fields, List<org.apache.lucene.search.Query> filters, Optional<String> named) {}

  /** Per facet field, a terms aggregation, split by the named type when there is one. */
  private static Map<String, org.opensearch.client.opensearch._types.aggregations.Aggregation>
      facetAggregations(List<String> facets, Optional<String> named) {
    Map<String, org.opensearch.client.opensearch._types.aggregations.Aggregation> out =
        new LinkedHashMap<>();
    for (String f : facets) {
      out.put(
          f,
          org.opensearch.client.opensearch._types.aggregations.Aggregation.of(
              a -> {
                var c = a.terms(t -> t.field(f).size(FACET_VALUES));
                named.ifPresent(
                    type ->
                        c.aggregations("in", in -> in.filter(scopeFilter(type)))
                            .aggregations("named", nm -> nm.filter(term(Fields.TYPE, type))));
                return c;
              }));
    }
    return out;
  }

  /** What {@link #facetAggregations} counted: per field, value to {all, in scope, of named}. */
  private static List<Map<String, long[]>> facetCounts(
      org.opensearch.client.opensearch.core.SearchResponse<Map> r,
      List<String> facets,
      Optional<String> named) {
    List<Map<String, long[]>> out = new ArrayList<>();
    for (String f : facets) {
      Map<String, long[]> counts = new HashMap<>();
      var agg = r.aggregations().get(f);
      for (var bucket : agg.sterms().buckets().array()) {
        long all = bucket.docCount();
        long in = named.isPresent() ? bucket.aggregations().get("in").filter().docCount() : all;
        long ofNamed =
            named.isPresent() ? bucket.aggregations().get("named").filter().docCount() : 0;
        counts.put(bucket.key(), new long[] {all, in, ofNamed});
      }
      out.add(counts);
    }
    return out;
  }

  /**
   * What the round trip already answered of the window's questions ({@link
   * ExternalWindow.Questions}): the evidence terms of every retrieved record and the index's terms,
   * the facet passes, which neighbours the unfiltered words match.
   *
   * @param words the unfiltered words the facet passes and flags were asked with
   * @param flaggedIds the neighbours whose {@code worded} flag was asked (hybrid)
   */
  private record Answers(
      org.apache.lucene.search.Query words,
      ExternalWindow.Questions questions,
      ExternalWindow.Terms terms,
      boolean knownAsked,
      Map<FacetKey, List<Map<String, long[]>>> facets,
      Set<String> flaggedIds,
      Set<String> worded) {}

  /**
   * The window's engine: answers from the round trip when it asked the same question, the cluster
   * otherwise (a question the round trip could not foresee is still answered, one request more).
   */
  private final class Answered implements ExternalWindow.Engine {
    private final Answers answers;
    private final Engine live;

    Answered(Answers answers, Engine live) {
      this.answers = answers;
      this.live = live;
    }

    @Override
    public List<Map<String, long[]>> wordFacets(
        org.apache.lucene.search.Query words,
        List<org.apache.lucene.search.Query> filters,
        List<String> facets,
        Optional<String> named)
        throws IOException {
      var counted = answers.facets().get(new FacetKey(facets, filters, named));
      return counted != null && words.equals(answers.words())
          ? counted
          : live.wordFacets(words, filters, facets, named);
    }

    @Override
    public Set<String> matching(org.apache.lucene.search.Query words, Collection<String> ids)
        throws IOException {
      if (!words.equals(answers.words()) || !answers.flaggedIds().containsAll(ids)) {
        return live.matching(words, ids);
      }
      Set<String> out = new HashSet<>();
      for (String id : ids) if (answers.worded().contains(id)) out.add(id);
      return out;
    }

    @Override
    public ExternalWindow.Terms terms(
        Collection<String> ids, Collection<String> bodyTerms, Collection<String> indexTerms)
        throws IOException {
      ExternalWindow.Terms t = answers.terms();
      if (!answers.knownAsked()
          || !List.copyOf(bodyTerms).equals(answers.questions().bodyTerms())
          || !List.copyOf(indexTerms).equals(answers.questions().indexTerms())
          || !t.byRecord().keySet().containsAll(ids)) {
        return live.terms(ids, bodyTerms, indexTerms);
      }
      Map<String, Set<String>> byRecord = new HashMap<>();
      for (String id : ids) byRecord.put(id, t.byRecord().get(id));
      return new ExternalWindow.Terms(byRecord, t.inIndex());
    }

    @Override
    public Map<String, Long> recordsByType() throws IOException {
      return live.recordsByType();
    }

    @Override
    public ExternalWindow.Sample sample(org.apache.lucene.search.Query query, int n)
        throws IOException {
      return live.sample(query, n);
    }
  }

  /** Values a facet aggregation returns at most (more than any facet has in practice). */
  static final int FACET_VALUES = 10_000;

  public OpenSearchSettings settings() {
    return settings;
  }

  /**
   * The client, for readers of the same cluster in this package ({@link ClusterLeaderboardSource}).
   */
  OpenSearchClient client() {
    return client;
  }

  @Override
  public void close() throws IOException {
    try {
      client._transport().close();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }
}
