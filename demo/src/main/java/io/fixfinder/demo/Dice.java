package io.fixfinder.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded random per document. Each document seeds its own from a stable key (not from one shared
 * sequence), so adding a thread to one fault does not reshuffle every page after it.
 */
final class Dice {
  private static final long SALT = 0x46495846_49584552L; // "FIXFIXER": the corpus edition

  private final Random random;

  Dice(String key) {
    long h = 1125899906842597L;
    for (int i = 0; i < key.length(); i++) h = 31 * h + key.charAt(i);
    this.random = new Random(h ^ SALT);
  }

  <T> T pick(List<T> options) {
    if (options.isEmpty()) throw new IllegalArgumentException("nothing to pick from");
    return options.get(random.nextInt(options.size()));
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** A uniform int in [lo, hi], both inclusive. */
  int between(int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }

  /** Numbers like views and likes: spread over orders of magnitude, as they are online. */
  long logUniform(long lo, long hi) {
    double l = Math.log(lo), h = Math.log(hi);
    return Math.round(Math.exp(l + random.nextDouble() * (h - l)));
  }

  <T> List<T> shuffled(List<T> items) {
    List<T> copy = new ArrayList<>(items);
    for (int i = copy.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T t = copy.get(i);
      copy.set(i, copy.get(j));
      copy.set(j, t);
    }
    return copy;
  }

  /** Up to {@code n} distinct items in random order. */
  <T> List<T> sample(List<T> items, int n) {
    List<T> s = shuffled(items);
    return s.subList(0, Math.min(n, s.size()));
  }

  String id(int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) sb.append(alphabet.charAt(random.nextInt(64)));
    return sb.toString();
  }
}
