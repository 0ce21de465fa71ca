package io.fixfinder.crawler.frontier;

import java.nio.charset.StandardCharsets;

/**
 * Which worker owns a host: rendezvous (highest-random-weight) hashing over the workers' indexes.
 * Every URL of a host goes to one worker, which alone paces requests to it; adding a worker moves
 * only the hosts the new worker now wins (about 1 in N+1), none between the old ones.
 */
public final class HostShards {
  private final int workers;

  public HostShards(int workers) {
    if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, got " + workers);
    this.workers = workers;
  }

  public int workers() {
    return workers;
  }

  /** The worker (0 to workers - 1) that owns {@code host} (compared case-insensitively). */
  public int workerOf(String host) {
    long h = hash(host);
    int best = 0;
    long bestWeight = Long.MIN_VALUE;
    for (int w = 0; w < workers; w++) {
      long weight = mix(h ^ (0x9E3779B97F4A7C15L * (w + 1)));
      if (weight > bestWeight) {
        bestWeight = weight;
        best = w;
      }
    }
    return best;
  }

  /** FNV-1a over the lower-cased host's bytes, then mixed: stable across JVMs and runs. */
  static long hash(String host) {
    long h = 0xcbf29ce484222325L;
    for (byte b : host.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** The SplitMix64 finaliser: spreads every input bit over the whole word. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
