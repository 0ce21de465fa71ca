package io.fixfinder.api.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.fixfinder.core.config.ConfigException;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.config.FixFinderConfig.SmtpSecurity;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against real SMTP servers in-process (GreenMail): plain with authentication, and SMTPS. */
class SmtpMailerTest {
  static final String PASSWORD = "pw-never-logged-7Qx";

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(new ServerSetup[] {smtp(), smtps()});

  private static ServerSetup smtp() {
    return patient(ServerSetupTest.SMTP.dynamicPort());
  }

  private static ServerSetup smtps() {
    return patient(ServerSetupTest.SMTPS.dynamicPort());
  }

  /** A shared two-core machine can take longer than GreenMail's default 2 s to start TLS. */
  private static ServerSetup patient(ServerSetup setup) {
    setup.setServerStartupTimeout(20_000);
    return setup;
  }

  @BeforeEach
  void users() {
    SMTP.setUser("ff@example.org", "ff", PASSWORD);
  }

  static FixFinderConfig.Mail mail(int port, String user, SmtpSecurity security) {
    return new FixFinderConfig.Mail(
        "FixFinder <no-reply@fixfinder.example>",
        "outbox",
        new FixFinderConfig.Smtp("127.0.0.1", port, user, security, 5));
  }

  @Test
  void aMessageArrivesWithItsTextIntactAndThePasswordIsNeverLogged() throws Exception {
    String body =
        "Anna replied to your request:\n\n<script>alert(1)</script> ' OR 1=1 --\n"
            + "Ünïcödé 🔧\n\nhttps://fix.example/r/0123abcd.SECRETcapability";
    Captured log =
        capture(
            () -> {
              SmtpMailer mailer =
                  new SmtpMailer(
                      mail(SMTP.getSmtp().getPort(), "ff", SmtpSecurity.NONE),
                      Map.of(SmtpMailer.PASSWORD_ENV, PASSWORD));
              Delivery d =
                  mailer.send(new MailMessage("alice@example.org", "Reply — E18 pump", body));
              assertThat(d)
                  .isEqualTo(new Delivery.Sent("smtp://127.0.0.1:" + SMTP.getSmtp().getPort()));
            });
    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage m = received[0];
    assertThat(m.getSubject()).isEqualTo("Reply — E18 pump");
    assertThat(m.getAllRecipients()[0].toString()).isEqualTo("alice@example.org");
    assertThat(m.getFrom()[0].toString()).isEqualTo("FixFinder <no-reply@fixfinder.example>");
    assertThat(m.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
    assertThat(((String) m.getContent()).replace("\r\n", "\n")).isEqualTo(body);
    assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    // GreenMail's own log names the address it auto-creates a mailbox for: only our lines count
    assertThat(log.ours())
        .contains("mail: sending through smtp://127.0.0.1:")
        .doesNotContain(PASSWORD)
        .doesNotContain("alice@example.org")
        .doesNotContain("SECRETcapability");
  }

  @Test
  void tlsFromTheFirstByteChecksTheCertificate() throws Exception {
    FixFinderConfig.Mail tls = mail(SMTP.getSmtps().getPort(), "ff", SmtpSecurity.TLS);
    Map<String, String> env = Map.of(SmtpMailer.PASSWORD_ENV, PASSWORD);
    // GreenMail's certificate is self-signed: refused, as it must be
    Delivery refused = new SmtpMailer(tls, env).send(new MailMessage("a@example.org", "s", "b"));
    assertThat(refused).isInstanceOf(Delivery.Failed.class);
    assertThat(SMTP.getReceivedMessages()).isEmpty();
    // trusted for this test only: then it goes through over TLS
    Properties trust = new Properties();
    trust.setProperty("mail.smtps.ssl.trust", "127.0.0.1");
    trust.setProperty("mail.smtps.ssl.checkserveridentity", "false");
    Delivery sent =
        new SmtpMailer(tls, env, trust).send(new MailMessage("a@example.org", "over tls", "b"));
    assertThat(sent).isInstanceOf(Delivery.Sent.class);
    assertThat(SMTP.getReceivedMessages())
        .extracting(MimeMessage::getSubject)
        .containsExactly("over tls");
  }

  @Test
  void starttlsIsRequiredNotHopedFor() {
    // The plain GreenMail server cannot upgrade with a trusted certificate: no message goes out in
    // plain text instead.
    Delivery d =
        new SmtpMailer(
                mail(SMTP.getSmtp().getPort(), "ff", SmtpSecurity.STARTTLS),
                Map.of(SmtpMailer.PASSWORD_ENV, PASSWORD))
            .send(new MailMessage("a@example.org", "s", "secret body"));
    assertThat(d).isInstanceOf(Delivery.Failed.class);
    assertThat(SMTP.getReceivedMessages()).isEmpty();
    assertThat(((Delivery.Failed) d).reason())
        .doesNotContain("secret body")
        .doesNotContain(PASSWORD);
  }

  @Test
  void aWrongPasswordOrADeadServerIsAFailureThatNamesNoSecret() throws Exception {
    Delivery wrong =
        new SmtpMailer(
                mail(SMTP.getSmtp().getPort(), "ff", SmtpSecurity.NONE),
                Map.of(SmtpMailer.PASSWORD_ENV, "wrong-" + PASSWORD))
            .send(new MailMessage("bob@example.org", "s", "b"));
    assertThat(wrong).isInstanceOf(Delivery.Failed.class);
    assertThat(((Delivery.Failed) wrong).reason())
        .contains("authentication refused")
        .doesNotContain(PASSWORD)
        .doesNotContain("bob@example.org");
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    long start = System.nanoTime();
    Delivery dead =
        new SmtpMailer(mail(closed, "", SmtpSecurity.NONE), Map.of())
            .send(new MailMessage("bob@example.org", "s", "b"));
    assertThat(((Delivery.Failed) dead).reason())
        .startsWith("mail via smtp://127.0.0.1:" + closed + " failed:")
        .doesNotContain("bob@example.org");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void aUsernameWithoutAPasswordIsAConfigError() {
    assertThatThrownBy(() -> new SmtpMailer(mail(25, "ff", SmtpSecurity.STARTTLS), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "mail.smtp.username is set but FIXFINDER_SMTP_PASSWORD is empty: set the password there");
  }

  @Test
  void headerInjectionIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> new MailMessage("a@example.org", "hi\r\nBcc: x@evil.example", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("evil");
    assertThatThrownBy(() -> new MailMessage("a@example.org, b@example.org", "hi", "b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MailMessage("Eve <a@example.org>", "hi", "b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MailMessage("not an address", "hi", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the recipient is not a valid address");
    assertThat(new MailMessage("a@example.org", "s", "b").toString()).doesNotContain("a@example");
  }

  record Captured(String text) {
    /** The lines FixFinder's own classes logged. */
    String ours() {
      return text.lines()
          .filter(l -> l.contains(" io.fixfinder."))
          .collect(java.util.stream.Collectors.joining("\n"));
    }
  }

  static Captured capture(Runnable r) {
    PrintStream err = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(err);
    }
    return new Captured(out.toString(StandardCharsets.UTF_8));
  }
}
