package io.fixfinder.core.helpers.match;

import java.util.Locale;
import java.util.Set;

/** ISO 639-1 language codes, as helpers' profiles and customers' requests carry them. */
public final class Languages {
  private static final Set<String> CODES = Set.of(Locale.getISOLanguages());

  private Languages() {}

  /**
   * The lower-case two-letter code; a region or script suffix ({@code pt-BR}) is dropped, since a
   * Brazilian and a Portuguese understand each other well enough to fix a washing machine.
   *
   * @throws IllegalArgumentException naming the bad code
   */
  public static String code(String tag) {
    String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
    int cut = t.indexOf('-') >= 0 ? t.indexOf('-') : t.indexOf('_');
    if (cut >= 0) t = t.substring(0, cut);
    if (t.length() != 2 || !CODES.contains(t)) {
      throw new IllegalArgumentException(
          "'" + tag + "' is not an ISO 639-1 language code (e.g. en, nl, pt)");
    }
    return t;
  }

  /** The language's English name ("Dutch"). */
  public static String name(String code) {
    return Locale.of(code).getDisplayLanguage(Locale.ENGLISH);
  }
}
