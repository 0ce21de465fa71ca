package io.fixfinder.store.contact;

import java.time.Instant;

/**
 * A channel {@code side} chose to show the other party, opened for display.
 *
 * @param value as the revealing party gave it (opened from its sealed form)
 */
public record Reveal(Side side, ChannelKind kind, String value, Instant revealedAt) {
  @Override
  public String toString() {
    return "Reveal[" + side + " " + kind + " at " + revealedAt + "]"; // no contact detail in logs
  }
}
