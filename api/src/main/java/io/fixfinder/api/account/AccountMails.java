package io.fixfinder.api.account;

import io.fixfinder.api.mail.Delivery;
import io.fixfinder.api.mail.MailMessage;
import io.fixfinder.api.mail.Mailer;
import io.fixfinder.api.people.People;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mails of the account flows. Links start at {@code mail.linkBase} ({@link People#linkBase()},
 * which is the server's own address when none is configured). A failed delivery is logged by kind
 * only: never the address, the link or its token.
 */
final class AccountMails {
  private static final Logger LOG = LoggerFactory.getLogger(AccountMails.class);

  private final Mailer mailer;
  private final String linkBase;

  AccountMails(Mailer mailer, String linkBase) {
    this.mailer = mailer;
    this.linkBase = linkBase == null ? "" : linkBase.replaceAll("/+$", "");
  }

  void verification(Context ctx, String to, String token) {
    send(
        "verification",
        to,
        "Confirm your FixFinder helper account",
        "Hello,\n\nsomeone (we hope you) registered this address as a FixFinder helper.\n"
            + "Open this link to confirm it; it works once, for 48 hours:\n\n"
            + base(ctx)
            + "/account/verify?token="
            + token
            + "\n\nIf it was not you, ignore this mail: nothing happens without the link.\n");
  }

  void alreadyRegistered(Context ctx, String to) {
    send(
        "already-registered",
        to,
        "You already have a FixFinder helper account",
        "Hello,\n\nsomeone (we hope you) tried to register this address as a FixFinder helper,"
            + " but it already has an account.\n\nSign in: "
            + base(ctx)
            + "/account/login\nForgot your password? "
            + base(ctx)
            + "/account/forgot\n\nIf it was not you, ignore this mail: nothing has changed.\n");
  }

  void reset(Context ctx, String to, String token) {
    send(
        "reset",
        to,
        "Reset your FixFinder password",
        "Hello,\n\nopen this link to choose a new password; it works once, for one hour:\n\n"
            + base(ctx)
            + "/account/reset?token="
            + token
            + "\n\nIf you did not ask for it, ignore this mail: your password stays as it is.\n");
  }

  /**
   * Never the request's Host header: a reset requested with a forged Host would mail the victim a
   * link to the forger's site, token included.
   */
  private String base(Context ctx) {
    return linkBase.isEmpty() ? "http://localhost" : linkBase;
  }

  private void send(String kind, String to, String subject, String body) {
    Delivery delivery;
    try {
      delivery = mailer.send(new MailMessage(to, subject, body));
    } catch (IllegalArgumentException e) {
      // The address passed the account's check but not the mail library's: nothing to send to.
      LOG.warn("{} mail not sent: the address was refused by the mail library", kind);
      return;
    }
    if (delivery instanceof Delivery.Failed failed) {
      LOG.warn("{} mail not delivered: {}", kind, failed.reason());
    }
  }
}
