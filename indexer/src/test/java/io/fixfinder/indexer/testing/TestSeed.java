package io.fixfinder.indexer.testing;

/**
 * The seed of a random-input test: {@code -Dtests.seed=N} replays a run, otherwise a fresh seed. It
 * is printed when drawn, and a failure names it with the flag that replays it.
 */
public final class TestSeed {
  public static final String PROPERTY = "tests.seed";

  private TestSeed() {}

  /** A check run with one seed. */
  @FunctionalInterface
  public interface Seeded {
    void run(long seed) throws Exception;
  }

  /** The seed set by {@value #PROPERTY}, else a fresh one; printed either way. */
  public static long draw(String test) {
    String set = System.getProperty(PROPERTY, "").strip();
    long seed;
    try {
      seed = set.isEmpty() ? System.nanoTime() : Long.parseLong(set);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(PROPERTY + " must be a long, got '" + set + "'", e);
    }
    System.out.println(test + " seed " + seed + " (replay: -D" + PROPERTY + "=" + seed + ")");
    return seed;
  }

  /** Runs {@code check} with a drawn seed; a failure is rethrown naming the seed to replay. */
  public static void run(String test, Seeded check) throws Exception {
    long seed = draw(test);
    try {
      check.run(seed);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(
          test + " failed with seed " + seed + "; replay with -D" + PROPERTY + "=" + seed, e);
    }
  }
}
