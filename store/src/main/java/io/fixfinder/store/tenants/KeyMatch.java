package io.fixfinder.store.tenants;

import java.time.Instant;
import java.util.Optional;

/**
 * A key that is valid now: its tenant, its kind, and until when it stays valid when it was rotated
 * out (empty for a current key).
 */
public record KeyMatch(Tenant tenant, KeyKind kind, Optional<Instant> expires) {}
