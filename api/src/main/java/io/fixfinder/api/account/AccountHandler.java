package io.fixfinder.api.account;

import io.fixfinder.api.problem.ApiException;
import io.fixfinder.store.accounts.FieldError;
import io.fixfinder.store.accounts.Session;
import io.fixfinder.store.helpers.ContactChannels;
import io.fixfinder.store.helpers.Coordinates;
import io.fixfinder.store.helpers.OwnProfile;
import io.fixfinder.store.helpers.Profile;
import io.fixfinder.store.helpers.Skill;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/account/...}: the helper's account as JSON. Requests made with the session cookie
 * that change anything carry the CSRF token ({@code X-CSRF-Token}, from {@code GET
 * /api/account/session} or the login answer). Only {@code /channels} and {@code /export} answer
 * with contact details, and only the signed-in helper's own.
 */
public final class AccountHandler {
  private final Optional<AccountService> service;

  /**
   * @param service empty when the server runs without the people side: every endpoint is 404
   */
  public AccountHandler(Optional<AccountService> service) {
    this.service = service;
  }

  private AccountService s() {
    return service.orElseThrow(AccountHandler::notServed);
  }

  static ApiException notServed() {
    return ApiException.notFound("Helper accounts are not served by this server");
  }

  /** What every account answer that is not an error says. */
  public record Status(String status, String message) {}

  /** The signed-in session as a script needs it. */
  public record SessionView(
      String helperId, String csrfToken, boolean verified, Instant expiresAt) {
    static SessionView of(Session s) {
      return new SessionView(s.helperId(), s.csrfSecret(), s.verified(), s.expiresAt());
    }
  }

  /** A skill on the wire. */
  public record SkillView(String kind, String value) {}

  /** The own profile without the login address or channels (those have their own endpoints). */
  public record ProfileView(
      String helperId,
      boolean verified,
      String displayName,
      String bio,
      List<SkillView> skills,
      List<String> languages,
      String country,
      String city,
      Double latitude,
      Double longitude,
      boolean remote,
      String timeZone,
      String weeklyHours,
      boolean paused) {
    static ProfileView of(String id, boolean verified, Profile p) {
      return new ProfileView(
          id,
          verified,
          p.displayName(),
          p.bio(),
          p.skills().stream().map(s -> new SkillView(s.kind().wire(), s.value())).toList(),
          p.languages(),
          p.country(),
          p.city(),
          p.coordinates().map(Coordinates::latitude).orElse(null),
          p.coordinates().map(Coordinates::longitude).orElse(null),
          p.remote(),
          p.timeZone(),
          p.weeklyHours(),
          p.paused());
    }
  }

  /** The owner's contact channels; a missing one is null. */
  public record ChannelsView(String email, String phone, String video) {
    static ChannelsView of(ContactChannels c) {
      return new ChannelsView(
          c.email().orElse(null), c.phone().orElse(null), c.video().orElse(null));
    }
  }

  private static final String CHECK_MAIL =
      "If the address can be used, a mail is on its way to it: follow its link.";

  public void register(Context ctx) {
    JsonBody b = JsonBody.read(ctx, Set.of("email", "password", "displayName", "website"));
    s().register(
            ctx,
            b.optText("email").orElse(""),
            b.optText("password").orElse(""),
            b.optText("displayName").orElse(""),
            b.optText("website").orElse(""));
    ctx.status(202).json(new Status("check-your-mail", CHECK_MAIL));
  }

  public void verify(Context ctx) {
    JsonBody b = JsonBody.read(ctx, Set.of("token"));
    s().verify(b.text("token"));
    ctx.json(new Status("verified", "Your address is confirmed; you can sign in."));
  }

  public void resend(Context ctx) {
    JsonBody b = JsonBody.read(ctx, Set.of("email"));
    s().resendVerification(ctx, b.text("email"));
    ctx.status(202).json(new Status("check-your-mail", CHECK_MAIL));
  }

  public void login(Context ctx) {
    JsonBody b = JsonBody.read(ctx, Set.of("email", "password"));
    Session session =
        s().login(ctx, b.optText("email").orElse(""), b.optText("password").orElse(""));
    noStore(ctx).json(SessionView.of(session));
  }

  public void session(Context ctx) {
    noStore(ctx).json(SessionView.of(s().auth().require(ctx)));
  }

  public void logout(Context ctx) {
    AccountService svc = s();
    Optional<Session> session = svc.auth().current(ctx);
    if (session.isPresent()) svc.auth().requireCsrf(ctx, session.get());
    svc.logout(ctx);
    ctx.status(204);
  }

  public void requestReset(Context ctx) {
    JsonBody b = JsonBody.read(ctx, Set.of("email"));
    s().requestReset(ctx, b.text("email"));
    ctx.status(202).json(new Status("check-your-mail", CHECK_MAIL));
  }

  public void completeReset(Context ctx) {
    JsonBody b = JsonBody.read(ctx, Set.of("token", "password"));
    s().completeReset(b.text("token"), b.optText("password").orElse(""));
    ctx.json(new Status("password-changed", "Your password is changed; sign in with it."));
  }

  public void changePassword(Context ctx) {
    Session session = owner(ctx);
    JsonBody b = JsonBody.read(ctx, Set.of("current", "password"));
    Session fresh =
        s().changePassword(
                ctx, session, b.optText("current").orElse(""), b.optText("password").orElse(""));
    noStore(ctx).json(SessionView.of(fresh));
  }

  public void profile(Context ctx) {
    Session session = s().auth().require(ctx);
    OwnProfile own = s().own(session);
    noStore(ctx).json(ProfileView.of(own.id(), own.verified(), own.profile()));
  }

  /** Replaces the fields given; a field left out keeps its value. */
  public void updateProfile(Context ctx) {
    Session session = owner(ctx);
    JsonBody b =
        JsonBody.read(
            ctx,
            Set.of(
                "displayName",
                "bio",
                "skills",
                "languages",
                "country",
                "city",
                "latitude",
                "longitude",
                "remote",
                "timeZone",
                "weeklyHours",
                "paused"));
    OwnProfile own = s().own(session);
    List<FieldError> errors = new ArrayList<>();
    Optional<List<Skill>> skills =
        b.optPairs("skills", "kind", "value")
            .map(
                pairs -> {
                  List<Skill> out = new ArrayList<>();
                  for (int i = 0; i < pairs.size(); i++) {
                    ProfileInput.skill(
                            pairs.get(i)[0], pairs.get(i)[1], "skills[" + i + "]", errors)
                        .ifPresent(out::add);
                  }
                  return out;
                });
    // Both numbers set the point, both null remove it, left out keeps it.
    Optional<Optional<Coordinates>> coordinates = Optional.empty();
    if (b.present("latitude") || b.present("longitude")) {
      Optional<Double> lat = b.optNumber("latitude");
      Optional<Double> lon = b.optNumber("longitude");
      if (lat.isPresent() && lon.isPresent()) {
        coordinates = Optional.of(Optional.of(new Coordinates(lat.get(), lon.get())));
      } else if (lat.isEmpty() && lon.isEmpty()) {
        coordinates = Optional.of(Optional.empty());
      } else {
        errors.add(
            new FieldError(
                lat.isEmpty() ? "latitude" : "longitude", "give both coordinates or none"));
      }
    }
    if (!errors.isEmpty()) throw new InvalidInput(errors);
    Profile next =
        ProfileInput.with(
            own.profile(),
            b.optText("displayName"),
            b.optText("bio"),
            b.optStrings("languages"),
            b.optText("country"),
            b.optText("city"),
            coordinates,
            b.optBool("remote"),
            b.optText("timeZone"),
            b.optText("weeklyHours"),
            b.optBool("paused"),
            skills);
    Profile saved = s().updateProfile(session, next);
    noStore(ctx).json(ProfileView.of(own.id(), own.verified(), saved));
  }

  public void channels(Context ctx) {
    Session session = s().auth().require(ctx);
    noStore(ctx).json(ChannelsView.of(s().channels(session)));
  }

  /** Replaces all three channels: one left out or empty is removed. */
  public void setChannels(Context ctx) {
    Session session = owner(ctx);
    JsonBody b = JsonBody.read(ctx, Set.of("email", "phone", "video"));
    String country = s().own(session).profile().country();
    ContactChannels saved =
        s().setChannels(
                session,
                b.optText("email").orElse(""),
                b.optText("phone").orElse(""),
                b.optText("video").orElse(""),
                country);
    noStore(ctx).json(ChannelsView.of(saved));
  }

  public void export(Context ctx) {
    Session session = s().auth().require(ctx);
    noStore(ctx)
        .header("Content-Disposition", "attachment; filename=\"fixfinder-helper-data.json\"")
        .json(s().export(session));
  }

  public void delete(Context ctx) {
    Session session = owner(ctx);
    JsonBody b = JsonBody.read(ctx, Set.of("password"));
    s().delete(ctx, session, b.optText("password").orElse(""));
    ctx.status(204);
  }

  /** The signed-in helper, for a request that changes something: CSRF checked. */
  private Session owner(Context ctx) {
    Session session = s().auth().require(ctx);
    s().auth().requireCsrf(ctx, session);
    return session;
  }

  /** Answers about one person are never cached by a browser or a proxy. */
  static Context noStore(Context ctx) {
    return ctx.header("Cache-Control", "no-store");
  }
}
