/**
 * Outgoing mail: one plain-text message at a time through a {@link io.fixfinder.api.mail.Mailer}.
 * {@link io.fixfinder.api.mail.Mailers#create} picks {@link io.fixfinder.api.mail.SmtpMailer}
 * (Jakarta Mail, Eclipse Angus) when {@code mail.smtp.host} is set, else {@link
 * io.fixfinder.api.mail.OutboxMailer}, which writes each message as an {@code .eml} file an
 * operator (or a test) can open. Messages carry capability links and personal addresses, so nothing
 * here logs a recipient, a subject or a body; a failure is a {@link
 * io.fixfinder.api.mail.Delivery.Failed} whose reason names only the server and the kind of
 * failure.
 */
package io.fixfinder.api.mail;
