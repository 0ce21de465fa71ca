package io.fixfinder.crawler.dedup;

import io.fixfinder.core.model.SourceDoc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds pages whose main text was already recorded under another URL: exact duplicates by a hash of
 * the normalised text, near-duplicates (the same thread mirrored with a different footer, a manual
 * copied to another site) by SimHash within {@value #MAX_DISTANCE} bits. Candidates are found
 * through four 16-bit bands of the fingerprint: two fingerprints within 3 bits share at least one
 * band exactly. Thread-safe.
 */
public final class Duplicates {
  static final int MAX_DISTANCE = 3;

  /** Very short texts collide by accident ("Page not found"), so they are never deduplicated. */
  static final int MIN_WORDS = 25;

  private record Seen(String id, String url, long simhash) {}

  private final Map<String, Seen> exact = new ConcurrentHashMap<>();
  private final List<Map<Integer, List<Seen>>> bands =
      List.of(
          new ConcurrentHashMap<>(),
          new ConcurrentHashMap<>(),
          new ConcurrentHashMap<>(),
          new ConcurrentHashMap<>());

  /** Remembers the page-level records already stored (from the record log at start). */
  public void seed(Collection<SourceDoc> docs) {
    for (SourceDoc doc : docs) {
      if (!doc.url().contains("#")) check(doc);
    }
  }

  /**
   * The id of an earlier record with the same (or nearly the same) text at another URL, or empty
   * when this record is new; a new record is remembered.
   */
  public synchronized Optional<String> check(SourceDoc doc) {
    String normalised = normalise(doc.text());
    if (normalised.split(" ").length < MIN_WORDS) return Optional.empty();
    String hash = sha256(normalised);
    Seen same = exact.get(hash);
    if (same != null && !same.url().equals(doc.url())) return Optional.of(same.id());
    long simhash = SimHash.of(normalised);
    for (int b = 0; b < 4; b++) {
      for (Seen candidate : bands.get(b).getOrDefault(band(simhash, b), List.of())) {
        if (!candidate.url().equals(doc.url())
            && SimHash.distance(candidate.simhash(), simhash) <= MAX_DISTANCE) {
          return Optional.of(candidate.id());
        }
      }
    }
    Seen seen = new Seen(doc.id(), doc.url(), simhash);
    exact.putIfAbsent(hash, seen);
    for (int b = 0; b < 4; b++)
      bands.get(b).computeIfAbsent(band(simhash, b), k -> new ArrayList<>()).add(seen);
    return Optional.empty();
  }

  private static int band(long simhash, int b) {
    return (int) ((simhash >>> (16 * b)) & 0xffff);
  }

  static String normalise(String text) {
    return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
