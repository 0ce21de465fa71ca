package io.fixfinder.store.analytics;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query's text as the analytics may keep it: lower-cased, whitespace collapsed, at most {@value
 * #MAX_CHARS} characters; or nothing at all when it looks like personal data. The test is
 * deliberately broad (a false alarm costs one uncounted text, a miss keeps a person's address): an
 * {@code @} between word characters (an email address or a handle), or a run of at least {@value
 * #MAX_DIGITS} digits, spaces, dots, dashes, slashes or brackets (a phone number, a customer or
 * serial number, a card). Model numbers and error codes (WAK-2840, E18, F21) stay.
 */
public final class QueryText {
  public static final int MAX_CHARS = 100;
  public static final int MAX_DIGITS = 7;

  private static final Pattern SPACE = Pattern.compile("[\\s\\p{Z}]+");
  private static final Pattern AT = Pattern.compile("\\w\\s*(@|\\(at\\)|\\[at\\])\\s*\\w");
  private static final Pattern NUMBERISH = Pattern.compile("\\+?\\d[\\d\\s./()\\-]*\\d");

  private QueryText() {}

  /** The text to count, or empty when it must not be kept (personal-looking, or blank). */
  public static Optional<String> normalise(String raw) {
    if (raw == null) return Optional.empty();
    String t = SPACE.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    if (t.isEmpty() || looksPersonal(t)) return Optional.empty();
    if (t.length() > MAX_CHARS) {
      int end = MAX_CHARS;
      // never cut a surrogate pair in two
      if (Character.isHighSurrogate(t.charAt(end - 1))) end--;
      t = t.substring(0, end).strip();
    }
    return Optional.of(t);
  }

  /** Whether the text holds something that may identify a person (see the class comment). */
  public static boolean looksPersonal(String text) {
    if (AT.matcher(text).find()) return true;
    Matcher m = NUMBERISH.matcher(text);
    while (m.find()) {
      int digits = 0;
      for (int i = m.start(); i < m.end(); i++) if (Character.isDigit(text.charAt(i))) digits++;
      if (digits >= MAX_DIGITS) return true;
    }
    return false;
  }
}
