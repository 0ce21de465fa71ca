package io.fixfinder.api.mail;

/** What became of one message: handed over, or not (a mail server can be down). */
public sealed interface Delivery {
  /**
   * Accepted by the SMTP server or written to the outbox.
   *
   * @param where the server ({@code smtp://host:port}) or the outbox file's name
   */
  record Sent(String where) implements Delivery {}

  /**
   * Not delivered.
   *
   * @param reason for the log: the server and the kind of failure, never an address, a subject or a
   *     body
   */
  record Failed(String reason) implements Delivery {}
}
