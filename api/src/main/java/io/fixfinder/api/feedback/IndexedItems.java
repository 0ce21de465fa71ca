package io.fixfinder.api.feedback;

import io.fixfinder.core.feedback.FeedbackItem;
import io.fixfinder.core.feedback.ItemExists;
import io.fixfinder.indexer.schema.Fields;
import io.fixfinder.indexer.write.IndexStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/** Documents exist when the live index holds their id; issue clusters ask {@code issues}. */
public final class IndexedItems implements ItemExists {
  private final IndexStore index;
  private final ItemExists issues;

  public IndexedItems(IndexStore index, ItemExists issues) {
    this.index = index;
    this.issues = issues;
  }

  @Override
  public boolean exists(FeedbackItem item) {
    return switch (item.kind()) {
      case DOC -> indexed(item.id());
      case ISSUE -> issues.exists(item);
    };
  }

  private boolean indexed(String id) {
    try {
      IndexSearcher searcher = index.searchers().acquire();
      try {
        return searcher.count(new TermQuery(new Term(Fields.ID, id))) > 0;
      } finally {
        index.searchers().release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
