package io.fixfinder.indexer.search;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.eval.search.BeirSet;
import io.fixfinder.indexer.write.Indexer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The repair-mini evaluation corpus (99 short repair records written for this project) as an
 * on-disk index: large enough for fusion statistics and several pages, small enough to embed in
 * seconds.
 */
final class RepairMini {
  private RepairMini() {}

  static List<SourceDoc> docs() throws Exception {
    Path set = Path.of(RepairMini.class.getResource("/eval/repair-mini").toURI());
    List<SourceDoc> docs = new ArrayList<>();
    for (BeirSet.Doc d : BeirSet.read(set).corpus()) {
      docs.add(
          SearcherTest.doc(
              "http://mini/" + d.id(),
              SourceKind.FORUM,
              d.title(),
              d.text(),
              new io.fixfinder.core.model.Details.None()));
    }
    return docs;
  }

  static void index(Path dir, Optional<Embedder> model) throws Exception {
    Indexer.rebuild(dir, 16, model, docs(), new PrintStream(OutputStream.nullOutputStream()));
  }
}
