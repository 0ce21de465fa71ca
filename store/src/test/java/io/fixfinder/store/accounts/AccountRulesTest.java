package io.fixfinder.store.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Email normalisation, the password rules, display names, token shapes. */
class AccountRulesTest {
  @ParameterizedTest
  @CsvSource({
    "'  Ada@Example.ORG ', ada@example.org",
    "ada.lovelace+fix@sub.example.co.uk, ada.lovelace+fix@sub.example.co.uk",
    "'o''brien@example.ie', o'brien@example.ie",
  })
  void emailsAreTrimmedAndLowerCased(String raw, String expected) {
    assertThat(EmailAddress.parse(raw)).map(EmailAddress::value).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ada",
        "ada@",
        "@example.org",
        "ada@example",
        "ada@@example.org",
        "a da@example.org",
        "<ada@example.org>",
        "ada@example.",
        "ada@exa\u0000mple.org"
      })
  void nonAddressesAreRefused(String raw) {
    assertThat(EmailAddress.parse(raw)).isEmpty();
  }

  @Test
  void anAddressNeverPrintsItself() {
    assertThat(EmailAddress.parse("ada@example.org").orElseThrow().toString())
        .doesNotContain("ada");
  }

  @Test
  void passwordRules() {
    EmailAddress email = EmailAddress.parse("ada.lovelace@example.org").orElseThrow();
    assertThat(PasswordRules.check("123456789", email))
        .map(FieldError::message)
        .contains("a password needs at least 10 characters");
    assertThat(PasswordRules.check("1234567890", email)).isEmpty();
    assertThat(PasswordRules.check("é".repeat(10), email)).as("counted in characters").isEmpty();
    assertThat(PasswordRules.check("x".repeat(200), email)).isEmpty();
    assertThat(PasswordRules.check("x".repeat(201), email)).isPresent();
    assertThat(PasswordRules.check("Ada.Lovelace@Example.org", email))
        .map(FieldError::message)
        .contains("the password must not be the email address");
    assertThat(PasswordRules.check("ada.lovelace", email)).isPresent();
    assertThat(PasswordRules.check(null, email)).isPresent();
  }

  @Test
  void displayNames() {
    assertThat(DisplayNames.check("Robert'); DROP TABLE helper;--")).isEmpty();
    assertThat(DisplayNames.check("<script>alert(1)</script>")).isEmpty();
    assertThat(DisplayNames.check("   ")).isPresent();
    assertThat(DisplayNames.check("a\u0007b")).isPresent();
    assertThat(DisplayNames.check("n".repeat(80))).isEmpty();
    assertThat(DisplayNames.check("n".repeat(81))).isPresent();
  }

  @Test
  void tokensAreLongRandomAndUrlSafe() {
    String t = Tokens.newToken();
    assertThat(t).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(Tokens.newToken());
    assertThat(Tokens.newId()).matches("[A-Za-z0-9_-]{22}");
    assertThat(Tokens.hash(t)).matches("[0-9a-f]{64}").isEqualTo(Tokens.hash(t));
    assertThat(Tokens.plausible(t)).isTrue();
    assertThat(Tokens.plausible("' OR 1=1 --")).isFalse();
    assertThat(Tokens.plausible(null)).isFalse();
  }

  @Test
  void helperIdsNeverLookLikeACommandLineOption() {
    // Without the guard one id in 64 starts with '-'; 2,000 draws miss that with p ~ 1e-14.
    for (int i = 0; i < 2_000; i++) {
      assertThat(Tokens.newId()).doesNotStartWith("-");
    }
  }

  @Test
  void policyRefusesNonsense() {
    AccountPolicy d = AccountPolicy.defaults();
    assertThatThrownBy(
            () ->
                new AccountPolicy(
                    d.verifyTokenTtl(),
                    d.resetTokenTtl(),
                    d.sessionAbsolute().plusSeconds(1),
                    d.sessionAbsolute(),
                    d.throttleWindow(),
                    5,
                    20))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new AccountPolicy(
                    d.verifyTokenTtl(),
                    d.resetTokenTtl(),
                    d.sessionIdle(),
                    d.sessionAbsolute(),
                    java.time.Duration.ZERO,
                    5,
                    20))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
