package io.fixfinder.indexer.search;

import io.fixfinder.core.model.SourceDoc;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * Records by id, whatever engine holds them: the embedded index ({@link RecordLookup}) or a
 * cluster's {@code _mget}. Issue and product pages read their records through it.
 */
public interface RecordReader {
  /** The records with these ids; an id with no record is absent from the map. */
  Map<String, SourceDoc> byIds(Collection<String> ids) throws IOException;

  /** Whether a record with this id is served. */
  boolean exists(String id) throws IOException;

  /**
   * Records about the product whose {@link io.fixfinder.core.model.ProductRef#productId()} is
   * {@code productId}, at most {@link RecordLookup#MAX_PRODUCT_RECORDS}.
   */
  java.util.List<SourceDoc> byProduct(String productId) throws IOException;
}
