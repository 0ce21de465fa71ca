package io.fixfinder.api.tenants;

import io.fixfinder.indexer.search.Scope;
import io.fixfinder.store.tenants.KeyKind;
import java.util.Set;

/**
 * A request's valid key as the server acts on it: whose it is, what kind, the scope it sees, the
 * origins it may be used from and its tenant's limits. Holds no key.
 */
public record Keyed(
    String tenantId,
    KeyKind kind,
    Scope scope,
    Set<String> origins,
    int rateLimitPerMinute,
    int dailyQuota) {
  public Keyed {
    origins = Set.copyOf(origins);
  }
}
