package io.fixfinder.api.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each message as an {@code .eml} file (RFC 5322, opens in any mail program) to a folder:
 * what an installation without SMTP does, and what tests read. Files are created with mode 0600 in
 * a 0700 folder (they hold capability links), written aside and renamed into place, so a reader
 * never sees half a message. The folder is logged once, when the mailer is made; a message's
 * recipient, subject or body never.
 */
public final class OutboxMailer implements Mailer {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxMailer.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'");

  private final Path folder;
  private final InternetAddress from;
  private final Session session;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param folder created if missing
   * @param from the sender ({@code mail.from})
   * @throws IllegalArgumentException when the sender is invalid or the folder cannot be created
   */
  public OutboxMailer(Path folder, String from) {
    this.folder = folder.toAbsolutePath().normalize();
    this.from = MimeMessages.sender(from);
    // the Message-ID takes its domain from mail.from: without it, a lookup of the local host name
    Properties props = new Properties();
    props.setProperty("mail.from", this.from.getAddress());
    this.session = Session.getInstance(props);
    try {
      if (!Files.isDirectory(this.folder)) {
        try {
          Files.createDirectories(
              this.folder,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
          Files.createDirectories(this.folder);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot create the mail outbox " + this.folder + ": " + e.getClass().getSimpleName());
    }
    LOG.info("mail: no SMTP host set; messages are written to {}", this.folder);
  }

  public Path folder() {
    return folder;
  }

  @Override
  public Delivery send(MailMessage message) {
    byte[] id = new byte[6];
    random.nextBytes(id);
    String name =
        STAMP.format(ZonedDateTime.now(ZoneOffset.UTC))
            + "-"
            + HexFormat.of().formatHex(id)
            + ".eml";
    Path tmp = folder.resolve("." + name + ".tmp");
    try {
      MimeMessage mime = MimeMessages.build(session, from, message);
      create0600(tmp);
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
        mime.writeTo(out);
      }
      Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      return new Delivery.Sent(name);
    } catch (IOException | MessagingException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the write failed already; the reason below is what matters
      }
      Delivery.Failed failed =
          new Delivery.Failed(
              "cannot write to the mail outbox " + folder + ": " + e.getClass().getSimpleName());
      LOG.warn("{}", failed.reason());
      return failed;
    }
  }

  private static void create0600(Path file) throws IOException {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
  }
}
