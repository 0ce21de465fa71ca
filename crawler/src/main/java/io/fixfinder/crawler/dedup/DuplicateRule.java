package io.fixfinder.crawler.dedup;

import io.fixfinder.core.model.SourceDoc;
import java.util.Optional;

/** Decides, record by record in crawl order, whether a record is one already stored. */
public interface DuplicateRule {
  /**
   * The id of an earlier record that is the same document at another URL, or empty when this record
   * is new; a new record is remembered.
   */
  Optional<String> check(SourceDoc doc);
}
