package io.fixfinder.api.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * One plain-text message to one address. Callers pass checked input; what could break the message
 * apart (a line break in the subject, an address list instead of one address) is refused here with
 * an {@link IllegalArgumentException} whose message never carries the values.
 *
 * @param to one address, e.g. {@code name@example.org}
 * @param subject one line
 * @param body plain text (UTF-8; links written out in full)
 */
public record MailMessage(String to, String subject, String body) {
  static final int MAX_SUBJECT = 200;
  static final int MAX_BODY = 100_000;

  public MailMessage {
    if (to == null || subject == null || body == null) {
      throw new IllegalArgumentException("a mail needs a recipient, a subject and a body");
    }
    to = to.strip();
    try {
      InternetAddress[] parsed = InternetAddress.parse(to, true);
      if (parsed.length != 1 || !parsed[0].getAddress().equals(to)) {
        throw new IllegalArgumentException("a mail goes to exactly one plain address");
      }
    } catch (AddressException e) {
      throw new IllegalArgumentException("the recipient is not a valid address");
    }
    if (subject.isBlank() || subject.length() > MAX_SUBJECT) {
      throw new IllegalArgumentException("the subject must be 1-" + MAX_SUBJECT + " characters");
    }
    if (subject.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
      throw new IllegalArgumentException("the subject must be one line without control characters");
    }
    if (body.length() > MAX_BODY) {
      throw new IllegalArgumentException("the body must be at most " + MAX_BODY + " characters");
    }
  }

  @Override
  public String toString() {
    return "MailMessage[***]"; // recipient and body are personal, the body may hold a capability
  }
}
