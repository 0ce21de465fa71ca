package io.fixfinder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.ConfigLoader;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.store.Database;
import io.fixfinder.store.accounts.AccountPolicy;
import io.fixfinder.store.accounts.AccountStore;
import io.fixfinder.store.accounts.PasswordHasher;
import io.fixfinder.store.accounts.Registration;
import io.fixfinder.store.contact.ContactStore;
import io.fixfinder.store.crypto.SecretKeys;
import io.fixfinder.store.helpers.HelperProfiles;
import io.fixfinder.store.helpers.ProfileLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fixfinder helpers} over a real SQLite store in a data directory: the list shows no contact
 * detail, suspend/unsuspend/delete act on the named helper, and an operator's mistake is one line
 * on stderr with exit 2.
 */
class HelpersCommandTest {
  @TempDir Path dir;
  String ada;
  String bob;

  @BeforeEach
  void seed() {
    FixFinderConfig cfg = ConfigLoader.load(Optional.empty(), System.getenv()).withDataDir(dir);
    try (Database db = Database.open(cfg.database(), dir)) {
      AccountStore accounts =
          new AccountStore(
              db,
              SecretKeys.load(dir),
              new PasswordHasher(new PasswordHasher.Cost(64, 1, 1)),
              AccountPolicy.defaults(),
              Clock.systemUTC());
      Registration.NewAccount a =
          (Registration.NewAccount)
              accounts.register("ada.secret@example.org", "a long enough passphrase 42", "Ada");
      accounts.verifyEmail(a.verificationToken());
      ada = a.helperId();
      bob =
          ((Registration.NewAccount)
                  accounts.register("bob.secret@example.org", "a long enough passphrase 42", "Bob"))
              .helperId();
    }
  }

  CliRun run(String... args) {
    return CliRun.of(dir, args);
  }

  @Test
  void listShowsIdStatusVerifiedAndNameButNoContactDetail() {
    CliRun r = run("helpers", "list");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains(ada + "\tactive\tyes\tAda\t")
        .contains(bob + "\tunverified\tno\tBob\t")
        .contains("2 helpers")
        .doesNotContain("@");
  }

  @Test
  void anIdAfterTheEndOfOptionsIsAnIdEvenWithALeadingDash() {
    // Ids made before they were kept from starting with '-' can still be named.
    CliRun r = run("helpers", "suspend", "--", "-no-such-helper");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no helper with id '-no-such-helper'");
    assertThat(run("helpers", "suspend", "--", ada).exit()).isZero();
  }

  @Test
  void aNameCannotSteerTheTerminal() {
    assertThat(HelpersCommand.printable("Bob\u001b[31m\tx")).isEqualTo("Bob [31m x");
  }

  @Test
  void suspendUnsuspendAndDeleteActOnTheNamedHelper() {
    assertThat(run("helpers", "suspend", ada).exit()).isZero();
    assertThat(run("helpers", "list").out()).contains(ada + "\tsuspended\tyes\t");
    assertThat(run("helpers", "unsuspend", ada).exit()).isZero();
    assertThat(run("helpers", "list").out()).contains(ada + "\tactive\tyes\t");
    CliRun deleted = run("helpers", "delete", bob);
    assertThat(deleted.exit()).isZero();
    assertThat(deleted.out()).contains("helper " + bob + " deleted");
    assertThat(run("helpers", "list").out()).doesNotContain(bob).contains("1 helper");
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("fixfinder.db"))) {
      HelperProfiles profiles =
          new HelperProfiles(db, SecretKeys.load(dir), ProfileLimits.defaults(), Clock.systemUTC());
      assertThat(profiles.listable()).extracting(m -> m.id()).containsExactly(ada);
    }
  }

  @Test
  void reportsListWhatWasReportedAsOneSafeLineEach() {
    assertThat(run("helpers", "reports").out()).contains("0 reports");
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("fixfinder.db"))) {
      ContactStore contact =
          new ContactStore(db, SecretKeys.load(dir), Clock.systemUTC(), Duration.ofDays(30));
      contact.report(ada, "rude on the phone\n\u001b[2Jsecond line", Optional.empty()).orThrow();
      contact.report(bob, "never answered", Optional.empty()).orThrow();
    }
    CliRun all = run("helpers", "reports");
    assertThat(all.exit()).isZero();
    assertThat(all.out())
        .contains("\t" + ada + "\t-\trude on the phone  [2Jsecond line\n")
        .contains("\t" + bob + "\t-\tnever answered\n")
        .contains("2 reports")
        .doesNotContain("\u001b");
    CliRun one = run("helpers", "reports", bob);
    assertThat(one.out()).contains("never answered").doesNotContain(ada).contains("1 report");
  }

  @Test
  void operatorMistakesAreOneLineAndExitTwo() {
    for (String[] args :
        new String[][] {
          {"helpers", "suspend", "no-such-helper"},
          {"helpers", "delete", "no-such-helper"},
          {"helpers", "unsuspend", "no-such-helper"},
          {"helpers", "suspend"},
          {"helpers", "reports", "no-such-helper"},
          {"helpers", "frobnicate"}
        }) {
      CliRun r = run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    }
  }
}
