package io.fixfinder.store.tenants;

import java.time.Instant;
import java.util.Optional;

/**
 * A tenant as {@code tenant list} shows it: no key, only how many are current and how many are
 * rotated out but still in their grace period, and until when.
 */
public record TenantSummary(
    Tenant tenant, int currentKeys, int keysInGrace, Optional<Instant> graceUntil) {}
