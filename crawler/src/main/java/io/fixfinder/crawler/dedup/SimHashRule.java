package io.fixfinder.crawler.dedup;

import io.fixfinder.core.io.Hashes;
import io.fixfinder.core.model.SourceDoc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The merge rule before issue #12, kept only as the baseline of {@code eval dedup}: a record is the
 * same document as an earlier one when the hashes of their normalised title and text are equal or
 * their SimHashes are within {@value #MAX_DISTANCE} bits. Sibling guides of one device share so
 * much boilerplate that their whole-page SimHashes are that close, so this rule loses them; {@link
 * Duplicates} is the rule the crawl uses. Thread-safe.
 */
public final class SimHashRule implements DuplicateRule {
  static final int MAX_DISTANCE = 5;

  /** Very short texts collide by accident ("Page not found"), so they are never deduplicated. */
  static final int MIN_WORDS = 25;

  private record Seen(String id, String url, long simhash, String product) {
    /** Two records about different products are never one document, however alike their text. */
    boolean sameProductAs(String other) {
      return product.isEmpty() || other.isEmpty() || product.equals(other);
    }
  }

  private final Map<String, Seen> exact = new ConcurrentHashMap<>();
  private final List<Map<Integer, List<Seen>>> bands =
      java.util.stream.Stream.generate(
              () -> (Map<Integer, List<Seen>>) new ConcurrentHashMap<Integer, List<Seen>>())
          .limit(6)
          .toList();
  private static final int[] BAND_SHIFT = {0, 11, 22, 33, 44, 54};
  private static final int[] BAND_BITS = {11, 11, 11, 11, 10, 10};

  /**
   * The id of an earlier record with the same (or nearly the same) text at another URL, or empty
   * when this record is new; a new record is remembered.
   */
  @Override
  public synchronized Optional<String> check(SourceDoc doc) {
    String normalised = normalise(doc.title() + " " + doc.text());
    String product = doc.product().brand() + "|" + doc.product().model();
    if (product.equals("|")) product = "";
    if (normalised.split(" ").length < MIN_WORDS) return Optional.empty();
    String hash = Hashes.sha256Hex(normalised);
    Seen same = exact.get(hash);
    if (same != null && !same.url().equals(doc.url()) && same.sameProductAs(product))
      return Optional.of(same.id());
    long simhash = SimHash.of(normalised);
    for (int b = 0; b < BAND_BITS.length; b++) {
      for (Seen candidate : bands.get(b).getOrDefault(band(simhash, b), List.of())) {
        if (!candidate.url().equals(doc.url())
            && candidate.sameProductAs(product)
            && SimHash.distance(candidate.simhash(), simhash) <= MAX_DISTANCE) {
          return Optional.of(candidate.id());
        }
      }
    }
    Seen seen = new Seen(doc.id(), doc.url(), simhash, product);
    exact.putIfAbsent(hash, seen);
    for (int b = 0; b < BAND_BITS.length; b++)
      bands.get(b).computeIfAbsent(band(simhash, b), k -> new ArrayList<>()).add(seen);
    return Optional.empty();
  }

  private static int band(long simhash, int b) {
    return (int) ((simhash >>> BAND_SHIFT[b]) & ((1L << BAND_BITS[b]) - 1));
  }

  static String normalise(String text) {
    return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
