package io.fixfinder.indexer.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Requests of one search to another engine that do not wait for each other, sent at once: each call
 * is network-bound, so a virtual thread per call costs nothing while the caller goes on.
 */
public final class EngineCalls {
  private EngineCalls() {}

  /** A call to the engine that may fail with an I/O error. */
  @FunctionalInterface
  public interface Call<T> {
    T run() throws IOException;
  }

  private static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

  /** Starts {@code call} now; {@link #join} waits for its answer. */
  public static <T> CompletableFuture<T> start(Call<T> call) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return call.run();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        THREADS);
  }

  /** The answer of a started call, its I/O error rethrown as it was thrown. */
  public static <T> T join(CompletableFuture<T> started) throws IOException {
    try {
      return started.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IOException(e.getCause());
    }
  }
}
