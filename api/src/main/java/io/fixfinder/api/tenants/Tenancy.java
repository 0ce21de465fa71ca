package io.fixfinder.api.tenants;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.fixfinder.api.protect.RateLimiter;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.search.Scope;
import io.fixfinder.store.StoreException;
import io.fixfinder.store.tenants.KeyMatch;
import io.fixfinder.store.tenants.Tenant;
import io.fixfinder.store.tenants.TenantStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Tenants as the server sees them. A key is looked up in the store once per {@code cacheTime}
 * (found or not: a flood of made-up keys costs one query each per period, then nothing). A key
 * rotated out is remembered no longer than its grace, so it is refused when the grace ends. A
 * revocation or rotation anywhere reaches the server through the store's change feed, which calls
 * {@link #forget} at its next poll (issue 17: about a second); {@code cacheTime} is only the bound
 * when the feed cannot be read. The cache is keyed by a SHA-256 of the key, so the server's memory
 * holds no key either.
 *
 * <p>Each tenant has one token bucket ({@code rateLimitPerMinute}, as many at once) and one count
 * per UTC day, shared by all its keys: rotating keys gains nothing. Both are per process: several
 * processes behind a balancer each allow the full amount.
 */
public final class Tenancy {
  /** What {@link #charge} decided: allowed, or refused with why and when to come back. */
  public sealed interface Charge {
    record Allowed() implements Charge {}

    record RateLimited(long retryAfterSeconds) implements Charge {}

    record QuotaExceeded(long retryAfterSeconds) implements Charge {}
  }

  private final TenantStore store;
  private final Clock clock;
  private final LongSupplier nanos;
  private final Map<String, Scope.Product> products = new HashMap<>();

  /** A key's lookup as cached: the tenant's view when valid, and until when a rotated key is. */
  private record Cached(Optional<Keyed> keyed, Optional<Instant> until) {}

  private final Cache<String, Cached> keys;
  private final Cache<String, Set<String>> origins;
  private final Cache<String, RateLimiter> limiters;
  private final Cache<String, AtomicLong> daily;

  public Tenancy(TenantStore store, Duration cacheTime, Clock clock, LongSupplier nanoClock) {
    this.store = store;
    this.clock = clock;
    this.nanos = nanoClock;
    for (Lexicon.Brand b : Lexicon.builtIn().brands()) {
      b.models()
          .forEach(
              (model, type) -> {
                String id = new ProductRef(type, b.name(), model).productId();
                products.put(
                    id,
                    new Scope.Product(
                        DocumentMapper.brandKey(b.name()), KeyExtractor.squash(model), id));
              });
    }
    long cacheNanos = cacheTime.toNanos();
    this.keys =
        Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfter(
                new Expiry<String, Cached>() {
                  @Override
                  public long expireAfterCreate(String k, Cached v, long now) {
                    if (v.until().isEmpty()) return cacheNanos;
                    long left = Duration.between(clock.instant(), v.until().get()).toNanos();
                    return Math.max(0, Math.min(cacheNanos, left));
                  }

                  @Override
                  public long expireAfterUpdate(String k, Cached v, long now, long current) {
                    return expireAfterCreate(k, v, now);
                  }

                  @Override
                  public long expireAfterRead(String k, Cached v, long now, long current) {
                    return current;
                  }
                })
            .ticker(nanoClock::getAsLong)
            .build();
    this.origins =
        Caffeine.newBuilder()
            .maximumSize(1)
            .expireAfterWrite(cacheTime)
            .ticker(nanoClock::getAsLong)
            .build();
    this.limiters = Caffeine.newBuilder().maximumSize(100_000).build();
    this.daily =
        Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(Duration.ofDays(2)).build();
  }

  /**
   * The tenant of a key valid now, else empty (unknown, malformed, revoked, past its grace).
   *
   * @throws StoreException when the database cannot say: the caller answers 503, never anonymous
   */
  public Optional<Keyed> resolve(String key) {
    return keys.get(
            sha256(key),
            h -> {
              Optional<KeyMatch> m = store.resolve(key);
              return new Cached(m.map(this::keyed), m.flatMap(KeyMatch::expires));
            })
        .keyed();
  }

  /**
   * Drops what is cached of these tenants (their keys; the origins of all, which a new or revoked
   * tenant changes): their next request reads the store. Called for changes seen on the store's
   * change feed. Unknown keys stay cached as unknown: no change to a tenant makes one valid.
   */
  public void forget(Set<String> tenantIds) {
    if (tenantIds.isEmpty()) return;
    keys.asMap()
        .values()
        .removeIf(c -> c.keyed().isPresent() && tenantIds.contains(c.keyed().get().tenantId()));
    origins.invalidateAll();
  }

  /** Drops every cached key and the origins: the changes since the last poll are not known. */
  public void forgetAll() {
    keys.invalidateAll();
    origins.invalidateAll();
  }

  /**
   * Every origin some active tenant allows: what a CORS preflight, which carries no key, may get.
   */
  public Set<String> allOrigins() {
    try {
      return origins.get("all", k -> store.activeOrigins());
    } catch (StoreException e) {
      return Set.of();
    }
  }

  /** Takes one request from the tenant's rate limit and its day's quota. */
  public Charge charge(Keyed keyed) {
    RateLimiter limiter =
        limiters.get(
            keyed.tenantId() + "/" + keyed.rateLimitPerMinute(),
            k ->
                new RateLimiter(
                    keyed.rateLimitPerMinute(), keyed.rateLimitPerMinute(), 1 << 20, nanos));
    RateLimiter.Decision d = limiter.acquire(keyed.tenantId());
    if (!d.allowed()) return new Charge.RateLimited(d.retryAfterSeconds());
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    AtomicLong used = daily.get(keyed.tenantId() + "/" + today, k -> new AtomicLong());
    if (used.incrementAndGet() > keyed.dailyQuota()) {
      long untilMidnight =
          Duration.between(
                  clock.instant(), today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))
              .toSeconds();
      return new Charge.QuotaExceeded(Math.max(1, untilMidnight));
    }
    return new Charge.Allowed();
  }

  private Keyed keyed(KeyMatch match) {
    Tenant t = match.tenant();
    List<Scope.Product> scoped = new ArrayList<>();
    for (String id : t.products()) {
      Scope.Product p = products.get(id);
      // a product the lexicon no longer knows matches nothing: left out, never widened
      if (p != null) scoped.add(p);
    }
    return new Keyed(
        t.id(),
        match.kind(),
        Scope.of(new LinkedHashSet<>(t.brands()), scoped),
        new LinkedHashSet<>(t.origins()),
        t.rateLimitPerMinute(),
        t.dailyQuota());
  }

  private static String sha256(String key) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
