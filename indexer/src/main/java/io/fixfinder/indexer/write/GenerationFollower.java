package io.fixfinder.indexer.write;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What a serving process keeps beside each index generation (the issue clusters): loaded before
 * searches move to a new generation and made visible right after they did, so the two swap
 * together.
 */
@FunctionalInterface
public interface GenerationFollower {
  /** Nothing kept beside the index. */
  GenerationFollower NONE = generation -> () -> {};

  /**
   * Loads what belongs to {@code generation} (its folder) and returns the action that makes it
   * visible. Throwing keeps the process on the generation it serves.
   */
  Runnable prepare(Path generation) throws IOException;
}
