package io.fixfinder.api.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;

/** Builds the one MIME shape FixFinder sends: plain text, UTF-8, marked as automatic. */
final class MimeMessages {
  private MimeMessages() {}

  /**
   * The configured sender as an address.
   *
   * @throws IllegalArgumentException naming {@code mail.from} when it does not parse
   */
  static InternetAddress sender(String from) {
    try {
      InternetAddress[] parsed = InternetAddress.parse(from, true);
      if (parsed.length != 1) throw new AddressException("not one address");
      return parsed[0];
    } catch (AddressException e) {
      throw new IllegalArgumentException("mail.from is not one valid address: '" + from + "'");
    }
  }

  static MimeMessage build(Session session, InternetAddress from, MailMessage m)
      throws MessagingException {
    MimeMessage msg = new MimeMessage(session);
    msg.setFrom(from);
    msg.setRecipient(Message.RecipientType.TO, new InternetAddress(m.to(), true));
    msg.setSubject(m.subject(), "UTF-8");
    msg.setSentDate(new Date());
    msg.setText(m.body(), "UTF-8");
    // RFC 3834: an automatic message, so that auto-responders do not answer it
    msg.setHeader("Auto-Submitted", "auto-generated");
    msg.saveChanges();
    return msg;
  }
}
