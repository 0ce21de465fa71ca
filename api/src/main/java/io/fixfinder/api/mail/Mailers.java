package io.fixfinder.api.mail;

import io.fixfinder.core.config.FixFinderConfig;
import java.nio.file.Path;
import java.util.Map;

/** Chooses the mailer the configuration asks for. */
public final class Mailers {
  private Mailers() {}

  /**
   * SMTP when {@code mail.smtp.host} is set, else the outbox folder under {@code dataDir}.
   *
   * @param env the process environment (for {@value SmtpMailer#PASSWORD_ENV})
   */
  public static Mailer create(FixFinderConfig.Mail mail, Path dataDir, Map<String, String> env) {
    return mail.usesSmtp()
        ? new SmtpMailer(mail, env)
        : new OutboxMailer(mail.outboxUnder(dataDir), mail.from());
  }
}
