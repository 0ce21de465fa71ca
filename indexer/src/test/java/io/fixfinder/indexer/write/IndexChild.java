package io.fixfinder.indexer.write;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import java.nio.file.Path;

/** Indexes forever in its own process, committing every 100 documents and saying so. */
public final class IndexChild {
  private IndexChild() {}

  public static void main(String[] args) throws Exception {
    try (IndexStore store = IndexStore.open(Path.of(args[0]), 16)) {
      for (int i = 0; ; i++) {
        String url = "http://f/t/" + i;
        store.put(
            new SourceDoc(
                SourceDoc.idFor(url),
                url,
                SourceKind.FORUM,
                "f",
                "thread " + i,
                "Aqualine WM-8420X shows E18 and will not drain, attempt " + i,
                null,
                null,
                null,
                false,
                null,
                null));
        if ((i + 1) % 100 == 0) {
          store.commit();
          System.out.println("committed " + (i + 1));
          System.out.flush();
        }
      }
    }
  }
}
