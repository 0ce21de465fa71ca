package io.fixfinder.app.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.feedback.Answer;
import io.fixfinder.core.feedback.FeedbackItem;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.store.Database;
import io.fixfinder.store.accounts.AccountPolicy;
import io.fixfinder.store.accounts.AccountStore;
import io.fixfinder.store.accounts.PasswordHasher;
import io.fixfinder.store.accounts.Registration;
import io.fixfinder.store.changes.ChangeFeed;
import io.fixfinder.store.changes.Topic;
import io.fixfinder.store.crypto.SecretBox;
import io.fixfinder.store.feedback.FeedbackStore;
import io.fixfinder.store.helpers.HelperAdmin;
import io.fixfinder.store.helpers.HelperDeletion;
import io.fixfinder.store.tenants.TenantRules;
import io.fixfinder.store.tenants.TenantSpec;
import io.fixfinder.store.tenants.TenantStore;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One process's follower over a real SQLite store that a second handle ("another process") writes
 * to: what each kind of change does to the tallies and which caches it drops, in which order, and
 * that a poll whose changes could not be applied is made good by the next. Helper and tenant
 * changes are made through the stores the operator's commands and the account pages use.
 */
class StoreFollowerTest {
  @TempDir Path dir;

  Database mine;
  Database other;
  FeedbackStore feedback;
  FeedbackStore otherFeedback;
  final List<String> dropped = new ArrayList<>();
  final AtomicReference<Set<String>> alias = new AtomicReference<>(Set.of("fixfinder-1"));
  StoreFollower follower;

  /** How many more times re-reading the helper directory fails (the store briefly away). */
  final AtomicInteger helperFailures = new AtomicInteger();

  /** Records which caches were dropped, and what the tally was at that moment. */
  final StoreFollower.Caches caches =
      new StoreFollower.Caches() {
        @Override
        public void searchesChanged() {
          dropped.add("searches yes=" + feedback.tally("issue:iss-1").yes());
        }

        @Override
        public void indexChanged() {
          dropped.add("index");
        }

        @Override
        public void helpersChanged() {
          if (helperFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("the helper directory cannot be read now");
          }
          dropped.add("helpers");
        }

        @Override
        public void tenantsChanged(Set<String> tenantIds) {
          dropped.add("tenants " + new TreeSet<>(tenantIds));
        }

        @Override
        public void allTenantsChanged() {
          dropped.add("all tenants");
        }
      };

  @BeforeEach
  void open() {
    String url = "jdbc:sqlite:" + dir.resolve("f.db");
    mine = Database.open(url);
    other = Database.open(url);
    ChangeFeed.Cursor cursor = new ChangeFeed(mine).fromNow();
    feedback = new FeedbackStore(mine, Clock.systemUTC());
    otherFeedback = new FeedbackStore(other, Clock.systemUTC());
    follower =
        new StoreFollower(
            cursor,
            feedback,
            Optional.empty(),
            Optional.<Callable<Set<String>>>of(alias::get),
            caches);
  }

  @AfterEach
  void close() {
    follower.close();
    other.close();
    mine.close();
  }

  @Test
  void nothingChangedDropsNothing() throws Exception {
    follower.poll();
    follower.poll();
    assertThat(dropped).isEmpty();
  }

  @Test
  void anotherProcesssVoteIsReadBeforeTheSearchCacheIsDropped() throws Exception {
    follower.poll();
    otherFeedback.vote(FeedbackItem.issue("iss-1"), Answer.YES, "client-1");
    otherFeedback.vote(FeedbackItem.issue("iss-1"), Answer.YES, "client-2");
    assertThat(feedback.tally("issue:iss-1").yes()).isZero();
    follower.poll();
    assertThat(feedback.tally("issue:iss-1").yes()).isEqualTo(2);
    assertThat(dropped).as("one drop, after the tally was read").containsExactly("searches yes=2");
  }

  @Test
  void theAliasMovingToAnotherIndexDropsSearchesAndSuggesters() throws Exception {
    follower.poll();
    alias.set(Set.of("fixfinder-2"));
    follower.poll();
    follower.poll();
    assertThat(dropped).containsExactly("index");
  }

  @Test
  void anAnnouncedGenerationDropsThemWithoutWaitingForTheAlias() throws Exception {
    other.transaction(c -> ChangeFeed.append(c, Topic.INDEX, "fixfinder-2", Clock.systemUTC()));
    follower.poll();
    assertThat(dropped).containsExactly("index");
  }

  @Test
  void changesReadButNotAppliedAreMadeGoodByTheNextPoll() throws Exception {
    otherFeedback.vote(FeedbackItem.issue("iss-1"), Answer.YES, "client-1");
    // the item's tally cannot be read when the poll applies the change
    mine.transaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("ALTER TABLE feedback_vote RENAME TO feedback_vote_away")) {
            st.executeUpdate();
          }
          return null;
        });
    assertThatThrownBy(follower::poll).isInstanceOf(RuntimeException.class);
    mine.transaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("ALTER TABLE feedback_vote_away RENAME TO feedback_vote")) {
            st.executeUpdate();
          }
          return null;
        });
    follower.poll();
    assertThat(feedback.tally("issue:iss-1").yes()).isEqualTo(1);
    assertThat(dropped)
        .as("every tally read again, then one drop")
        .containsExactly("searches yes=1");
    follower.poll();
    assertThat(dropped).as("and back to following").hasSize(1);
  }

  /** A verified helper registered through the other handle (verifying is a change too). */
  String helperElsewhere(String email) {
    AccountStore accounts =
        new AccountStore(
            other,
            box,
            new PasswordHasher(new PasswordHasher.Cost(64, 1, 1)),
            AccountPolicy.defaults(),
            Clock.systemUTC());
    Registration.NewAccount n =
        (Registration.NewAccount) accounts.register(email, "a long pass phrase 42", "Ada");
    accounts.verifyEmail(n.verificationToken());
    return n.helperId();
  }

  final SecretBox box = new SecretBox(new byte[32]);

  TenantStore otherTenants() {
    return new TenantStore(other, box, Clock.systemUTC());
  }

  String tenantElsewhere(TenantStore tenants) {
    TenantSpec spec =
        new TenantRules(Lexicon.builtIn())
            .check(
                new TenantSpec(
                    "Aqualine Support",
                    List.of("aqualine"),
                    List.of(),
                    List.of("https://help.aqualine.example"),
                    120,
                    10_000));
    return tenants.create(spec).tenant().id();
  }

  @Test
  void aHelperVerifiedThenSuspendedThenDeletedElsewhereRereadsTheDirectoryEachTime()
      throws Exception {
    String ada = helperElsewhere("ada@example.org");
    follower.poll();
    assertThat(dropped).as("verified: listable now").containsExactly("helpers");
    HelperAdmin admin = new HelperAdmin(other, new HelperDeletion(other, List.of()));
    assertThat(admin.suspend(ada)).isTrue();
    assertThat(admin.unsuspend(ada)).isTrue();
    follower.poll();
    assertThat(dropped).as("two changes, one re-read").containsExactly("helpers", "helpers");
    assertThat(admin.delete(ada)).isTrue();
    follower.poll();
    assertThat(dropped).containsExactly("helpers", "helpers", "helpers");
    assertThat(admin.suspend(ada)).as("gone: nothing changed, nothing announced").isFalse();
    follower.poll();
    assertThat(dropped).hasSize(3);
  }

  @Test
  void aTenantCreatedRotatedOrRevokedElsewhereDropsOnlyThatTenantsKeys() throws Exception {
    TenantStore tenants = otherTenants();
    String first = tenantElsewhere(tenants);
    String second = tenantElsewhere(tenants);
    follower.poll();
    assertThat(dropped).containsExactly("tenants " + new TreeSet<>(Set.of(first, second)));
    dropped.clear();
    assertThat(tenants.rotate(first, java.time.Duration.ZERO)).isPresent();
    follower.poll();
    assertThat(tenants.revoke(second)).isTrue();
    assertThat(tenants.revoke(second)).as("revoked already: not announced again").isFalse();
    follower.poll();
    assertThat(dropped).containsExactly("tenants [" + first + "]", "tenants [" + second + "]");
  }

  @Test
  void aRevokedKeyIsDroppedEvenWhenThePollsOtherChangesCannotBeApplied() throws Exception {
    TenantStore tenants = otherTenants();
    String tenant = tenantElsewhere(tenants);
    follower.poll();
    dropped.clear();
    otherFeedback.vote(FeedbackItem.issue("iss-1"), Answer.YES, "client-1");
    tenants.revoke(tenant);
    mine.transaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("ALTER TABLE feedback_vote RENAME TO feedback_vote_away")) {
            st.executeUpdate();
          }
          return null;
        });
    assertThatThrownBy(follower::poll).isInstanceOf(RuntimeException.class);
    assertThat(dropped)
        .as("the key went before the tallies failed")
        .containsExactly("tenants [" + tenant + "]");
  }

  @Test
  void aDirectoryThatCannotBeReadIsReadAgainAtTheNextPoll() throws Exception {
    helperElsewhere("ada@example.org");
    helperFailures.set(1);
    assertThatThrownBy(follower::poll).isInstanceOf(IllegalStateException.class);
    assertThat(dropped).isEmpty();
    follower.poll();
    assertThat(dropped)
        .as("nothing new in the feed, the re-read still owed")
        .containsExactly("helpers");
    follower.poll();
    assertThat(dropped).hasSize(1);
  }

  @Test
  void changesPrunedBeforeThisProcessReadThemReloadEverythingAndDropEveryKey() throws Exception {
    otherFeedback.vote(FeedbackItem.issue("iss-1"), Answer.YES, "client-1");
    helperElsewhere("ada@example.org");
    // as the pruning of rows older than the feed keeps them would
    other.transaction(
        c -> {
          try (PreparedStatement st = c.prepareStatement("DELETE FROM change_log")) {
            st.executeUpdate();
          }
          return null;
        });
    follower.poll();
    assertThat(dropped)
        .as("keys first, then tallies and the index, then the helper directory")
        .containsExactly("all tenants", "index", "helpers");
    assertThat(feedback.tally("issue:iss-1").yes()).isEqualTo(1);
  }
}
