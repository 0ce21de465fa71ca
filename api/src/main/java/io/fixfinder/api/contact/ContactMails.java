package io.fixfinder.api.contact;

import io.fixfinder.api.mail.Delivery;
import io.fixfinder.api.mail.MailMessage;
import io.fixfinder.api.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mails of the contact flows. They carry links, never what was written: a message stays on the
 * site, where it is deleted with the request. A failed delivery is logged by kind only (never the
 * address, the link or a token).
 */
final class ContactMails {
  private static final Logger LOG = LoggerFactory.getLogger(ContactMails.class);

  private final Mailer mailer;
  private final String linkBase;

  ContactMails(Mailer mailer, String linkBase) {
    this.mailer = mailer;
    String base = linkBase == null ? "" : linkBase.replaceAll("/+$", "");
    this.linkBase = base.isEmpty() ? "http://localhost" : base;
  }

  /** The customer's private link to their request. */
  String link(String capability) {
    return linkBase + "/contact/" + capability;
  }

  /** Tells the helper of a new request: a link to it in their inbox. */
  void newRequest(String to, String requestId) {
    send(
        "new-request",
        to,
        "Someone asks for your help on FixFinder",
        "Hello,\n\nsomeone needs help with a fault and wrote to you. Read the request and accept or"
            + " decline it here (sign in first):\n\n"
            + linkBase
            + "/account/requests/"
            + requestId
            + "\n\nTheir email address stays private; you talk through the site.\n");
  }

  /** Tells the helper that the person they help wrote or shared a channel: a link to the thread. */
  void customerWrote(String to, String requestId, String what) {
    send(
        "customer-wrote",
        to,
        "News on a FixFinder request you accepted",
        "Hello,\n\nthe person you are helping "
            + what
            + ". Read it here (sign in first):\n\n"
            + linkBase
            + "/account/requests/"
            + requestId
            + "\n");
  }

  /** Sends the customer the private link to their new request. */
  void requestSent(String to, String capability, String helperName) {
    send(
        "request-sent",
        to,
        "Your FixFinder request",
        "Hello,\n\nyour request to "
            + (helperName.isBlank() ? "a helper" : helperName)
            + " is on its way. Follow it, read replies and write back through this private link;"
            + " keep it to yourself, whoever has it can read the request:\n\n"
            + link(capability)
            + "\n\nThe request and its messages are deleted some days after the last message.\n");
  }

  /** Tells the customer that the helper answered or wrote (the link was mailed at creation). */
  void reply(String to, String what) {
    send(
        "reply",
        to,
        "News about your FixFinder request",
        "Hello,\n\nthe helper "
            + what
            + ". Open the private link from our first mail about this request to read it and"
            + " answer.\n");
  }

  private void send(String kind, String to, String subject, String body) {
    Delivery delivery;
    try {
      delivery = mailer.send(new MailMessage(to, subject, body));
    } catch (IllegalArgumentException e) {
      LOG.warn("{} mail not sent: the address was refused by the mail library", kind);
      return;
    }
    if (delivery instanceof Delivery.Failed failed) {
      LOG.warn("{} mail not delivered: {}", kind, failed.reason());
    }
  }
}
