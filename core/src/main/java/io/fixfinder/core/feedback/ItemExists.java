package io.fixfinder.core.feedback;

/**
 * Whether an item one votes on exists. The API checks documents against the index; issue clusters
 * plug in their own resolver when they exist (until then every well-formed issue id is accepted).
 */
@FunctionalInterface
public interface ItemExists {
  boolean exists(FeedbackItem item);

  /** Accepts every well-formed item: the resolver for kinds that cannot be checked yet. */
  static ItemExists anyWellFormed() {
    return item -> true;
  }
}
