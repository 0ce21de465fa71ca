package io.fixfinder.api.feedback;

import io.fixfinder.core.feedback.FeedbackItem;
import io.fixfinder.core.feedback.ItemExists;
import io.fixfinder.indexer.search.RecordReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Documents exist when the engine serves a record with their id (the embedded index, or the
 * cluster's when serving from OpenSearch); issue clusters ask {@code issues}.
 */
public final class IndexedItems implements ItemExists {
  private final RecordReader records;
  private final ItemExists issues;

  public IndexedItems(RecordReader records, ItemExists issues) {
    this.records = records;
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
      return records.exists(id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
