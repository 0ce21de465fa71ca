package io.fixfinder.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.ConfigLoader;
import io.fixfinder.core.config.FixFinderConfig;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxMailerTest {
  @TempDir Path dir;

  @Test
  void eachMessageIsAPrivateEmlFileAndOnlyTheFolderIsLogged() throws Exception {
    Path folder = dir.resolve("data/outbox");
    String secretLink = "https://fix.example/r/feedc0de.CAPABILITYsecret";
    SmtpMailerTest.Captured log =
        SmtpMailerTest.capture(
            () -> {
              OutboxMailer outbox =
                  new OutboxMailer(folder, "FixFinder <no-reply@fixfinder.example>");
              for (int i = 0; i < 3; i++) {
                Delivery d =
                    outbox.send(
                        new MailMessage(
                            "carol" + i + "@example.org",
                            "Your request #" + i,
                            "Follow it here: " + secretLink + i + "\n<b>verbatim</b> ü"));
                assertThat(d).isInstanceOf(Delivery.Sent.class);
              }
            });
    assertThat(log.text().split("\n")).filteredOn(l -> l.contains(folder.toString())).hasSize(1);
    assertThat(log.text())
        .contains("io.fixfinder.api.mail.OutboxMailer")
        .doesNotContain("CAPABILITYsecret")
        .doesNotContain("carol");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
        .isEqualTo("rwx------");
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.sorted().toList();
    }
    assertThat(files).hasSize(3).allMatch(p -> p.getFileName().toString().endsWith(".eml"));
    Session session = Session.getInstance(new Properties());
    for (Path f : files) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
          .isEqualTo("rw-------");
      MimeMessage m;
      try (InputStream in = Files.newInputStream(f)) {
        m = new MimeMessage(session, in);
      }
      String subject = m.getSubject();
      int i = Integer.parseInt(subject.substring(subject.length() - 1));
      assertThat(m.getAllRecipients()[0].toString()).isEqualTo("carol" + i + "@example.org");
      assertThat(((String) m.getContent()).replace("\r\n", "\n"))
          .isEqualTo("Follow it here: " + secretLink + i + "\n<b>verbatim</b> ü");
      assertThat(m.getMessageID()).contains("fixfinder.example");
    }
  }

  @Test
  void aFolderThatCannotBeWrittenIsAFailureNotAnException() throws Exception {
    Path folder = dir.resolve("outbox");
    OutboxMailer outbox = new OutboxMailer(folder, "no-reply@fixfinder.example");
    // the folder replaced by a regular file: no write can succeed, not even as root
    Files.delete(folder);
    Files.writeString(folder, "not a folder");
    Delivery d = outbox.send(new MailMessage("dave@example.org", "s", "body"));
    assertThat(d).isInstanceOf(Delivery.Failed.class);
    assertThat(((Delivery.Failed) d).reason())
        .startsWith("cannot write to the mail outbox " + folder.toAbsolutePath())
        .doesNotContain("dave");
    assertThat(Files.readString(folder)).isEqualTo("not a folder");
  }

  @Test
  void theFactoryPicksTheOutboxWithoutAnSmtpHostAndSmtpWithOne() {
    FixFinderConfig.Mail defaults = ConfigLoader.load(Optional.empty(), Map.of()).mail();
    Mailer m = Mailers.create(defaults, dir, Map.of());
    assertThat(m).isInstanceOf(OutboxMailer.class);
    assertThat(((OutboxMailer) m).folder()).isEqualTo(dir.resolve("outbox").toAbsolutePath());
    FixFinderConfig.Mail smtp =
        new FixFinderConfig.Mail(
            defaults.from(),
            defaults.outbox(),
            new FixFinderConfig.Smtp("127.0.0.1", 2525, "", FixFinderConfig.SmtpSecurity.NONE, 5));
    assertThat(Mailers.create(smtp, dir, Map.of())).isInstanceOf(SmtpMailer.class);
    assertThat(Files.exists(dir.resolve("outbox"))).isTrue();
  }
}
