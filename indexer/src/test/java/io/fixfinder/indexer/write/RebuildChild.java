package io.fixfinder.indexer.write;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.AbstractCollection;
import java.util.Iterator;

/** Rebuilds the index under {@code args[0]} from an endless stream of records, saying how far. */
public final class RebuildChild {
  private RebuildChild() {}

  public static void main(String[] args) throws Exception {
    AbstractCollection<SourceDoc> endless =
        new AbstractCollection<>() {
          @Override
          public Iterator<SourceDoc> iterator() {
            return new Iterator<>() {
              private int i;

              @Override
              public boolean hasNext() {
                return true;
              }

              @Override
              public SourceDoc next() {
                if (++i % 1_000 == 0) {
                  System.out.println("at " + i);
                  System.out.flush();
                }
                return doc("http://rebuild/" + i, "new generation record " + i);
              }
            };
          }

          @Override
          public int size() {
            return Integer.MAX_VALUE;
          }
        };
    Indexer.rebuild(
        Path.of(args[0]), 16, endless, new PrintStream(OutputStream.nullOutputStream()));
  }

  static SourceDoc doc(String url, String text) {
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        SourceKind.FORUM,
        "f",
        text,
        text + ": Aqualine WM-8420X shows E18 and will not drain",
        null,
        null,
        null,
        false,
        null,
        null);
  }
}
