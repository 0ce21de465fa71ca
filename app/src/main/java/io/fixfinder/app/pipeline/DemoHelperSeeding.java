package io.fixfinder.app.pipeline;

import io.fixfinder.demo.helpers.DemoHelper;
import io.fixfinder.demo.helpers.DemoHelpers;
import io.fixfinder.store.Database;
import io.fixfinder.store.accounts.AccountPolicy;
import io.fixfinder.store.accounts.AccountStore;
import io.fixfinder.store.accounts.LoginResult;
import io.fixfinder.store.accounts.PasswordHasher;
import io.fixfinder.store.accounts.Registration;
import io.fixfinder.store.accounts.Session;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

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
 * <p>Not seeded yet: the issues a demo helper "fixed" ({@link DemoHelper#issueHints}, which need
 * the cluster ids of the built index) and their reputation counts (which need contact rows).
 */
public final class DemoHelperSeeding {
  /** What a run did: helpers added, already there, refused (with the reason). */
  public record Outcome(int added, int existing, List<String> refused) {}

  private DemoHelperSeeding() {}

  public static Outcome seed(Database db, Path dataDir, Clock clock) {
    SecretBox box = SecretKeys.load(dataDir);
    AccountStore accounts =
        new AccountStore(
            db,
            box,
            new PasswordHasher(new PasswordHasher.Cost(64, 1, 1)),
            AccountPolicy.defaults(),
            clock);
    HelperProfiles profiles = new HelperProfiles(db, box, ProfileLimits.defaults(), clock);
    SecureRandom random = new SecureRandom();
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
          ProfileUpdate p = profiles.update(s, profile(h));
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
            added++;
          }
        }
      }
    }
    return new Outcome(added, existing, List.copyOf(refused));
  }

  static Profile profile(DemoHelper h) {
    List<Skill> skills = new ArrayList<>();
    for (io.fixfinder.core.helpers.Skill s : h.skills()) {
      skills.add(new Skill(SkillKind.valueOf(s.kind().name()), s.value()));
    }
    skills.sort(java.util.Comparator.comparing(Skill::kind).thenComparing(Skill::value));
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
