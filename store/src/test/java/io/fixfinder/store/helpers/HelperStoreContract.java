package io.fixfinder.store.helpers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.store.StoreException;
import io.fixfinder.store.accounts.AccountsTestBase;
import io.fixfinder.store.accounts.Jdbc;
import io.fixfinder.store.accounts.LinkRequest;
import io.fixfinder.store.accounts.LoginResult;
import io.fixfinder.store.accounts.NewSession;
import io.fixfinder.store.accounts.Registration;
import io.fixfinder.store.accounts.Session;
import io.fixfinder.store.accounts.TokenUse;
import io.fixfinder.store.changes.Change;
import io.fixfinder.store.changes.ChangeFeed;
import io.fixfinder.store.changes.Topic;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What helper profiles, channels, the operator and deletion must do on every engine. */
abstract class HelperStoreContract extends AccountsTestBase {
  static final String ADA_EMAIL = "ada.lovelace@example.org";
  static final String BOB_EMAIL = "bob@example.net";
  static final String ADA_CHANNEL_EMAIL = "ada.contact@example.com";
  static final String ADA_PHONE = "+442079460123"; // Ofcom's range for drama
  static final String ADA_VIDEO = "https://meet.example.org/ada-room-7";
  static final String BOB_PHONE = "+61491570156"; // ACMA's range for fiction

  HelperProfiles profiles;
  HelperDeletion deletion;
  HelperAdmin admin;
  final List<String> othersDeleted = new ArrayList<>();

  @BeforeEach
  void openHelpers() {
    profiles = new HelperProfiles(db, box, ProfileLimits.defaults(), clock);
    deletion = new HelperDeletion(db, List.of((c, id) -> othersDeleted.add(id)));
    admin = new HelperAdmin(db, deletion);
  }

  static Profile adaProfile() {
    return ProfileRulesTest.good();
  }

  Session ada() {
    return verifiedHelper(ADA_EMAIL, "Ada").session();
  }

  Session bob() {
    return verifiedHelper(BOB_EMAIL, "Bob").session();
  }

  static ContactChannels channels(String email, String phone, String video) {
    return new ContactChannels(
        Optional.ofNullable(email), Optional.ofNullable(phone), Optional.ofNullable(video));
  }

  @Test
  void theOwnerReadsBackTheWholeProfileInTheirOrder() {
    Session ada = ada();
    assertThat(profiles.update(ada, adaProfile())).isEqualTo(new ProfileUpdate.Saved(adaProfile()));
    OwnProfile own = profiles.own(ada).orElseThrow();
    assertThat(own.profile()).isEqualTo(adaProfile());
    assertThat(own.loginEmail().value()).isEqualTo(ADA_EMAIL);
    assertThat(own.verified()).isTrue();
    assertThat(own.channels()).isEqualTo(ContactChannels.NONE);

    Profile fewer = ProfileRulesTest.skills(List.of(new Skill(SkillKind.BRAND, "Aqualine")));
    profiles.update(ada, fewer);
    assertThat(profiles.own(ada).orElseThrow().profile().skills())
        .containsExactly(new Skill(SkillKind.BRAND, "Aqualine"));
    assertThat(count("SELECT COUNT(*) FROM helper_skill")).isEqualTo(1);
  }

  @Test
  void newHelpersStartWithAnEmptyProfileInUtc() {
    Profile p = profiles.own(ada()).orElseThrow().profile();
    assertThat(p.displayName()).isEqualTo("Ada");
    assertThat(p.timeZone()).isEqualTo("UTC");
    assertThat(p.skills()).isEmpty();
    assertThat(p.coordinates()).isEmpty();
    assertThat(p.languages()).isEmpty();
  }

  @Test
  void anInvalidProfileChangesNothing() {
    Session ada = ada();
    profiles.update(ada, adaProfile());
    Profile bad =
        new Profile(
            "Eve",
            "",
            List.of("xx"),
            "DE",
            "",
            Optional.of(new Coordinates(95, 0)),
            false,
            "Mars/Base",
            "",
            false,
            List.of());
    assertThat(profiles.update(ada, bad))
        .isInstanceOfSatisfying(
            ProfileUpdate.Invalid.class,
            i ->
                assertThat(i.errors())
                    .extracting(e -> e.field())
                    .containsExactly("languages[0]", "latitude", "timeZone"));
    assertThat(profiles.own(ada).orElseThrow().profile()).isEqualTo(adaProfile());
  }

  @Test
  void sqlAndScriptPayloadsAreStoredVerbatim() {
    Session ada = ada();
    String name = "Robert'); DROP TABLE helper;--";
    String bio =
        "<script>alert('x')</script>\n\"quoted\" 100% _under_ back\\slash ; -- \u00e9\u4e2d";
    String city = "O'Brien\"; DELETE FROM helper_session; --";
    String hours = "mon 18:00-22:00' OR '1'='1";
    Profile p =
        new Profile(
            name,
            bio,
            List.of("en"),
            "IE",
            city,
            Optional.empty(),
            true,
            "Europe/Dublin",
            hours,
            false,
            List.of(new Skill(SkillKind.BRAND, "Black & Decker")));
    assertThat(profiles.update(ada, p)).isInstanceOf(ProfileUpdate.Saved.class);
    assertThat(profiles.own(ada).orElseThrow().profile()).isEqualTo(p);
    assertThat(profiles.publicProfile(ada.helperId()).orElseThrow().profile()).isEqualTo(p);
    assertThat(count("SELECT COUNT(*) FROM helper")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM helper_session")).isEqualTo(1);
    assertThat(profiles.publicProfile("' OR '1'='1")).isEmpty();
  }

  @Test
  void channelsAreTheOwnersOnlyAndNeverInAPublicView() {
    Session ada = ada();
    profiles.update(ada, adaProfile());
    ContactChannels mine = channels(ADA_CHANNEL_EMAIL, ADA_PHONE, ADA_VIDEO);
    assertThat(profiles.setChannels(ada, mine)).isEqualTo(new ChannelUpdate.Saved(mine));
    assertThat(profiles.channels(ada)).isEqualTo(mine);
    assertThat(profiles.own(ada).orElseThrow().channels()).isEqualTo(mine);

    PublicProfile pub = profiles.publicProfile(ada.helperId()).orElseThrow();
    List<MatchCandidate> all = profiles.listable();
    for (String secret : List.of(ADA_CHANNEL_EMAIL, ADA_PHONE, ADA_VIDEO, ADA_EMAIL)) {
      assertThat(pub.toString()).doesNotContain(secret);
      assertThat(all.toString()).doesNotContain(secret);
    }

    ContactChannels fewer = channels(null, ADA_PHONE, null);
    profiles.setChannels(ada, fewer);
    assertThat(profiles.channels(ada)).isEqualTo(fewer);
    assertThat(count("SELECT COUNT(*) FROM helper_channel")).isEqualTo(1);
  }

  @Test
  void invalidChannelsChangeNothing() {
    Session ada = ada();
    ContactChannels mine = channels(ADA_CHANNEL_EMAIL, ADA_PHONE, ADA_VIDEO);
    profiles.setChannels(ada, mine);
    ChannelUpdate r =
        profiles.setChannels(ada, channels("not-an-email", "12345", "http://meet.example.org/x"));
    assertThat(r)
        .isInstanceOfSatisfying(
            ChannelUpdate.Invalid.class,
            i ->
                assertThat(i.errors())
                    .extracting(e -> e.field())
                    .containsExactly("email", "phone", "video"));
    assertThat(profiles.channels(ada)).isEqualTo(mine);
  }

  @Test
  void aHelperActsOnlyOnTheirOwnProfileAndChannels() {
    Session ada = ada();
    Session bob = bob();
    profiles.update(ada, adaProfile());
    profiles.setChannels(ada, channels(ADA_CHANNEL_EMAIL, ADA_PHONE, ADA_VIDEO));
    profiles.setChannels(bob, channels(null, BOB_PHONE, null));

    Profile bobs =
        new Profile(
            "Bob",
            "",
            List.of("en"),
            "AU",
            "Perth",
            Optional.empty(),
            true,
            "Australia/Perth",
            "",
            false,
            List.of());
    profiles.update(bob, bobs);

    assertThat(profiles.own(ada).orElseThrow().profile()).isEqualTo(adaProfile());
    assertThat(profiles.channels(ada).phone()).contains(ADA_PHONE);
    assertThat(profiles.channels(bob)).isEqualTo(channels(null, BOB_PHONE, null));
    assertThat(profiles.own(bob).orElseThrow().loginEmail().value()).isEqualTo(BOB_EMAIL);
    assertThat(profiles.export(bob).orElseThrow().channels())
        .isEqualTo(channels(null, BOB_PHONE, null));
    assertThat(profiles.export(bob).orElseThrow().toString()).doesNotContain(BOB_EMAIL);
    // A session is made only by the account store: Bob holds no value that names Ada's data.
    assertThat(Session.class.getDeclaredConstructors())
        .allSatisfy(
            c -> assertThat(java.lang.reflect.Modifier.isPublic(c.getModifiers())).isFalse());
  }

  @Test
  void aSealedChannelMovedToAnotherHelperDoesNotOpen() {
    Session ada = ada();
    Session bob = bob();
    profiles.setChannels(ada, channels(null, ADA_PHONE, null));
    profiles.setChannels(bob, channels(null, BOB_PHONE, null));
    db.transaction(
        c ->
            Jdbc.update(
                c,
                "UPDATE helper_channel SET sealed = (SELECT sealed FROM helper_channel WHERE helper_id = ?)"
                    + " WHERE helper_id = ?",
                ada.helperId(),
                bob.helperId()));
    assertThatThrownBy(() -> profiles.channels(bob))
        .isInstanceOf(StoreException.class)
        .hasMessageNotContaining(ADA_PHONE);
  }

  @Test
  void noContactDetailIsStoredInPlainText() {
    Session ada = ada();
    Session bob = bob();
    profiles.update(ada, adaProfile());
    profiles.setChannels(ada, channels(ADA_CHANNEL_EMAIL, ADA_PHONE, ADA_VIDEO));
    profiles.setChannels(bob, channels("bob.contact@example.net", BOB_PHONE, null));
    accounts.requestReset(ADA_EMAIL);
    accounts.login(BOB_EMAIL, "wrong passphrase", "192.0.2.44");

    List<String> secrets =
        List.of(
            ADA_EMAIL,
            "ada.lovelace",
            ADA_CHANNEL_EMAIL,
            "ada.contact",
            ADA_PHONE,
            ADA_PHONE.substring(1),
            "meet.example.org",
            "ada-room-7",
            BOB_EMAIL,
            "bob.contact",
            BOB_PHONE,
            BOB_PHONE.substring(1),
            "192.0.2.44");
    List<Cell> cells = allCells();
    assertThat(cells)
        .extracting(Cell::table)
        .contains("helper", "helper_channel", "helper_token", "helper_session", "login_failure");
    for (Cell cell : cells) {
      String v = cell.value().toLowerCase(Locale.ROOT);
      for (String s : secrets) {
        assertThat(v)
            .as(cell.table() + "." + cell.column())
            .doesNotContain(s.toLowerCase(Locale.ROOT));
      }
    }
  }

  @Test
  void theMatcherSnapshotHasListableHelpersWithPausedFlagged() {
    Session ada = ada();
    Session bob = bob();
    accounts.register("carol@example.org", PASSWORD, "Carol"); // unverified
    Session dave = verifiedHelper("dave@example.org", "Dave").session();
    profiles.update(ada, adaProfile());
    Profile paused =
        new Profile(
            "Bob",
            "",
            List.of("en"),
            "AU",
            "Perth",
            Optional.empty(),
            true,
            "Australia/Perth",
            "sun 10:00-12:00",
            true,
            List.of(new Skill(SkillKind.TYPE, "dishwasher"), new Skill(SkillKind.BRAND, "Bosch")));
    profiles.update(bob, paused);
    admin.suspend(dave.helperId());

    List<MatchCandidate> all = profiles.listable();
    assertThat(all)
        .extracting(MatchCandidate::id)
        .containsExactlyInAnyOrder(ada.helperId(), bob.helperId())
        .isSorted();
    MatchCandidate a =
        all.stream().filter(m -> m.id().equals(ada.helperId())).findFirst().orElseThrow();
    Profile p = adaProfile();
    assertThat(a)
        .isEqualTo(
            new MatchCandidate(
                ada.helperId(),
                "Ada",
                p.skills(),
                p.languages(),
                "DE",
                "Berlin",
                p.coordinates(),
                true,
                ZoneId.of("Europe/Berlin"),
                p.weeklyHours(),
                false));
    MatchCandidate b =
        all.stream().filter(m -> m.id().equals(bob.helperId())).findFirst().orElseThrow();
    assertThat(b.paused()).isTrue();
    assertThat(b.skills())
        .containsExactly(
            new Skill(SkillKind.TYPE, "dishwasher"), new Skill(SkillKind.BRAND, "Bosch"));
    assertThat(b.zone()).isEqualTo(ZoneId.of("Australia/Perth"));

    assertThat(profiles.publicProfile(bob.helperId()))
        .as("a paused helper's page says so")
        .isPresent();
    assertThat(profiles.publicProfile(dave.helperId())).isEmpty();
  }

  @Test
  void unverifiedHelpersHaveNoPublicPage() {
    var created =
        (Registration.NewAccount) accounts.register("carol@example.org", PASSWORD, "Carol");
    assertThat(profiles.publicProfile(created.helperId())).isEmpty();
    assertThat(profiles.publicProfile("no-such-helper")).isEmpty();
    assertThat(admin.list())
        .extracting(HelperSummary::status)
        .containsExactly(HelperStatus.UNVERIFIED);
  }

  @Test
  void theMailAddressIsOnlyForListedHelpers() {
    Session ada = ada();
    assertThat(accounts.mailAddressOfListed(ada.helperId()))
        .map(io.fixfinder.store.accounts.EmailAddress::value)
        .hasValue(ADA_EMAIL);
    Registration.NewAccount unverified =
        (Registration.NewAccount) accounts.register(BOB_EMAIL, PASSWORD, "Bob");
    assertThat(accounts.mailAddressOfListed(unverified.helperId())).isEmpty();
    admin.suspend(ada.helperId());
    assertThat(accounts.mailAddressOfListed(ada.helperId())).isEmpty();
    assertThat(accounts.mailAddressOfListed("no-such-helper")).isEmpty();
    assertThat(accounts.mailAddressOfListed("")).isEmpty();
    assertThat(accounts.mailAddressOfListed(null)).isEmpty();
  }

  @Test
  void theOperatorListsSuspendsAndUnsuspends() {
    Session ada = ada();
    clock.advance(java.time.Duration.ofMinutes(1));
    Session bob = bob();
    profiles.setChannels(ada, channels(ADA_CHANNEL_EMAIL, ADA_PHONE, null));
    List<HelperSummary> list = admin.list();
    assertThat(list).extracting(HelperSummary::id).containsExactly(ada.helperId(), bob.helperId());
    assertThat(list.get(0).status()).isEqualTo(HelperStatus.ACTIVE);
    assertThat(list.get(0).displayName()).isEqualTo("Ada");
    assertThat(list.toString()).doesNotContain(ADA_EMAIL).doesNotContain(ADA_PHONE);

    assertThat(admin.suspend(ada.helperId())).isTrue();
    assertThat(admin.suspend("no-such-helper")).isFalse();
    assertThat(admin.list().get(0).status()).isEqualTo(HelperStatus.SUSPENDED);
    assertThat(count("SELECT COUNT(*) FROM helper_session WHERE helper_id = ?", ada.helperId()))
        .isZero();
    assertThat(accounts.login(ADA_EMAIL, PASSWORD, "192.0.2.1"))
        .isEqualTo(new LoginResult.Suspended());
    assertThat(accounts.requestReset(ADA_EMAIL)).isEqualTo(new LinkRequest.NotIssued());
    assertThat(profiles.publicProfile(ada.helperId())).isEmpty();
    assertThat(profiles.listable()).extracting(MatchCandidate::id).containsExactly(bob.helperId());

    assertThat(admin.unsuspend(ada.helperId())).isTrue();
    assertThat(accounts.login(ADA_EMAIL, PASSWORD, "192.0.2.1"))
        .isInstanceOf(LoginResult.LoggedIn.class);
    assertThat(profiles.publicProfile(ada.helperId())).isPresent();
  }

  @Test
  void anExportHoldsEverythingDecryptedForTheOwner() {
    Session ada = ada();
    loggedIn(ADA_EMAIL); // a second device
    profiles.update(ada, adaProfile());
    ContactChannels mine = channels(ADA_CHANNEL_EMAIL, ADA_PHONE, ADA_VIDEO);
    profiles.setChannels(ada, mine);
    HelperExport export = profiles.export(ada).orElseThrow();
    assertThat(export.id()).isEqualTo(ada.helperId());
    assertThat(export.loginEmail()).isEqualTo(ADA_EMAIL);
    assertThat(export.status()).isEqualTo(HelperStatus.ACTIVE);
    assertThat(export.profile()).isEqualTo(adaProfile());
    assertThat(export.channels()).isEqualTo(mine);
    assertThat(export.sessions()).hasSize(2);
  }

  @Test
  void deletingAnAccountLeavesNoRowWithItsPersonalData() {
    Session ada = ada();
    NewSession adaLaptop = loggedIn(ADA_EMAIL);
    Session bob = bob();
    Profile p = adaProfile();
    profiles.update(ada, p);
    profiles.setChannels(ada, channels(ADA_CHANNEL_EMAIL, ADA_PHONE, ADA_VIDEO));
    profiles.setChannels(bob, channels(null, BOB_PHONE, null));
    accounts.requestReset(ADA_EMAIL);
    accounts.login(ADA_EMAIL, "wrong passphrase", "192.0.2.44");
    String adaIndex =
        db.read(
            c ->
                Jdbc.one(
                        c,
                        "SELECT email_index FROM helper WHERE id = ?",
                        rs -> rs.getString(1),
                        ada.helperId())
                    .orElseThrow());
    assertThat(count("SELECT COUNT(*) FROM login_failure WHERE subject = ?", adaIndex))
        .isEqualTo(1);

    assertThat(deletion.deleteOwn(ada)).isTrue();
    assertThat(othersDeleted).containsExactly(ada.helperId());

    for (Cell cell : allCells()) {
      assertThat(cell.value())
          .as(cell.table() + "." + cell.column())
          .doesNotContain(ada.helperId())
          .doesNotContain(adaIndex)
          .doesNotContain(p.displayName() + "")
          .doesNotContain(p.bio())
          .doesNotContain("iss-0a1b2c3d4e5f");
    }
    assertThat(accounts.session(adaLaptop.token())).isEmpty();
    assertThat(profiles.own(ada)).isEmpty();
    assertThat(profiles.export(ada)).isEmpty();
    assertThat(deletion.deleteOwn(ada)).isFalse();
    // Bob is untouched.
    assertThat(profiles.channels(bob).phone()).contains(BOB_PHONE);
    assertThat(count("SELECT COUNT(*) FROM helper_session WHERE helper_id = ?", bob.helperId()))
        .isEqualTo(1);
    // The address is free again.
    assertThat(accounts.register(ADA_EMAIL, PASSWORD, "Ada again"))
        .isInstanceOf(Registration.NewAccount.class);
  }

  @Test
  void aFailingDataOwnerDeletesNothing() {
    Session ada = ada();
    HelperDeletion failing =
        new HelperDeletion(
            db,
            List.of(
                (c, id) -> {
                  throw new java.sql.SQLException("the request store is down");
                }));
    assertThatThrownBy(() -> failing.delete(ada.helperId())).isInstanceOf(StoreException.class);
    assertThat(profiles.own(ada)).isPresent();
    assertThat(admin.delete(ada.helperId())).isTrue();
    assertThat(count("SELECT COUNT(*) FROM helper")).isZero();
  }

  /**
   * The helper changes another process (a second handle) reads from the feed, as their subjects:
   * always empty, so no row of the feed names a helper.
   */
  static List<String> helperChanges(ChangeFeed.Cursor cursor) {
    ChangeFeed.Polled polled = cursor.poll();
    assertThat(polled).isInstanceOf(ChangeFeed.Polled.Changes.class);
    return ((ChangeFeed.Polled.Changes) polled)
        .changes().stream().filter(c -> c.topic() == Topic.HELPER).map(Change::subject).toList();
  }

  @Test
  void everyChangeToWhoIsOfferedIsOnTheFeedOfAnotherProcess() {
    try (io.fixfinder.store.Database elsewhere = io.fixfinder.store.Database.open(url)) {
      ChangeFeed.Cursor cursor = new ChangeFeed(elsewhere).fromNow();
      var created = (Registration.NewAccount) accounts.register(ADA_EMAIL, PASSWORD, "Ada");
      String id = created.helperId();
      assertThat(helperChanges(cursor)).as("unverified: not listable, nothing to say").isEmpty();
      accounts.verifyEmail(created.verificationToken());
      assertThat(helperChanges(cursor)).as("verified").containsExactly("");

      Session ada = loggedIn(ADA_EMAIL).session();
      profiles.update(ada, adaProfile());
      assertThat(helperChanges(cursor)).as("profile saved").containsExactly("");
      Profile bad = ProfileRulesTest.skills(List.of());
      bad =
          new Profile(
              "",
              bad.bio(),
              bad.languages(),
              bad.country(),
              bad.city(),
              bad.coordinates(),
              bad.remote(),
              bad.timeZone(),
              bad.weeklyHours(),
              bad.paused(),
              bad.skills());
      assertThat(profiles.update(ada, bad)).isInstanceOf(ProfileUpdate.Invalid.class);
      profiles.setChannels(ada, channels(ADA_CHANNEL_EMAIL, null, null));
      assertThat(helperChanges(cursor))
          .as("a refused profile and the channels (never offered) change nothing offered")
          .isEmpty();

      assertThat(admin.suspend(id)).isTrue();
      assertThat(admin.unsuspend(id)).isTrue();
      assertThat(admin.suspend("h_nobody")).isFalse();
      assertThat(helperChanges(cursor)).as("suspended, unsuspended").containsExactly("", "");

      var reset = (LinkRequest.Issued) accounts.requestReset(ADA_EMAIL);
      assertThat(accounts.completeReset(reset.token(), "a brand new passphrase"))
          .isEqualTo(new TokenUse.Done(id));
      assertThat(helperChanges(cursor)).as("a reset verifies the account").containsExactly("");

      assertThat(admin.delete(id)).isTrue();
      assertThat(admin.delete(id)).isFalse();
      assertThat(helperChanges(cursor)).as("deleted, once").containsExactly("");
    }
  }

  @Test
  void aDeletionThatFailsLeavesNothingOnTheFeed() {
    String id = ada().helperId();
    try (io.fixfinder.store.Database elsewhere = io.fixfinder.store.Database.open(url)) {
      ChangeFeed.Cursor cursor = new ChangeFeed(elsewhere).fromNow();
      HelperAdmin failing =
          new HelperAdmin(
              db,
              new HelperDeletion(
                  db,
                  List.of(
                      (c, helper) -> {
                        throw new java.sql.SQLException("the contact data cannot be deleted");
                      })));
      assertThatThrownBy(() -> failing.delete(id)).isInstanceOf(StoreException.class);
      assertThat(admin.exists(id)).isTrue();
      assertThat(helperChanges(cursor)).isEmpty();
    }
  }
}
