package io.fixfinder.store.changes;

import java.util.Objects;

/**
 * One entry of the change feed.
 *
 * @param seq its number: every change has the next one, committed in order, without gaps
 * @param subject what changed within the topic (an item key, a generation, an index name)
 */
public record Change(long seq, Topic topic, String subject) {
  public Change {
    if (seq < 1) throw new IllegalArgumentException("seq must be >= 1, got " + seq);
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(subject, "subject");
  }
}
