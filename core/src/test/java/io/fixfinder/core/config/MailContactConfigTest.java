package io.fixfinder.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailContactConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsWriteMailToTheOutboxAndKeepRequestsTwoWeeks() {
    FixFinderConfig cfg = ConfigLoader.load(Optional.empty(), Map.of());
    assertThat(cfg.mail().usesSmtp()).isFalse();
    assertThat(cfg.mail().from()).isEqualTo("FixFinder <no-reply@localhost.localdomain>");
    assertThat(cfg.mail().outboxUnder(Path.of("/srv/ff"))).isEqualTo(Path.of("/srv/ff/outbox"));
    assertThat(cfg.mail().smtp())
        .isEqualTo(
            new FixFinderConfig.Smtp("", 587, "", FixFinderConfig.SmtpSecurity.STARTTLS, 10));
    assertThat(cfg.mail().linkBase(cfg.server())).isEqualTo("http://127.0.0.1:7070");
    assertThat(cfg.contact().retention()).isEqualTo(Duration.ofDays(14));
    assertThat(cfg.contact().purgeEvery()).isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void anOverrideFileSetsSmtp() throws Exception {
    Path file = dir.resolve("ff.yaml");
    Files.writeString(
        file,
        """
        mail:
          from: "Help <help@example.org>"
          outbox: /var/spool/ff
          linkBase: https://help.example.org/fixfinder/
          smtp:
            host: smtp.example.org
            port: 465
            username: ff
            security: TLS
        contact:
          retentionDays: 3
        """);
    FixFinderConfig cfg = ConfigLoader.load(Optional.of(file), Map.of());
    assertThat(cfg.mail().usesSmtp()).isTrue();
    assertThat(cfg.mail().smtp())
        .isEqualTo(
            new FixFinderConfig.Smtp(
                "smtp.example.org", 465, "ff", FixFinderConfig.SmtpSecurity.TLS, 10));
    assertThat(cfg.mail().outboxUnder(Path.of("/srv/ff"))).isEqualTo(Path.of("/var/spool/ff"));
    assertThat(cfg.mail().linkBase(cfg.server())).isEqualTo("https://help.example.org/fixfinder");
    assertThat(cfg.contact().retentionDays()).isEqualTo(3);
    assertThat(cfg.contact().purgeEveryMinutes()).isEqualTo(60);
  }

  @Test
  void aPasswordInTheFileIsAnUnknownKey() throws Exception {
    Path file = dir.resolve("ff.yaml");
    Files.writeString(file, "mail:\n  smtp:\n    password: hunter2\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("password")
        .hasMessageNotContaining("hunter2");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "mail:\\n  smtp:\\n    security: ssl | mail.smtp.security must be starttls, tls or none, got 'ssl'",
        "mail:\\n  smtp:\\n    port: 0 | mail.smtp.port must be 1-65535, got 0",
        "mail:\\n  smtp:\\n    port: 70000 | mail.smtp.port must be 1-65535, got 70000",
        "mail:\\n  smtp:\\n    host: 'smtp.example.org/x' | mail.smtp.host must be a host name",
        "mail:\\n  smtp:\\n    timeoutSeconds: 0 | mail.smtp.timeoutSeconds must be 1-300, got 0",
        "mail:\\n  from: nobody | mail.from must be an address",
        "mail:\\n  from: '' | mail.from must be an address",
        "contact:\\n  retentionDays: 0 | contact.retentionDays must be 1-3650, got 0",
        "contact:\\n  purgeEveryMinutes: 0 | contact.purgeEveryMinutes must be 1-1440, got 0",
        "contact:\\n  retentionDays: soon | invalid configuration contact.retentionDays: Cannot deserialize",
      })
  void badValuesNameTheKey(String yaml, String expected) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, yaml.replace("\\n", "\n"));
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(expected.strip());
  }

  @Test
  void aLinkBaseMustBeAnHttpUrl() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "mail:\n  linkBase: \"javascript:alert(1)\"\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mail.linkBase")
        .hasMessageNotContaining("alert");
  }
}
