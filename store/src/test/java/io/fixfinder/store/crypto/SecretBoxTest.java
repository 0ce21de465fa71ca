package io.fixfinder.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
  @TempDir Path dir;

  @Test
  void sealedTextOpensOnlyWithItsKeyAndContext() {
    SecretBox box = SecretKeys.load(Map.of(), dir);
    String sealed = box.seal("ana@example.org", "helper.email:h1");

    assertThat(sealed).startsWith("v1.").doesNotContain("ana").doesNotContain("example");
    assertThat(box.open(sealed, "helper.email:h1")).isEqualTo("ana@example.org");
    assertThat(box.seal("ana@example.org", "helper.email:h1")).isNotEqualTo(sealed);
    assertThatThrownBy(() -> box.open(sealed, "helper.email:h2"))
        .isInstanceOf(StoreException.class)
        .hasMessageNotContaining("ana");
    SecretBox other = SecretKeys.load(Map.of(SecretKeys.ENV, SecretKeys.newKeyBase64()), dir);
    assertThatThrownBy(() -> other.open(sealed, "helper.email:h1"))
        .isInstanceOf(StoreException.class);
  }

  @Test
  void alteredOrForeignValuesAreRefused() {
    SecretBox box = SecretKeys.load(Map.of(), dir);
    String sealed = box.seal("+31 20 555 0100", "c");
    // Not the last character: in unpadded base64 its low bits may be unused, so a change there
    // can decode to the same bytes (the test then failed now and then).
    int at = sealed.length() - 5;
    char c = sealed.charAt(at);
    String flipped = sealed.substring(0, at) + (c == 'A' ? 'B' : 'A') + sealed.substring(at + 1);

    assertThatThrownBy(() -> box.open(flipped, "c")).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> box.open("plain text", "c")).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> box.open("v1.%%%", "c")).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> box.open("v1.AAAA", "c")).isInstanceOf(StoreException.class);
  }

  @Test
  void keyFileIsCreatedOnceWithOwnerOnlyPermissionsAndReused() throws Exception {
    SecretBox first = SecretKeys.load(Map.of(), dir);
    Path file = dir.resolve(SecretKeys.FILE);

    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    SecretBox again = SecretKeys.load(Map.of(), dir);
    assertThat(again.open(first.seal("x", "c"), "c")).isEqualTo("x");
  }

  @Test
  void blindIndexIsStablePerKeyAndPurpose() {
    String key = SecretKeys.newKeyBase64();
    SecretBox a = SecretKeys.load(Map.of(SecretKeys.ENV, key), dir);
    SecretBox b = SecretKeys.load(Map.of(SecretKeys.ENV, key), dir);

    assertThat(a.blindIndex("email", "ana@example.org"))
        .isEqualTo(b.blindIndex("email", "ana@example.org"))
        .hasSize(64)
        .isNotEqualTo(a.blindIndex("phone", "ana@example.org"))
        .isNotEqualTo(a.blindIndex("email", "bob@example.org"));
    SecretBox other = SecretKeys.load(Map.of(SecretKeys.ENV, SecretKeys.newKeyBase64()), dir);
    assertThat(other.blindIndex("email", "ana@example.org"))
        .isNotEqualTo(a.blindIndex("email", "ana@example.org"));
  }

  @Test
  void badKeysAreNamedButNotEchoed() {
    assertThatThrownBy(() -> SecretKeys.load(Map.of(SecretKeys.ENV, "not-base64!!"), dir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(SecretKeys.ENV)
        .hasMessageNotContaining("not-base64");
    assertThatThrownBy(() -> SecretKeys.load(Map.of(SecretKeys.ENV, "c2hvcnQ="), dir))
        .hasMessageContaining("32 bytes");
  }
}
