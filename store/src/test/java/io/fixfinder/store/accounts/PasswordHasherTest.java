package io.fixfinder.store.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {
  private static final PasswordHasher CHEAP = new PasswordHasher(new PasswordHasher.Cost(64, 1, 1));

  @Test
  void verifiesAHashOfTheReferenceImplementation() {
    // phc-winner-argon2's own test vector (src/test.c): "password", salt "somesalt", m=64 MiB,
    // t=2, p=1. Made by another implementation, so it checks ours, not ours against itself.
    String reference =
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
    assertThat(CHEAP.verify("password", reference)).isTrue();
    assertThat(CHEAP.verify("Password", reference)).isFalse();
    assertThat(CHEAP.needsRehash(reference)).isTrue();
  }

  @Test
  void owaspHashesArePhcStringsWithAFreshSalt() {
    PasswordHasher owasp = PasswordHasher.owasp();
    String a = owasp.hash("correct horse battery");
    String b = owasp.hash("correct horse battery");
    assertThat(a)
        .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(a).isNotEqualTo(b);
    assertThat(owasp.verify("correct horse battery", a)).isTrue();
    assertThat(owasp.verify("correct horse batterY", a)).isFalse();
    assertThat(owasp.needsRehash(a)).isFalse();
  }

  @Test
  void aChangedCostAsksForARehash() {
    String old = CHEAP.hash("pässwörd ünicode");
    PasswordHasher stronger = new PasswordHasher(new PasswordHasher.Cost(128, 2, 1));
    assertThat(stronger.verify("pässwörd ünicode", old)).as("old hashes still verify").isTrue();
    assertThat(stronger.needsRehash(old)).isTrue();
    assertThat(stronger.needsRehash(stronger.hash("x"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain text",
        "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=16$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        // a tampered row asking for 64 GiB or a million passes is no match, not a hang
        "$argon2id$v=19$m=67108864,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=65536,t=999,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$short",
        "$argon2id$v=19$m=4,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
      })
  void malformedHashesNeverMatch(String phc) {
    assertThat(CHEAP.verify("password", phc)).isFalse();
    assertThat(CHEAP.needsRehash(phc)).isTrue();
  }
}
