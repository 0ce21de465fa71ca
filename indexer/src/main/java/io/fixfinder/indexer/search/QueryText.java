package io.fixfinder.indexer.search;

/** What counts as something to search for, decided once for the searcher and the API. */
public final class QueryText {
  private QueryText() {}

  /**
   * Whether {@code query} has anything to match or embed: a letter or a digit. Spaces Java does not
   * call whitespace (no-break, zero-width), control, format and punctuation characters alone carry
   * no meaning (and the model refuses blank text).
   */
  public static boolean hasText(String query) {
    return query.codePoints().anyMatch(Character::isLetterOrDigit);
  }
}
