package io.fixfinder.indexer.fix;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.fixfinder.indexer.embed.Embedder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sentence vectors of remedy statements, kept so that an issue page embeds each statement once per
 * process: the first view of an issue embeds its remedies (one batch), later views and other issues
 * quoting the same statement read them here. Keyed by the normalised statement ({@link
 * Remedy#statement()}); one instance serves one embedder, so a vector never meets another model's.
 * Bounded by count: a 384-dimension vector and its key take about 2 KB, 20,000 of them about 40 MB.
 */
public final class RemedyVectors {
  /** Statements kept: more than the remedies of every issue of the demo and of a mid-size index. */
  public static final int DEFAULT_SIZE = 20_000;

  private final Embedder embedder;
  private final Cache<String, float[]> cache;

  public RemedyVectors(Embedder embedder, int maximumSize) {
    if (maximumSize < 1)
      throw new IllegalArgumentException("maximumSize must be >= 1, got " + maximumSize);
    this.embedder = embedder;
    this.cache = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
  }

  public RemedyVectors(Embedder embedder) {
    this(embedder, DEFAULT_SIZE);
  }

  /** One unit vector per statement, in order; those not kept are embedded in one batch. */
  public List<float[]> of(List<String> statements) {
    Set<String> distinct = new LinkedHashSet<>(statements);
    Map<String, float[]> found = cache.getAll(distinct, this::embed);
    List<float[]> out = new ArrayList<>(statements.size());
    for (String s : statements) out.add(found.get(s));
    return out;
  }

  private Map<String, float[]> embed(Set<? extends String> missing) {
    List<String> texts = List.copyOf(missing);
    List<float[]> vectors = embedder.embed(texts);
    if (vectors.size() != texts.size())
      throw new IllegalStateException(
          "the embedder gave " + vectors.size() + " vectors for " + texts.size() + " texts");
    Map<String, float[]> out = new java.util.HashMap<>();
    for (int i = 0; i < texts.size(); i++) out.put(texts.get(i), vectors.get(i));
    return out;
  }

  /** Hits and misses so far (a miss is a statement embedded). */
  public CacheStats stats() {
    return cache.stats();
  }

  /** The embedder's id: vectors are only comparable with the same model's. */
  public String embedderId() {
    return embedder.id();
  }
}
