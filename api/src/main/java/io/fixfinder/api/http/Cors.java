package io.fixfinder.api.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/** CORS only for configured origins (exact match); a preflight from one gets the methods. */
public final class Cors {
  private final Set<String> origins;

  public Cors(List<String> origins) {
    this.origins = Set.copyOf(origins);
  }

  /** A Javalin before-handler: answers a preflight itself, marks other allowed requests. */
  public void apply(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || !origins.contains(origin)) return;
    ctx.header("Access-Control-Allow-Origin", origin);
    ctx.header("Vary", "Origin");
    if ("OPTIONS".equals(ctx.method().name())) {
      ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      ctx.header("Access-Control-Allow-Headers", "Content-Type, X-Api-Key");
      ctx.header("Access-Control-Max-Age", "600");
      ctx.status(204);
      ctx.skipRemainingHandlers();
    }
  }
}
