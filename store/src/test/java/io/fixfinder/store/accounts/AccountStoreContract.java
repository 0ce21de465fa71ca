package io.fixfinder.store.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What accounts must do on every engine; subclasses open the database. */
abstract class AccountStoreContract extends AccountsTestBase {
  private static final String EMAIL = "ada@example.org";

  private Registration.NewAccount register(String email) {
    return (Registration.NewAccount) accounts.register(email, PASSWORD, "Ada");
  }

  @Test
  void registrationCreatesAnUnverifiedHelperAndItsLinkWorksOnce() {
    var created = register(EMAIL);
    assertThat(created.helperId()).matches("[A-Za-z0-9_-]{22}");
    assertThat(
            count(
                "SELECT COUNT(*) FROM helper WHERE id = ? AND verified = ?",
                created.helperId(),
                false))
        .isEqualTo(1);
    assertThat(accounts.verifyEmail(created.verificationToken()))
        .isEqualTo(new TokenUse.Done(created.helperId()));
    assertThat(accounts.verifyEmail(created.verificationToken()))
        .as("spent")
        .isEqualTo(new TokenUse.InvalidToken());
    assertThat(count("SELECT COUNT(*) FROM helper WHERE verified = ?", true)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM helper_token")).isZero();
  }

  @Test
  void anExistingAddressChangesNothingAndSaysWhoseItIs() {
    var created = register(EMAIL);
    String hash = passwordHash(created.helperId());
    Registration again = accounts.register("  ADA@Example.org ", "another passphrase!", "Eve");
    assertThat(again).isEqualTo(new Registration.ExistingAccount(created.helperId(), false));
    assertThat(passwordHash(created.helperId())).isEqualTo(hash);
    assertThat(count("SELECT COUNT(*) FROM helper")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM helper WHERE display_name = 'Ada'")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM helper_token")).isEqualTo(1);
  }

  @Test
  void invalidRegistrationsStoreNothing() {
    Registration r = accounts.register("not an address", "short", " ");
    assertThat(r)
        .isInstanceOfSatisfying(
            Registration.Invalid.class,
            i ->
                assertThat(i.errors())
                    .extracting(FieldError::field)
                    .containsExactly("email", "displayName"));
    r = accounts.register(EMAIL, "short", "Ada");
    assertThat(r)
        .isInstanceOfSatisfying(
            Registration.Invalid.class,
            i -> assertThat(i.errors()).extracting(FieldError::field).containsExactly("password"));
    r = accounts.register(EMAIL, " " + EMAIL.toUpperCase(java.util.Locale.ROOT), "Ada");
    assertThat(r).isInstanceOf(Registration.Invalid.class);
    assertThat(count("SELECT COUNT(*) FROM helper")).isZero();
  }

  @Test
  void linksAreStoredOnlyAsHashes() {
    var created = register(EMAIL);
    String token = created.verificationToken();
    assertThat(allCells()).noneMatch(cell -> cell.value().contains(token));
    assertThat(count("SELECT COUNT(*) FROM helper_token WHERE token_hash = ?", Tokens.hash(token)))
        .isEqualTo(1);
  }

  @Test
  void anExpiredVerificationLinkIsRefusedAndRemoved() {
    var created = register(EMAIL);
    clock.advance(Duration.ofHours(48));
    assertThat(accounts.verifyEmail(created.verificationToken()))
        .isEqualTo(new TokenUse.InvalidToken());
    assertThat(count("SELECT COUNT(*) FROM helper_token")).isZero();
    assertThat(count("SELECT COUNT(*) FROM helper WHERE verified = ?", true)).isZero();
  }

  @Test
  void aResentLinkReplacesTheOldOne() {
    var created = register(EMAIL);
    LinkRequest resent = accounts.resendVerification("Ada@Example.org");
    assertThat(resent).isInstanceOf(LinkRequest.Issued.class);
    var issued = (LinkRequest.Issued) resent;
    assertThat(issued.to().value()).isEqualTo(EMAIL);
    assertThat(accounts.verifyEmail(created.verificationToken()))
        .isEqualTo(new TokenUse.InvalidToken());
    assertThat(accounts.verifyEmail(issued.token()))
        .isEqualTo(new TokenUse.Done(created.helperId()));
    assertThat(accounts.resendVerification(EMAIL))
        .as("nothing left to verify")
        .isEqualTo(new LinkRequest.NotIssued());
    assertThat(accounts.resendVerification("nobody@example.org"))
        .isEqualTo(new LinkRequest.NotIssued());
  }

  @Test
  void aLinkWorksOnceEvenWhenUsedConcurrently() throws Exception {
    var created = register(EMAIL);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<TokenUse>> uses = new ArrayList<>();
      for (int i = 0; i < 6; i++)
        uses.add(pool.submit(() -> accounts.verifyEmail(created.verificationToken())));
      int done = 0;
      for (Future<TokenUse> f : uses) if (f.get() instanceof TokenUse.Done) done++;
      assertThat(done).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void passwordResetEndsEverySessionAndSpendsTheLink() {
    NewSession before = verifiedHelper(EMAIL, "Ada");
    assertThat(accounts.requestReset("nobody@example.org")).isEqualTo(new LinkRequest.NotIssued());
    var issued = (LinkRequest.Issued) accounts.requestReset(" ADA@example.org");
    assertThat(issued.helperId()).isEqualTo(before.session().helperId());

    TokenUse refused = accounts.completeReset(issued.token(), "too short");
    assertThat(refused).isInstanceOf(TokenUse.Invalid.class);
    assertThat(accounts.session(before.token()))
        .as("a refused password changes nothing")
        .isPresent();

    assertThat(accounts.completeReset(issued.token(), "a brand new passphrase"))
        .isEqualTo(new TokenUse.Done(issued.helperId()));
    assertThat(accounts.session(before.token())).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM helper_session")).isZero();
    assertThat(accounts.completeReset(issued.token(), "yet another passphrase"))
        .isEqualTo(new TokenUse.InvalidToken());
    assertThat(accounts.login(EMAIL, PASSWORD, "192.0.2.1"))
        .isEqualTo(new LoginResult.BadCredentials());
    assertThat(accounts.login(EMAIL, "a brand new passphrase", "192.0.2.1"))
        .isInstanceOf(LoginResult.LoggedIn.class);
  }

  @Test
  void anExpiredOrSupersededResetLinkIsRefused() {
    register(EMAIL);
    var first = (LinkRequest.Issued) accounts.requestReset(EMAIL);
    var second = (LinkRequest.Issued) accounts.requestReset(EMAIL);
    assertThat(accounts.completeReset(first.token(), "a brand new passphrase"))
        .isEqualTo(new TokenUse.InvalidToken());
    clock.advance(Duration.ofHours(1));
    assertThat(accounts.completeReset(second.token(), "a brand new passphrase"))
        .isEqualTo(new TokenUse.InvalidToken());
    assertThat(accounts.completeReset("' OR '1'='1", "a brand new passphrase"))
        .isEqualTo(new TokenUse.InvalidToken());
    assertThat(count("SELECT COUNT(*) FROM helper_token WHERE purpose = 'reset'")).isZero();
  }

  @Test
  void aResetLinkAlsoVerifiesTheAddress() {
    var created = register(EMAIL);
    var issued = (LinkRequest.Issued) accounts.requestReset(EMAIL);
    accounts.completeReset(issued.token(), "a brand new passphrase");
    assertThat(
            count(
                "SELECT COUNT(*) FROM helper WHERE id = ? AND verified = ?",
                created.helperId(),
                true))
        .isEqualTo(1);
  }

  @Test
  void loginGivesASessionStoredOnlyAsAHash() {
    NewSession s = verifiedHelper(EMAIL, "Ada");
    assertThat(s.token()).matches("[A-Za-z0-9_-]{43}");
    Session found = accounts.session(s.token()).orElseThrow();
    assertThat(found.helperId()).isEqualTo(s.session().helperId());
    assertThat(found.verified()).isTrue();
    assertThat(found.csrfMatches(s.session().csrfSecret())).isTrue();
    assertThat(found.csrfMatches(Tokens.newToken())).isFalse();
    assertThat(found.csrfMatches(null)).isFalse();
    assertThat(allCells()).noneMatch(cell -> cell.value().contains(s.token()));
    assertThat(
            count(
                "SELECT COUNT(*) FROM helper_session WHERE token_hash = ?", Tokens.hash(s.token())))
        .isEqualTo(1);
    accounts.logout(s.token());
    assertThat(accounts.session(s.token())).isEmpty();
    assertThat(accounts.session("forged-token-forged-token-forged-token-xx")).isEmpty();
  }

  @Test
  void unverifiedHelpersMayLogInButTheirSessionSaysSo() {
    register(EMAIL);
    var r = (LoginResult.LoggedIn) accounts.login(EMAIL, PASSWORD, "192.0.2.1");
    assertThat(accounts.session(r.session().token()).orElseThrow().verified()).isFalse();
  }

  @Test
  void aSessionEndsWhenIdleOrTooOld() {
    NewSession s = verifiedHelper(EMAIL, "Ada");
    // Used every 11 hours, it outlives the 12-hour idle timeout, up to the 7-day lifetime.
    for (int i = 0; i < 15; i++) {
      clock.advance(Duration.ofHours(11));
      assertThat(accounts.session(s.token())).as("after %d h", 11 * (i + 1)).isPresent();
    }
    clock.advance(Duration.ofHours(3)); // 168 h since login
    assertThat(accounts.session(s.token())).isEmpty();

    NewSession idle = loggedIn(EMAIL);
    clock.advance(Duration.ofHours(12));
    assertThat(accounts.session(idle.token())).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM helper_session"))
        .as("ended sessions are removed")
        .isZero();
  }

  @Test
  void anUnknownAddressAndAWrongPasswordLookAlike() {
    register(EMAIL);
    assertThat(accounts.login("nobody@example.org", PASSWORD, "192.0.2.1"))
        .isEqualTo(new LoginResult.BadCredentials());
    assertThat(accounts.login(EMAIL, "wrong passphrase", "192.0.2.1"))
        .isEqualTo(new LoginResult.BadCredentials());
    assertThat(accounts.login("not an address", PASSWORD, "192.0.2.1"))
        .isEqualTo(new LoginResult.BadCredentials());
  }

  @Test
  void fiveFailuresThrottleTheAccountUntilTheFirstLeavesTheWindow() {
    verifiedHelper(EMAIL, "Ada");
    for (int i = 0; i < 5; i++) {
      assertThat(accounts.login(EMAIL, "wrong passphrase", "198.51.100." + i))
          .isEqualTo(new LoginResult.BadCredentials());
      clock.advance(Duration.ofSeconds(1));
    }
    // Failures at 0..4 s, now 5 s: the first leaves the 15-minute window at 900 s.
    LoginResult r = accounts.login(EMAIL, PASSWORD, "198.51.100.99");
    assertThat(r).isEqualTo(new LoginResult.Throttled(Duration.ofSeconds(895)));
    assertThat(((LoginResult.Throttled) r).retryAfterSeconds()).isEqualTo(895);
    clock.advance(Duration.ofSeconds(894));
    assertThat(accounts.login(EMAIL, PASSWORD, "198.51.100.99"))
        .isInstanceOf(LoginResult.Throttled.class);
    clock.advance(Duration.ofSeconds(1));
    assertThat(accounts.login(EMAIL, PASSWORD, "198.51.100.99"))
        .isInstanceOf(LoginResult.LoggedIn.class);
    assertThat(count("SELECT COUNT(*) FROM login_failure WHERE kind = 'account'"))
        .as("a success clears the account's failures")
        .isZero();
  }

  @Test
  void anAddressWithoutAnAccountIsThrottledToo() {
    for (int i = 0; i < 5; i++) accounts.login("nobody@example.org", PASSWORD, "198.51.100." + i);
    assertThat(accounts.login("nobody@example.org", PASSWORD, "198.51.100.9"))
        .isInstanceOf(LoginResult.Throttled.class);
  }

  @Test
  void twentyFailuresFromOneAddressThrottleThatAddressOnly() {
    verifiedHelper(EMAIL, "Ada");
    for (int i = 0; i < 20; i++) {
      accounts.login("guess" + i + "@example.org", "wrong passphrase", "203.0.113.9");
    }
    assertThat(accounts.login(EMAIL, PASSWORD, "203.0.113.9"))
        .isInstanceOf(LoginResult.Throttled.class);
    assertThat(accounts.login(EMAIL, PASSWORD, "203.0.113.10"))
        .isInstanceOf(LoginResult.LoggedIn.class);
    assertThat(allCells()).noneMatch(cell -> cell.value().contains("203.0.113"));
    assertThat(allCells()).noneMatch(cell -> cell.value().contains("guess"));
  }

  @Test
  void aStrongerCostRehashesAtTheNextLogin() {
    verifiedHelper(EMAIL, "Ada");
    String id = accounts.session(loggedIn(EMAIL).token()).orElseThrow().helperId();
    assertThat(passwordHash(id)).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
    PasswordHasher stronger = new PasswordHasher(new PasswordHasher.Cost(128, 2, 1));
    AccountStore upgraded = new AccountStore(db, box, stronger, AccountPolicy.defaults(), clock);
    assertThat(upgraded.login(EMAIL, PASSWORD, "192.0.2.1"))
        .isInstanceOf(LoginResult.LoggedIn.class);
    assertThat(passwordHash(id)).startsWith("$argon2id$v=19$m=128,t=2,p=1$");
    assertThat(upgraded.login(EMAIL, PASSWORD, "192.0.2.1"))
        .isInstanceOf(LoginResult.LoggedIn.class);
  }

  @Test
  void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
    NewSession phone = verifiedHelper(EMAIL, "Ada");
    NewSession laptop = loggedIn(EMAIL);
    assertThat(
            accounts.changePassword(laptop.session(), "wrong passphrase", "a brand new passphrase"))
        .isEqualTo(new PasswordChange.WrongPassword());
    assertThat(accounts.changePassword(laptop.session(), PASSWORD, "short"))
        .isInstanceOf(PasswordChange.Invalid.class);
    var changed =
        (PasswordChange.Changed)
            accounts.changePassword(laptop.session(), PASSWORD, "a brand new passphrase");
    assertThat(accounts.session(phone.token())).isEmpty();
    assertThat(accounts.session(laptop.token())).isEmpty();
    assertThat(accounts.session(changed.session().token())).isPresent();
  }

  @Test
  void purgeRemovesWhatHasExpired() {
    register(EMAIL);
    verifiedHelper("bob@example.org", "Bob");
    accounts.login(EMAIL, "wrong passphrase", "192.0.2.7");
    clock.advance(Duration.ofDays(3));
    assertThat(accounts.purgeExpired()).isEqualTo(1 + 1 + 2); // token, session, two failures
    assertThat(
            count("SELECT COUNT(*) FROM helper_token")
                + count("SELECT COUNT(*) FROM helper_session")
                + count("SELECT COUNT(*) FROM login_failure"))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM helper")).isEqualTo(2);
  }

  private String passwordHash(String id) {
    return db.read(
        c ->
            Jdbc.one(c, "SELECT password_hash FROM helper WHERE id = ?", rs -> rs.getString(1), id)
                .orElseThrow());
  }
}
