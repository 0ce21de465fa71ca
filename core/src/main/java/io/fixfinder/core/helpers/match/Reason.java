package io.fixfinder.core.helpers.match;

import java.util.Objects;

/**
 * Why a helper matched, for a person: a stable {@link Kind} (for icons, styling or translation) and
 * an English sentence fragment ("speaks Dutch", "12 km away").
 */
public record Reason(Kind kind, String text) {
  public enum Kind {
    ISSUE,
    MODEL,
    BRAND,
    TYPE,
    AREA,
    LANGUAGE,
    DISTANCE,
    SAME_COUNTRY,
    LOCATION,
    REMOTE,
    AVAILABLE_NOW,
    NEXT_AVAILABLE,
    REPUTATION,
    RESPONSE,
    NEW_HELPER
  }

  public Reason {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }
}
