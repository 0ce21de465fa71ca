package io.fixfinder.indexer.write;

import java.nio.file.Path;

/**
 * Serves the index under {@code args[0]} read-only, as {@code fixfinder serve} does, and says which
 * generation it serves and how many records it holds whenever that changes: {@code serving NAME N}.
 * Runs until killed.
 */
public final class ServeChild {
  private ServeChild() {}

  public static void main(String[] args) throws Exception {
    try (IndexStore store = IndexStore.openReadOnly(Path.of(args[0]))) {
      String shown = "";
      while (true) {
        store.refresh();
        String now = "serving " + store.path().getFileName() + " " + store.count();
        if (!now.equals(shown)) {
          System.out.println(now);
          System.out.flush();
          shown = now;
        }
        Thread.sleep(50);
      }
    }
  }
}
