package io.fixfinder.store.contact;

import java.util.Optional;

/**
 * Checks of what people type. Text is stored verbatim (markup and SQL included: the pages escape
 * it, the store binds it), so only what a database cannot hold faithfully is refused: NUL (which
 * PostgreSQL rejects) and unpaired surrogates (which a driver would silently turn into "?"). Every
 * message names the field, never the value.
 */
final class Inputs {
  static final int MAX_MESSAGE = 5000;
  static final int MAX_REASON = 2000;
  static final int MAX_EMAIL = 254;
  static final int MAX_CHANNEL = 300;
  static final int MAX_ID = 32;
  static final int MAX_ISSUE = 80;

  private Inputs() {}

  /** Why {@code text} is not a message body, if it is not one. */
  static Optional<String> text(String text, int max) {
    if (text == null || text.isBlank()) return Optional.of("must not be empty");
    if (text.length() > max) return Optional.of("must be at most " + max + " characters");
    return storable(text);
  }

  /** Why {@code s} is not an id of at most {@code max} visible ASCII characters. */
  static Optional<String> id(String s, int max) {
    if (s == null || s.isEmpty()) return Optional.of("must not be empty");
    if (s.length() > max) return Optional.of("must be at most " + max + " characters");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c > '~') return Optional.of("must be visible ASCII characters");
    }
    return Optional.empty();
  }

  /**
   * Why {@code email} is not an address we can send to. Deliberately plain: one {@code @}, a dot in
   * the domain, no spaces, controls, quotes or angle brackets (which could inject mail headers).
   */
  static Optional<String> email(String email) {
    if (email == null || email.isBlank()) return Optional.of("must not be empty");
    if (email.length() > MAX_EMAIL)
      return Optional.of("must be at most " + MAX_EMAIL + " characters");
    int at = email.indexOf('@');
    if (at < 1 || at != email.lastIndexOf('@') || at == email.length() - 1) {
      return Optional.of("must be an address like name@example.org");
    }
    String domain = email.substring(at + 1);
    if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".")) {
      return Optional.of("must be an address like name@example.org");
    }
    for (int i = 0; i < email.length(); i++) {
      char c = email.charAt(i);
      if (c <= ' ' || c == 0x7f || "<>()[]\\,;:\"".indexOf(c) >= 0) {
        return Optional.of("must be an address like name@example.org");
      }
    }
    return storable(email);
  }

  /** Why {@code value} cannot be revealed as a channel of {@code kind}. */
  static Optional<String> channel(ChannelKind kind, String value) {
    if (value == null || value.isBlank()) return Optional.of("must not be empty");
    if (value.length() > MAX_CHANNEL) {
      return Optional.of("must be at most " + MAX_CHANNEL + " characters");
    }
    return switch (kind) {
      case EMAIL -> email(value);
      case PHONE ->
          value.matches("\\+?[0-9 ()./-]{4,40}")
              ? Optional.empty()
              : Optional.of("must be a phone number");
      case VIDEO ->
          value.startsWith("https://")
                  && value.length() > 8
                  && value.chars().noneMatch(c -> c <= ' ')
              ? Optional.empty()
              : Optional.of("must be an https:// link");
    };
  }

  private static Optional<String> storable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) return Optional.of("must not contain NUL characters");
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return Optional.of("must be valid Unicode text");
      }
      if (Character.isLowSurrogate(c)) return Optional.of("must be valid Unicode text");
    }
    return Optional.empty();
  }
}
