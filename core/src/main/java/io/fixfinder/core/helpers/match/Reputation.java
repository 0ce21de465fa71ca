package io.fixfinder.core.helpers.match;

import java.util.OptionalInt;

/**
 * What the people a helper helped said, counted: the outcome of each closed request ("fixed", "not
 * fixed", "gave up") and how the helper answers requests. Only outcomes confirmed by customers
 * count; nothing here is self-declared.
 *
 * <p><b>Why a Beta prior.</b> A raw fix rate ranks a helper with 1 fix of 1 above one with 9 of 10,
 * and a new helper (0 of 0) has no rate at all, so either sinks or floats. The posterior mean of a
 * Beta({@value #FIX_PRIOR_FIXED}, {@value #FIX_PRIOR_FAILED}) prior is {@code (fixes + 3) /
 * (outcomes + 5)}: a new helper starts at 0.6, which is below a proven helper (8 of 9 gives 0.79)
 * and above one whose customers mostly report no fix (1 of 5 gives 0.4), and every confirmed
 * outcome moves the estimate by a bounded step. A new helper is therefore not buried, and a lucky
 * first fix does not outrank a long record. "Gave up" counts half a failure: the customer may have
 * stopped for reasons of their own. The response rate uses a Beta(4, 1) prior (a new helper is
 * assumed to answer, 0.8), and a median response time, when known, adds a little for speed.
 *
 * @param medianResponseMinutes median minutes from request to first answer; empty when none
 */
public record Reputation(
    int confirmedFixes,
    int notFixed,
    int gaveUp,
    int requestsReceived,
    int requestsAnswered,
    OptionalInt medianResponseMinutes) {

  public static final double FIX_PRIOR_FIXED = 3;
  public static final double FIX_PRIOR_FAILED = 2;
  public static final double RESPONSE_PRIOR_ANSWERED = 4;
  public static final double RESPONSE_PRIOR_IGNORED = 1;

  /** A helper nobody has asked yet. */
  public static final Reputation NEW = new Reputation(0, 0, 0, 0, 0, OptionalInt.empty());

  public Reputation {
    if (confirmedFixes < 0 || notFixed < 0 || gaveUp < 0 || requestsReceived < 0) {
      throw new IllegalArgumentException("reputation counts must not be negative");
    }
    if (requestsAnswered < 0 || requestsAnswered > requestsReceived) {
      throw new IllegalArgumentException(
          "requests answered ("
              + requestsAnswered
              + ") must be within 0..requests received ("
              + requestsReceived
              + ")");
    }
    if (medianResponseMinutes == null) medianResponseMinutes = OptionalInt.empty();
    if (medianResponseMinutes.isPresent() && medianResponseMinutes.getAsInt() < 0) {
      throw new IllegalArgumentException("median response minutes must not be negative");
    }
  }

  /** Closed requests with an outcome. */
  public int outcomes() {
    return confirmedFixes + notFixed + gaveUp;
  }

  /** Whether no customer has reported an outcome yet. */
  public boolean isNew() {
    return outcomes() == 0;
  }

  /** Posterior mean of the fix rate under the Beta(3, 2) prior (see the class comment). */
  public double fixRate() {
    double failures = notFixed + 0.5 * gaveUp;
    return (confirmedFixes + FIX_PRIOR_FIXED)
        / (confirmedFixes + failures + FIX_PRIOR_FIXED + FIX_PRIOR_FAILED);
  }

  /** Posterior mean of the share of requests answered under a Beta(4, 1) prior. */
  public double responseRate() {
    return (requestsAnswered + RESPONSE_PRIOR_ANSWERED)
        / (requestsReceived + RESPONSE_PRIOR_ANSWERED + RESPONSE_PRIOR_IGNORED);
  }

  /** 1 for an instant answer, 0.5 at four hours, towards 0 after days; 0.5 when unknown. */
  public double speed() {
    return medianResponseMinutes.isPresent()
        ? 1 / (1 + medianResponseMinutes.getAsInt() / 240.0)
        : 0.5;
  }

  /** The reputation in 0..1: mostly outcomes, then answering, a little speed. */
  public double score() {
    return 0.75 * fixRate() + 0.2 * responseRate() + 0.05 * speed();
  }
}
