package io.fixfinder.store.helpers;

import io.fixfinder.store.Database;
import io.fixfinder.store.accounts.EmailAddress;
import io.fixfinder.store.accounts.FieldError;
import io.fixfinder.store.accounts.HelperSecrets;
import io.fixfinder.store.accounts.Jdbc;
import io.fixfinder.store.accounts.Session;
import io.fixfinder.store.changes.ChangeFeed;
import io.fixfinder.store.changes.Topic;
import io.fixfinder.store.crypto.SecretBox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Helpers' profiles and contact channels. Every owner operation takes the {@link Session} of the
 * helper who acts, and acts on that helper only: there is no way to name another helper's private
 * data. The public reads ({@link #publicProfile}, {@link #listable}) never carry a channel.
 *
 * <p>Channels are stored sealed, each under {@code helper.channel:<kind>:<helper id>}: a stolen
 * database reveals none, and a sealed value copied to another helper's row does not open.
 */
public final class HelperProfiles {
  private static final List<String> CHANNEL_KINDS = List.of("email", "phone", "video");
  private static final String LISTABLE = "h.verified = ? AND h.suspended = ?";

  private final Database db;
  private final SecretBox box;
  private final ProfileLimits limits;
  private final Clock clock;

  public HelperProfiles(Database db, SecretBox box, ProfileLimits limits, Clock clock) {
    this.db = db;
    this.box = box;
    this.limits = limits;
    this.clock = clock;
  }

  public ProfileLimits limits() {
    return limits;
  }

  /** The acting helper's own view: profile, login address and channels (empty if deleted). */
  public Optional<OwnProfile> own(Session session) {
    String id = session.helperId();
    return db.read(
        c -> {
          record Head(
              Profile profile,
              String emailSealed,
              boolean verified,
              boolean suspended,
              long created) {}
          List<Skill> skills = HelperRows.skills(c, id);
          Optional<Head> head =
              Jdbc.one(
                  c,
                  "SELECT "
                      + HelperRows.PROFILE_COLUMNS
                      + ", email_sealed, verified, suspended, created_at_ms FROM helper WHERE id = ?",
                  rs ->
                      new Head(
                          HelperRows.profile(rs, skills),
                          rs.getString("email_sealed"),
                          rs.getBoolean("verified"),
                          rs.getBoolean("suspended"),
                          rs.getLong("created_at_ms")),
                  id);
          if (head.isEmpty()) return Optional.empty();
          Head h = head.get();
          return Optional.of(
              new OwnProfile(
                  id,
                  new EmailAddress(box.open(h.emailSealed(), HelperSecrets.emailContext(id))),
                  h.verified(),
                  h.suspended(),
                  Instant.ofEpochMilli(h.created()),
                  h.profile(),
                  channels(c, id)));
        });
  }

  /**
   * Replaces the acting helper's whole profile (skills included) with {@code profile}, normalised;
   * refused unchanged when any field is invalid.
   */
  public ProfileUpdate update(Session session, Profile profile) {
    Profile p = ProfileRules.normalise(profile);
    List<FieldError> errors = ProfileRules.check(p, limits);
    if (!errors.isEmpty()) return new ProfileUpdate.Invalid(errors);
    String id = session.helperId();
    long now = clock.millis();
    return db.transaction(
        c -> {
          int updated =
              Jdbc.update(
                  c,
                  "UPDATE helper SET display_name = ?, bio = ?, languages = ?, country = ?,"
                      + " city = ?, latitude = ?, longitude = ?, remote = ?, time_zone = ?,"
                      + " weekly_hours = ?, paused = ?, updated_at_ms = ? WHERE id = ?",
                  p.displayName(),
                  p.bio(),
                  String.join(",", p.languages()),
                  p.country(),
                  p.city(),
                  p.coordinates().map(Coordinates::latitude).orElse(null),
                  p.coordinates().map(Coordinates::longitude).orElse(null),
                  p.remote(),
                  p.timeZone(),
                  p.weeklyHours(),
                  p.paused(),
                  now,
                  id);
          if (updated == 0) return gone();
          HelperRows.writeSkills(c, id, p.skills());
          // skills, place, hours and pause decide who searches offer: every server re-reads
          ChangeFeed.append(c, Topic.HELPER, "", clock);
          return new ProfileUpdate.Saved(p);
        });
  }

  /** The acting helper's contact channels, decrypted. */
  public ContactChannels channels(Session session) {
    return db.read(c -> channels(c, session.helperId()));
  }

  /**
   * Replaces the acting helper's contact channels (an empty one is removed), normalised; refused
   * unchanged when any is invalid.
   */
  public ChannelUpdate setChannels(Session session, ContactChannels channels) {
    ContactChannels ch = ProfileRules.normalise(channels);
    List<FieldError> errors = ProfileRules.check(ch);
    if (!errors.isEmpty()) return new ChannelUpdate.Invalid(errors);
    String id = session.helperId();
    return db.transaction(
        c -> {
          if (Jdbc.one(c, "SELECT id FROM helper WHERE id = ?", rs -> rs.getString(1), id)
              .isEmpty()) {
            return new ChannelUpdate.Invalid(
                List.of(new FieldError("session", "the account no longer exists")));
          }
          for (String kind : CHANNEL_KINDS) {
            Optional<String> value = ch.of(kind);
            if (value.isEmpty()) {
              Jdbc.update(
                  c, "DELETE FROM helper_channel WHERE helper_id = ? AND kind = ?", id, kind);
            } else {
              Jdbc.update(
                  c,
                  "INSERT INTO helper_channel (helper_id, kind, sealed) VALUES (?, ?, ?)"
                      + " ON CONFLICT (helper_id, kind) DO UPDATE SET sealed = excluded.sealed",
                  id,
                  kind,
                  box.seal(value.get(), HelperSecrets.channelContext(kind, id)));
            }
          }
          Jdbc.update(c, "UPDATE helper SET updated_at_ms = ? WHERE id = ?", clock.millis(), id);
          return new ChannelUpdate.Saved(ch);
        });
  }

  /**
   * The public profile of a listable helper (verified, not suspended; a paused one too, so that
   * their page says they are away). Empty for anyone else: an unverified or suspended helper's page
   * does not exist.
   */
  public Optional<PublicProfile> publicProfile(String helperId) {
    if (helperId == null || helperId.length() > 32) return Optional.empty();
    return db.read(
        c -> {
          List<Skill> skills = HelperRows.skills(c, helperId);
          return Jdbc.one(
              c,
              "SELECT "
                  + HelperRows.PROFILE_COLUMNS
                  + ", created_at_ms FROM helper h WHERE h.id = ? AND "
                  + LISTABLE,
              rs ->
                  new PublicProfile(
                      helperId,
                      HelperRows.profile(rs, skills),
                      Instant.ofEpochMilli(rs.getLong("created_at_ms"))),
              helperId,
              true,
              false);
        });
  }

  /**
   * Every listable helper (verified and not suspended), paused ones included with their flag, in a
   * compact form for the in-memory matcher; ordered by id. Two queries, whatever the number.
   */
  public List<MatchCandidate> listable() {
    return db.read(
        c -> {
          Map<String, List<Skill>> skills = HelperRows.allSkills(c, LISTABLE, true, false);
          // A few hundred distinct zones among thousands of helpers: resolve each once.
          Map<String, ZoneId> zones = new java.util.HashMap<>();
          return Jdbc.list(
              c,
              "SELECT h.id, "
                  + HelperRows.PROFILE_COLUMNS
                  + " FROM helper h WHERE "
                  + LISTABLE
                  + " ORDER BY h.id",
              rs -> {
                String id = rs.getString("id");
                Profile p = HelperRows.profile(rs, skills.getOrDefault(id, List.of()));
                return new MatchCandidate(
                    id,
                    p.displayName(),
                    p.skills(),
                    p.languages(),
                    p.country(),
                    p.city(),
                    p.coordinates(),
                    p.remote(),
                    zones.computeIfAbsent(p.timeZone(), HelperProfiles::zone),
                    p.weeklyHours(),
                    p.paused());
              },
              true,
              false);
        });
  }

  /**
   * Everything held about the acting helper, decrypted, for them to take away (empty if deleted).
   */
  public Optional<HelperExport> export(Session session) {
    Optional<OwnProfile> own = own(session);
    if (own.isEmpty()) return Optional.empty();
    OwnProfile o = own.get();
    return db.read(
        c -> {
          long updated =
              Jdbc.one(
                      c,
                      "SELECT updated_at_ms FROM helper WHERE id = ?",
                      rs -> rs.getLong(1),
                      o.id())
                  .orElse(o.created().toEpochMilli());
          List<HelperExport.SessionInfo> sessions =
              Jdbc.list(
                  c,
                  "SELECT created_at_ms, last_seen_at_ms, expires_at_ms FROM helper_session"
                      + " WHERE helper_id = ? ORDER BY created_at_ms",
                  rs ->
                      new HelperExport.SessionInfo(
                          Instant.ofEpochMilli(rs.getLong(1)),
                          Instant.ofEpochMilli(rs.getLong(2)),
                          Instant.ofEpochMilli(rs.getLong(3))),
                  o.id());
          return Optional.of(
              new HelperExport(
                  o.id(),
                  o.loginEmail().value(),
                  HelperStatus.of(o.verified(), o.suspended()),
                  o.created(),
                  Instant.ofEpochMilli(updated),
                  o.profile(),
                  o.channels(),
                  sessions));
        });
  }

  private ContactChannels channels(Connection c, String id) throws SQLException {
    Map<String, String> sealed =
        Jdbc.list(
                c,
                "SELECT kind, sealed FROM helper_channel WHERE helper_id = ?",
                rs -> Map.entry(rs.getString(1), rs.getString(2)),
                id)
            .stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    return new ContactChannels(
        open(sealed, "email", id), open(sealed, "phone", id), open(sealed, "video", id));
  }

  private Optional<String> open(Map<String, String> sealed, String kind, String id) {
    return Optional.ofNullable(sealed.get(kind))
        .map(s -> box.open(s, HelperSecrets.channelContext(kind, id)));
  }

  private static ProfileUpdate gone() {
    return new ProfileUpdate.Invalid(
        List.of(new FieldError("session", "the account no longer exists")));
  }

  /** A stored zone that this JDK no longer knows (zones are renamed rarely) falls back to UTC. */
  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (java.time.DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }
}
