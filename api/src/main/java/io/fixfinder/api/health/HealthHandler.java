package io.fixfinder.api.health;

import io.fixfinder.api.problem.ProblemMapper;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.store.Database;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: 200 with "ok" when the index answers and the database takes a write; 503
 * with "degraded" (and which part failed) otherwise, as a load balancer expects. The index is
 * degraded too when it has served another generation than {@code CURRENT} names for longer than
 * {@link IndexStore.GenerationState#STUCK_AFTER}.
 */
public final class HealthHandler {
  private final IndexStore index;
  private final Database database;

  public HealthHandler(IndexStore index, Database database) {
    this.index = index;
    this.database = database;
  }

  public void health(Context ctx) {
    Map<String, Object> indexState = new LinkedHashMap<>();
    boolean indexOk;
    try {
      indexState.put("documents", index.count());
      indexState.put("bytes", index.sizeBytes());
      IndexStore.GenerationState generation = index.generationState();
      indexState.put("generation", generation.served());
      indexState.put("current", generation.current());
      indexState.put("behind", generation.behind());
      indexOk = !generation.stuck(); // behind CURRENT for minutes: not a passing failure
    } catch (RuntimeException e) {
      indexOk = false;
    }
    indexState.put("ok", indexOk);
    Database.Health db = database.health();
    Map<String, Object> dbState = new LinkedHashMap<>();
    dbState.put("ok", db.ok());
    dbState.put("kind", db.kind().id());
    boolean ok = indexOk && db.ok();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ok ? "ok" : "degraded");
    body.put("index", indexState);
    body.put("database", dbState);
    ctx.header("Cache-Control", "no-store");
    ProblemMapper.keepBody(ctx);
    ctx.status(ok ? 200 : 503).json(body);
  }
}
