package io.fixfinder.store.alerts;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a tenant hears about emerging issues, opened from the store.
 *
 * @param webhookUrl an address POSTed a signed JSON body, checked by the caller before it was saved
 *     and again before each send
 * @param email one plain address
 * @param signingSecret the key of the webhook's HMAC signature ({@code whsec_...}), generated once
 *     per tenant and kept when the rest changes
 * @param minGrowth an emerging issue alerts when its growth reaches this (at least 1)
 */
public record AlertSettings(
    String tenantId,
    Optional<String> webhookUrl,
    Optional<String> email,
    String signingSecret,
    double minGrowth,
    Instant updatedAt) {
  /** Lowest and highest growth a tenant may ask for. */
  public static final double MIN_GROWTH = 1.0;

  public static final double MAX_GROWTH = 1000.0;

  /** Whether anything would be sent. */
  public boolean hasTarget() {
    return webhookUrl.isPresent() || email.isPresent();
  }

  @Override
  public String toString() {
    // the target and the secret stay out of logs
    return "AlertSettings[" + tenantId + ", minGrowth=" + minGrowth + "]";
  }
}
