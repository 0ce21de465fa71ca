package io.fixfinder.api.tenants;

import io.fixfinder.indexer.search.Scope;
import io.javalin.http.Context;
import java.util.Optional;

/** The scope of a request: its key's, set by {@link KeyGate}; the whole index without a key. */
public final class Scopes {
  static final String ATTRIBUTE = "fixfinder.keyed";

  private Scopes() {}

  public static Scope of(Context ctx) {
    return keyed(ctx).map(Keyed::scope).orElse(Scope.ALL);
  }

  /** The request's valid key, when it came with one. */
  public static Optional<Keyed> keyed(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
  }
}
