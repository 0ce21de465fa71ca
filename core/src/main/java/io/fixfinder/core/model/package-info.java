/**
 * The domain records every module shares: {@link io.fixfinder.core.model.SourceDoc} (one crawled or
 * imported record keyed by product and fault) and the kind-specific {@link
 * io.fixfinder.core.model.Details}. They are values: immutable, validated in their constructors,
 * and serialised as JSON lines between the crawler and the indexer.
 */
package io.fixfinder.core.model;
