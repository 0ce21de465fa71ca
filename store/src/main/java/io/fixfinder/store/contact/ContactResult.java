package io.fixfinder.store.contact;

/**
 * The outcome of a contact operation where refusal is expected: done, not found (or not the
 * party's: the two look the same, so nobody can probe for other people's requests), not allowed in
 * the request's current state, or invalid input.
 */
public sealed interface ContactResult<T> {
  record Done<T>(T value) implements ContactResult<T> {}

  /** No such request for this party: unknown, expired, or someone else's. */
  record NotFound<T>() implements ContactResult<T> {}

  /**
   * The request exists but is not in a state that allows this (say, a reveal before acceptance).
   *
   * @param status the state it is in
   * @param detail one sentence for the user, without personal data
   */
  record Conflict<T>(RequestStatus status, String detail) implements ContactResult<T> {}

  /**
   * Bad input.
   *
   * @param field the input that is wrong (e.g. {@code email}, {@code text})
   * @param detail one sentence for the user; never echoes the value
   */
  record Invalid<T>(String field, String detail) implements ContactResult<T> {}

  /** The value when done; for tests and callers that have already checked. */
  default T orThrow() {
    return switch (this) {
      case Done<T> d -> d.value();
      case NotFound<T> n -> throw new IllegalStateException("not found");
      case Conflict<T> c -> throw new IllegalStateException("conflict: " + c.detail());
      case Invalid<T> i ->
          throw new IllegalStateException("invalid " + i.field() + ": " + i.detail());
    };
  }
}
