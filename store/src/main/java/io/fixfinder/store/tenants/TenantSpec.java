package io.fixfinder.store.tenants;

import java.util.List;

/**
 * What an operator asks for with {@code tenant create}, before {@link TenantRules} checks it.
 *
 * @param brands brand names, any case ("aqualine")
 * @param products product ids ({@code aqualine-wm8420x})
 * @param origins browser origins, scheme, host and port only
 */
public record TenantSpec(
    String name,
    List<String> brands,
    List<String> products,
    List<String> origins,
    int rateLimitPerMinute,
    int dailyQuota) {
  public TenantSpec {
    brands = List.copyOf(brands);
    products = List.copyOf(products);
    origins = List.copyOf(origins);
  }
}
