package io.fixfinder.app.pipeline;

import io.fixfinder.core.helpers.match.Reputation;
import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.demo.helpers.DemoHelper;
import io.fixfinder.demo.helpers.DemoHelpers;
import io.fixfinder.store.Database;
import io.fixfinder.store.accounts.AccountPolicy;
import io.fixfinder.store.accounts.AccountStore;
import io.fixfinder.store.accounts.LoginResult;
import io.fixfinder.store.accounts.PasswordHasher;
import io.fixfinder.store.accounts.Registration;
import io.fixfinder.store.accounts.Session;
import io.fixfinder.store.contact.ContactStore;
import io.fixfinder.store.contact.HelperStats;
import io.fixfinder.store.crypto.SecretBox;
import io.fixfinder.store.crypto.SecretKeys;
import io.fixfinder.store.helpers.ChannelUpdate;
import io.fixfinder.store.helpers.ContactChannels;
import io.fixfinder.store.helpers.Coordinates;
import io.fixfinder.store.helpers.HelperProfiles;
import io.fixfinder.store.helpers.Profile;
import io.fixfinder.store.helpers.ProfileLimits;
import io.fixfinder.store.helpers.ProfileUpdate;
import io.fixfinder.store.helpers.Skill;
import io.fixfinder.store.helpers.SkillKind;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Seeds the demo's forty fictional helpers ({@link DemoHelpers}) into the store as verified
 * accounts with their profiles and private channels (phone numbers from ranges reserved for
 * fiction, addresses under example domains), through the same store calls a real helper's
 * registration makes. Idempotent: a helper whose address already has an account is left as it is,
 * so a second {@code fixfinder demo} adds nothing.
 *
 * <p>Each gets a random password that is never shown, so nobody can sign in as a demo helper; it is
 * hashed with Argon2id at minimal cost, since guessing it is not the risk and forty full-cost
 * hashes would slow every first demo start by seconds.
 *
 * <p>The issues a demo helper "fixed" ({@link DemoHelper#issueHints}) become issue skills through
 * the clusters of the built index: a hint names a product type, brand and error code or symptom,
 * and the biggest cluster in that scope showing it is the one meant (none: the hint is skipped, as
 * a profile would never name a cluster that does not exist). Their fictional past becomes their
 * contact record ({@link ContactStore#importRecord}), so reputation shows in the demo as it would
 * after real requests. Both are set when the account is made; an existing account is left alone.
 */
public final class DemoHelperSeeding {
  /** What a run did: helpers added, already there, refused (with the reason). */
  public record Outcome(int added, int existing, List<String> refused) {}

  private DemoHelperSeeding() {}

  public static Outcome seed(
      Database db, Path dataDir, Clock clock, Supplier<Collection<IssueCluster>> clusters) {
    SecretBox box = SecretKeys.load(dataDir);
    ContactStore contact = new ContactStore(db, box, clock, Duration.ofDays(30));
    AccountStore accounts =
        new AccountStore(
            db,
            box,
            new PasswordHasher(new PasswordHasher.Cost(64, 1, 1)),
            AccountPolicy.defaults(),
            clock);
    HelperProfiles profiles = new HelperProfiles(db, box, ProfileLimits.defaults(), clock);
    SecureRandom random = new SecureRandom();
    // loading the clusters costs the embedding model: only when an account is made
    Supplier<Collection<IssueCluster>> loaded = memoize(clusters);
    int added = 0;
    int existing = 0;
    List<String> refused = new ArrayList<>();
    for (DemoHelper h : DemoHelpers.all()) {
      byte[] secret = new byte[24];
      random.nextBytes(secret);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      Registration r = accounts.register(h.email(), password, h.displayName());
      switch (r) {
        case Registration.ExistingAccount e -> existing++;
        case Registration.Invalid i -> refused.add(h.handle() + ": " + i.errors());
        case Registration.NewAccount n -> {
          accounts.verifyEmail(n.verificationToken());
          LoginResult login = accounts.login(h.email(), password, "127.0.0.1");
          if (!(login instanceof LoginResult.LoggedIn in)) {
            refused.add(h.handle() + ": sign-in " + login.getClass().getSimpleName());
            continue;
          }
          Session s = in.session().session();
          ProfileUpdate p = profiles.update(s, profile(h, loaded.get()));
          ChannelUpdate c =
              profiles.setChannels(
                  s,
                  new ContactChannels(
                      h.channels().email(), h.channels().phone(), h.channels().videoCall()));
          accounts.logout(in.session().token());
          if (p instanceof ProfileUpdate.Invalid bad) {
            refused.add(h.handle() + ": profile " + bad.errors());
          } else if (c instanceof ChannelUpdate.Invalid bad) {
            refused.add(h.handle() + ": channels " + bad.errors());
          } else {
            Reputation rep = h.reputation();
            contact.importRecord(
                new HelperStats(
                    n.helperId(),
                    rep.requestsReceived(),
                    rep.requestsAnswered(),
                    rep.confirmedFixes(),
                    rep.notFixed(),
                    rep.gaveUp(),
                    0,
                    rep.requestsAnswered() == 0
                        ? OptionalLong.empty()
                        : OptionalLong.of(rep.medianResponseMinutes().orElse(60))));
            added++;
          }
        }
      }
    }
    return new Outcome(added, existing, List.copyOf(refused));
  }

  private static <T> Supplier<T> memoize(Supplier<T> s) {
    return new Supplier<>() {
      private T value;

      @Override
      public T get() {
        if (value == null) value = s.get();
        return value;
      }
    };
  }

  /** The biggest cluster of the hint's type and brand that shows its error code or symptom. */
  static Optional<String> issueOf(DemoHelper.IssueHint hint, Collection<IssueCluster> clusters) {
    return clusters.stream()
        .filter(c -> c.scope().type().equals(hint.type()))
        .filter(c -> c.scope().brand().equalsIgnoreCase(hint.brand()))
        .filter(
            c ->
                hint.code().isEmpty()
                    ? c.symptoms().contains(hint.symptom())
                    : c.errorCodes().contains(hint.code()))
        .max(Comparator.comparingInt(IssueCluster::size).thenComparing(IssueCluster::id))
        .map(IssueCluster::id);
  }

  static Profile profile(DemoHelper h, Collection<IssueCluster> clusters) {
    List<Skill> skills = new ArrayList<>();
    for (io.fixfinder.core.helpers.Skill s : h.skills()) {
      skills.add(new Skill(SkillKind.valueOf(s.kind().name()), s.value()));
    }
    for (DemoHelper.IssueHint hint : h.issueHints()) {
      issueOf(hint, clusters)
          .map(id -> new Skill(SkillKind.ISSUE, id))
          .filter(skill -> !skills.contains(skill))
          .ifPresent(skills::add);
    }
    skills.sort(Comparator.comparing(Skill::kind).thenComparing(Skill::value));
    return new Profile(
        h.displayName(),
        h.bio(),
        h.languages(),
        h.location().country(),
        h.location().city(),
        h.location().point().map(g -> new Coordinates(g.lat(), g.lon())),
        h.remote(),
        h.zone().getId(),
        h.hours().toString(),
        h.paused(),
        skills);
  }
}
