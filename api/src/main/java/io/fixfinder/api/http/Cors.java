package io.fixfinder.api.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * CORS only for configured origins (exact match); a preflight from one gets the methods. A
 * preflight carries no API key, so it is also answered for any origin some tenant allows ({@code
 * tenantOrigins}); the request that follows is then checked against its own key's origins by the
 * key gate, which sets its CORS headers itself.
 */
public final class Cors {
  private final Set<String> origins;
  private final Supplier<Set<String>> tenantOrigins;

  public Cors(List<String> origins) {
    this(origins, Set::of);
  }

  public Cors(List<String> origins, Supplier<Set<String>> tenantOrigins) {
    this.origins = Set.copyOf(origins);
    this.tenantOrigins = tenantOrigins;
  }

  /** A Javalin before-handler: answers a preflight itself, marks other allowed requests. */
  public void apply(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) return;
    boolean preflight = "OPTIONS".equals(ctx.method().name());
    boolean allowed =
        origins.contains(origin) || (preflight && tenantOrigins.get().contains(origin));
    if (!allowed) return;
    ctx.header("Access-Control-Allow-Origin", origin);
    // an API key changes answers too (the key gate says the same): keep both
    ctx.header("Vary", "Origin, X-Api-Key");
    if (preflight) {
      ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      ctx.header("Access-Control-Allow-Headers", "Content-Type, X-Api-Key");
      ctx.header("Access-Control-Max-Age", "600");
      ctx.status(204);
      ctx.skipRemainingHandlers();
    }
  }
}
