package io.fixfinder.api.health;

import io.fixfinder.api.problem.ProblemMapper;
import io.fixfinder.api.search.SearchEngine;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.store.Database;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@code GET /health}: 200 with "ok" when the index answers and the database takes a write; 503
 * with "degraded" (and which part failed) otherwise, as a load balancer expects. The index is
 * degraded too when it has served another generation than {@code CURRENT} names for longer than
 * {@link IndexStore.GenerationState#STUCK_AFTER}.
 *
 * <p>{@code index} describes the generation searches read: the local embedded index, or, when
 * searches run on another engine ({@code index.backend: opensearch}), the generation that engine
 * serves (its alias's index, records, size and schema), never the data directory's embedded index,
 * which such a server does not search. {@code index.engine} says which.
 *
 * <p>/health is not rate-limited (a load balancer polls it) and the database probe may write (on
 * SQLite it takes the write lock), so the probe's result is kept for {@link #PROBE_TTL}: any rate
 * of calls costs at most one probe per period. A closed database is seen at once.
 */
public final class HealthHandler {
  /** How long a database probe's result stands for. */
  static final Duration PROBE_TTL = Duration.ofSeconds(5);

  private final IndexStore index;
  private final Database database;
  private final ProbeCache<Database.Health> probe;
  private final Optional<String> engineKind;
  private final Optional<ProbeCache<SearchEngine.Health>> engine;
  private final Optional<ProbeCache<Optional<SearchEngine.Served>>> served;

  public HealthHandler(IndexStore index, Database database) {
    this(index, database, Optional.empty(), System::nanoTime);
  }

  /**
   * Also reporting the search engine when it is not the embedded index: its status and nodes in
   * {@code backend}, and 503 when it is unreachable or red (probed at most once per {@link
   * #PROBE_TTL}, as the database is).
   */
  public HealthHandler(IndexStore index, Database database, Optional<SearchEngine> engine) {
    this(index, database, engine, System::nanoTime);
  }

  /** With {@code nanoClock} deciding when a probe's result is old (tests hold it still). */
  HealthHandler(IndexStore index, Database database, LongSupplier nanoClock) {
    this(index, database, Optional.empty(), nanoClock);
  }

  HealthHandler(
      IndexStore index, Database database, Optional<SearchEngine> engine, LongSupplier nanoClock) {
    this.index = index;
    this.database = database;
    this.probe = new ProbeCache<>(database::health, PROBE_TTL, nanoClock);
    this.engineKind = engine.map(SearchEngine::kind);
    this.engine = engine.map(e -> new ProbeCache<>(e.health(), PROBE_TTL, nanoClock));
    this.served = engine.map(e -> new ProbeCache<>(e.served(), PROBE_TTL, nanoClock));
  }

  public void health(Context ctx) {
    Map<String, Object> indexState = new LinkedHashMap<>();
    boolean indexOk = served.isPresent() ? engineIndex(indexState) : localIndex(indexState);
    indexState.put("ok", indexOk);
    Database.Health db =
        database.isClosed() ? new Database.Health(false, database.kind()) : probe.get();
    Map<String, Object> dbState = new LinkedHashMap<>();
    dbState.put("ok", db.ok());
    dbState.put("kind", db.kind().id());
    boolean ok = indexOk && db.ok();
    Map<String, Object> backend = null;
    if (engine.isPresent()) {
      SearchEngine.Health h = engine.get().get();
      backend = new LinkedHashMap<>();
      backend.put("kind", engineKind.orElseThrow());
      backend.put("ok", h.ok());
      backend.put("status", h.status());
      backend.put("nodes", h.nodes());
      ok &= h.ok();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ok ? "ok" : "degraded");
    body.put("index", indexState);
    body.put("database", dbState);
    if (backend != null) body.put("backend", backend);
    ctx.header("Cache-Control", "no-store");
    ProblemMapper.keepBody(ctx);
    ctx.status(ok ? 200 : 503).json(body);
  }

  /**
   * The generation the engine serves, in the same fields as the local one's ({@code generation} and
   * {@code current} are the index the alias names: the alias is the engine's pointer) and a few of
   * its own. Not ok when the engine does not answer, the alias names no single index, or this
   * version cannot serve its schema.
   */
  private boolean engineIndex(Map<String, Object> state) {
    Optional<SearchEngine.Served> s = served.orElseThrow().get();
    if (s.isEmpty()) {
      state.put("engine", engineKind.orElseThrow());
      return false;
    }
    SearchEngine.Served g = s.get();
    state.put("documents", g.documents());
    state.put("bytes", g.bytes());
    state.put("generation", g.index());
    state.put("current", g.index());
    state.put("behind", false);
    state.put("engine", engineKind.orElseThrow());
    state.put("alias", g.alias());
    state.put("generationNumber", g.generation());
    state.put("schemaVersion", g.schemaVersion());
    return g.aliased() == 1 && g.servable();
  }

  private boolean localIndex(Map<String, Object> indexState) {
    try {
      indexState.put("documents", index.count());
      indexState.put("bytes", index.sizeBytes());
      IndexStore.GenerationState generation = index.generationState();
      indexState.put("generation", generation.served());
      indexState.put("current", generation.current());
      indexState.put("behind", generation.behind());
      indexState.put("engine", "embedded");
      return !generation.stuck(); // behind CURRENT for minutes: not a passing failure
    } catch (RuntimeException e) {
      indexState.put("engine", "embedded");
      return false;
    }
  }

  /** Database probes run so far. */
  long probes() {
    return probe.probes();
  }
}
