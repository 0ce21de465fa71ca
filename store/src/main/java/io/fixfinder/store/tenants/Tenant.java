package io.fixfinder.store.tenants;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A company that embeds FixFinder.
 *
 * @param brands brand names as the lexicon spells them ("Aqualine"): every record of these
 * @param products product ids ({@code aqualine-wm8420x}): every record of these models too
 * @param origins browser origins ({@code https://help.example.com}) a publishable key may be used
 *     from; none: the key works only without an {@code Origin} (server to server)
 * @param rateLimitPerMinute requests per minute over all of the tenant's keys together
 * @param dailyQuota requests per UTC day over all of the tenant's keys together
 * @param revoked when {@code tenant revoke} refused every key of it
 */
public record Tenant(
    String id,
    String name,
    List<String> brands,
    List<String> products,
    List<String> origins,
    int rateLimitPerMinute,
    int dailyQuota,
    Instant created,
    Optional<Instant> revoked) {
  public Tenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    brands = List.copyOf(brands);
    products = List.copyOf(products);
    origins = List.copyOf(origins);
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(revoked, "revoked");
  }

  public boolean active() {
    return revoked.isEmpty();
  }
}
