package io.fixfinder.api.mail;

import io.fixfinder.core.config.ConfigException;
import io.fixfinder.core.config.FixFinderConfig;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through an SMTP server with Jakarta Mail (Eclipse Angus). {@code starttls} requires the
 * upgrade (a server that does not offer it gets no message rather than a plain-text one), {@code
 * tls} speaks TLS from the first byte; both check the server's certificate and host name. The
 * password comes from {@value #PASSWORD_ENV} only and appears in no message or log line.
 */
public final class SmtpMailer implements Mailer {
  /** The environment variable holding the SMTP password. */
  public static final String PASSWORD_ENV = "FIXFINDER_SMTP_PASSWORD";

  private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);

  private final FixFinderConfig.Smtp smtp;
  private final String protocol;
  private final Session session;
  private final InternetAddress from;
  private final String password;
  private final String where;

  /**
   * @param env where {@value #PASSWORD_ENV} is read (the process environment in production)
   * @throws ConfigException when a username is set without a password, or the sender is invalid
   */
  public SmtpMailer(FixFinderConfig.Mail mail, Map<String, String> env) {
    this(mail, env, new Properties());
  }

  /**
   * As above, with extra Jakarta Mail properties on top: for tests that must trust an in-process
   * server's self-signed certificate. Production code has no reason to call it.
   */
  SmtpMailer(FixFinderConfig.Mail mail, Map<String, String> env, Properties overrides) {
    this.smtp = mail.smtp();
    if (smtp.host().isEmpty()) throw new ConfigException("mail.smtp.host is empty");
    try {
      this.from = MimeMessages.sender(mail.from());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    String pw = env.getOrDefault(PASSWORD_ENV, "");
    if (!smtp.username().isEmpty() && pw.isEmpty()) {
      throw new ConfigException(
          "mail.smtp.username is set but " + PASSWORD_ENV + " is empty: set the password there");
    }
    this.password = pw;
    this.protocol = smtp.security() == FixFinderConfig.SmtpSecurity.TLS ? "smtps" : "smtp";
    this.where = protocol + "://" + smtp.host() + ":" + smtp.port();
    Properties p = new Properties();
    String pre = "mail." + protocol + ".";
    String timeout = Long.toString(smtp.timeoutSeconds() * 1000L);
    p.setProperty("mail.transport.protocol", protocol);
    p.setProperty(pre + "host", smtp.host());
    p.setProperty(pre + "port", Integer.toString(smtp.port()));
    p.setProperty(pre + "connectiontimeout", timeout);
    p.setProperty(pre + "timeout", timeout);
    p.setProperty(pre + "writetimeout", timeout);
    p.setProperty(pre + "auth", Boolean.toString(!smtp.username().isEmpty()));
    p.setProperty(pre + "from", from.getAddress());
    switch (smtp.security()) {
      case STARTTLS -> {
        p.setProperty(pre + "starttls.enable", "true");
        p.setProperty(pre + "starttls.required", "true");
        p.setProperty(pre + "ssl.checkserveridentity", "true");
      }
      case TLS -> {
        p.setProperty(pre + "ssl.enable", "true");
        p.setProperty(pre + "ssl.checkserveridentity", "true");
      }
      case NONE -> {}
    }
    p.putAll(overrides);
    this.session = Session.getInstance(p);
    LOG.info("mail: sending through {} ({})", where, smtp.security().id());
  }

  @Override
  public Delivery send(MailMessage message) {
    try {
      MimeMessage mime = MimeMessages.build(session, from, message);
      try (Transport transport = session.getTransport(protocol)) {
        transport.connect(
            smtp.host(),
            smtp.port(),
            smtp.username().isEmpty() ? null : smtp.username(),
            smtp.username().isEmpty() ? null : password);
        transport.sendMessage(mime, mime.getAllRecipients());
      }
      return new Delivery.Sent(where);
    } catch (MessagingException | RuntimeException e) {
      Delivery.Failed failed = new Delivery.Failed("mail via " + where + " failed: " + kind(e));
      LOG.warn("{}", failed.reason());
      return failed;
    }
  }

  /**
   * What went wrong, without the exception's message: a server's reply can quote the recipient, and
   * a driver's could quote anything.
   */
  private static String kind(Exception e) {
    if (e instanceof AuthenticationFailedException) return "authentication refused";
    if (e instanceof SendFailedException) return "the server refused the sender or recipient";
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.contains("STARTTLS")) return "the server does not offer the required STARTTLS";
    return t == e
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + " (" + t.getClass().getSimpleName() + ")";
  }
}
