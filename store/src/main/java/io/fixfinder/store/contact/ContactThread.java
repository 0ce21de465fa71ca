package io.fixfinder.store.contact;

import java.util.List;

/**
 * Everything one party may see of a request: its state, the messages in order and the channels
 * revealed so far (none before acceptance).
 *
 * @param viewer the side that asked
 */
public record ContactThread(
    ContactRequest request, Side viewer, List<Message> messages, List<Reveal> reveals) {
  public ContactThread {
    messages = List.copyOf(messages);
    reveals = List.copyOf(reveals);
  }
}
