package io.fixfinder.core.helpers.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.helpers.contact.InvalidContactException.Channel;
import io.fixfinder.core.helpers.contact.InvalidContactException.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAndVideoLinkTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ana.silva@example.org|ana.silva@example.org",
        "  Ana.Silva+fix@Example.ORG |Ana.Silva+fix@example.org",
        "o'brien@mail.example.net|o'brien@mail.example.net",
        "x@sub-domain.example.com|x@sub-domain.example.com",
      })
  void acceptsEmailAddresses(String raw, String normalised) {
    assertThat(EmailAddresses.normalise(raw)).isEqualTo(normalised);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "",
        "plainaddress",
        "@example.org",
        "ana@",
        "ana@@example.org",
        "ana@exa mple.org",
        "ana silva@example.org",
        "ana..silva@example.org",
        ".ana@example.org",
        "ana@localhost",
        "ana@-example.org",
        "ana@example..org",
        "ana@example.1",
        "<script>@example.org",
        "ana@example.org\n",
      })
  void rejectsMalformedEmail(String raw) {
    if (raw.endsWith("\n")) {
      // surrounding white space is trimmed: a trailing newline is fine, one inside is not
      assertThat(EmailAddresses.normalise(raw)).isEqualTo("ana@example.org");
      assertThatThrownBy(() -> EmailAddresses.normalise("ana\n@example.org"))
          .isInstanceOf(InvalidContactException.class);
      return;
    }
    assertThatThrownBy(() -> EmailAddresses.normalise(raw))
        .isInstanceOfSatisfying(
            InvalidContactException.class,
            e -> {
              assertThat(e.channel()).isEqualTo(Channel.EMAIL);
              assertThat(e.reason()).isIn(Reason.EMPTY, Reason.MALFORMED);
              if (!raw.isEmpty()) assertThat(e.getMessage()).doesNotContain(raw);
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://meet.example.org/fixfinder-ana|https://meet.example.org/fixfinder-ana",
        "HTTPS://video.example.net/room?id=42|HTTPS://video.example.net/room?id=42",
        " https://call.example.com/a/../b |https://call.example.com/b",
      })
  void acceptsHttpsVideoLinks(String raw, String normalised) {
    assertThat(VideoCallLinks.normalise(raw)).isEqualTo(normalised);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "http://meet.example.org/room|NOT_HTTPS",
        "javascript:alert(1)|NOT_HTTPS",
        "ftp://meet.example.org/room|NOT_HTTPS",
        "meet.example.org/room|NOT_HTTPS",
        "https://user:secret@meet.example.org/room|MALFORMED",
        "https:///room|MALFORMED",
        "https://localhost/room|MALFORMED",
        "https://meet.example.org/a room|MALFORMED",
        "''|EMPTY",
      })
  void rejectsOtherLinks(String raw, Reason reason) {
    assertThatThrownBy(() -> VideoCallLinks.normalise(raw))
        .isInstanceOfSatisfying(
            InvalidContactException.class,
            e -> {
              assertThat(e.channel()).isEqualTo(Channel.VIDEO_CALL);
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).doesNotContain("secret");
            });
  }
}
