package io.fixfinder.api.mail;

/** Sends one plain-text message. Implementations are thread-safe. */
public interface Mailer {
  /** Hands {@code message} over; a failure is a {@link Delivery.Failed}, never an exception. */
  Delivery send(MailMessage message);
}
