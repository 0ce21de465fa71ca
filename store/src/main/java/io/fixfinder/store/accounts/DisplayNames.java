package io.fixfinder.store.accounts;

import java.util.Optional;

/**
 * The rule for a helper's display name, shared by registration and the profile editor: 1 to 80
 * characters after trimming, no control characters. Anything else (quotes, angle brackets, SQL
 * keywords) is a name like any other: it is stored verbatim and escaped where it is shown.
 */
public final class DisplayNames {
  public static final int MAX = 80;

  private DisplayNames() {}

  /** The trimmed name, or why it is refused. */
  public static Optional<FieldError> check(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of(new FieldError("displayName", "a display name is required"));
    }
    String s = name.strip();
    if (s.codePointCount(0, s.length()) > MAX) {
      return Optional.of(
          new FieldError("displayName", "a display name may have at most " + MAX + " characters"));
    }
    if (s.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.of(
          new FieldError("displayName", "a display name cannot contain control characters"));
    }
    return Optional.empty();
  }
}
