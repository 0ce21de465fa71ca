package io.fixfinder.api.account;

import io.fixfinder.api.people.People;
import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.protect.ClientKey;
import io.fixfinder.api.protect.RateLimiter;
import io.fixfinder.core.helpers.contact.EmailAddresses;
import io.fixfinder.core.helpers.contact.InvalidContactException;
import io.fixfinder.core.helpers.contact.PhoneNumbers;
import io.fixfinder.core.helpers.contact.VideoCallLinks;
import io.fixfinder.core.helpers.schedule.WeeklyHours;
import io.fixfinder.core.helpers.schedule.WeeklyHoursException;
import io.fixfinder.store.accounts.EmailAddress;
import io.fixfinder.store.accounts.FieldError;
import io.fixfinder.store.accounts.LinkRequest;
import io.fixfinder.store.accounts.LoginResult;
import io.fixfinder.store.accounts.NewSession;
import io.fixfinder.store.accounts.PasswordChange;
import io.fixfinder.store.accounts.Registration;
import io.fixfinder.store.accounts.Session;
import io.fixfinder.store.accounts.TokenUse;
import io.fixfinder.store.helpers.ChannelUpdate;
import io.fixfinder.store.helpers.ContactChannels;
import io.fixfinder.store.helpers.HelperExport;
import io.fixfinder.store.helpers.OwnProfile;
import io.fixfinder.store.helpers.Profile;
import io.fixfinder.store.helpers.ProfileRules;
import io.fixfinder.store.helpers.ProfileUpdate;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The account flows both the JSON API and the pages run: each takes the request (for the client's
 * address, the cookie and the mail links) and what was typed, and either returns or throws an
 * {@link ApiException} ({@link InvalidInput} for fields). The JSON and page handlers only read
 * input and write output.
 */
public final class AccountService {
  /**
   * Mail-sending requests (register, resend, reset) per client: a form cannot become a spam gun.
   */
  static final int MAILS_PER_MINUTE = 2;

  static final int MAIL_BURST = 5;

  private final People people;
  private final SkillVocabulary vocabulary;
  private final HelperAuth auth;
  private final ClientKey clients;
  private final RateLimiter mailLimiter;
  private final AccountMails mails;

  public AccountService(
      People people,
      HelperAuth auth,
      ClientKey clients,
      RateLimiter limiter,
      SkillVocabulary vocabulary) {
    this.people = people;
    this.vocabulary = vocabulary;
    this.auth = auth;
    this.clients = clients;
    this.mailLimiter = limiter;
    this.mails = new AccountMails(people.mailer(), people.linkBase());
  }

  /** The limiter for mail-sending requests, as the composition root sizes it. */
  public static RateLimiter mailLimiter() {
    return new RateLimiter(MAILS_PER_MINUTE, MAIL_BURST, 4L * 1024 * 1024, System::nanoTime);
  }

  public HelperAuth auth() {
    return auth;
  }

  People people() {
    return people;
  }

  /**
   * Registers, or mails the owner of an existing account a note: both answer alike. A filled
   * honeypot field is a bot; it gets the same answer and nothing happens.
   */
  public void register(
      Context ctx, String email, String password, String displayName, String honeypot) {
    limitMail(ctx);
    if (honeypot != null && !honeypot.isEmpty()) return;
    Registration r = people.accounts().register(email, password, displayName);
    switch (r) {
      case Registration.Invalid invalid -> throw new InvalidInput(invalid.errors());
      case Registration.NewAccount created ->
          mails.verification(ctx, normalised(email), created.verificationToken());
      case Registration.ExistingAccount existing -> {
        // Registering again is how people who lost the first mail try again: an unconfirmed
        // account gets a fresh link, a confirmed one a note with the way to sign in.
        if (!existing.verified()
            && people.accounts().resendVerification(email) instanceof LinkRequest.Issued issued) {
          mails.verification(ctx, issued.to().value(), issued.token());
        } else {
          mails.alreadyRegistered(ctx, normalised(email));
        }
      }
    }
  }

  /** Verifies the account of a mailed link. */
  public void verify(String token) {
    if (people.accounts().verifyEmail(token) instanceof TokenUse.Done) return;
    throw invalidLink();
  }

  /** Mails a new verification link if one is due; the answer is the same either way. */
  public void resendVerification(Context ctx, String email) {
    limitMail(ctx);
    if (people.accounts().resendVerification(email) instanceof LinkRequest.Issued issued) {
      mails.verification(ctx, issued.to().value(), issued.token());
    }
  }

  /** Mails a reset link if the account exists; the answer is the same either way. */
  public void requestReset(Context ctx, String email) {
    limitMail(ctx);
    if (people.accounts().requestReset(email) instanceof LinkRequest.Issued issued) {
      mails.reset(ctx, issued.to().value(), issued.token());
    }
  }

  /** Sets a new password through a reset link; the helper signs in afresh after. */
  public void completeReset(String token, String password) {
    switch (people.accounts().completeReset(token, password)) {
      case TokenUse.Done done -> {}
      case TokenUse.InvalidToken bad -> throw invalidLink();
      case TokenUse.Invalid invalid -> throw new InvalidInput(invalid.errors());
    }
  }

  /** Signs in and sets the cookie. */
  public Session login(Context ctx, String email, String password) {
    auth.requireSameOrigin(ctx);
    LoginResult result = people.accounts().login(email, password, clients.of(ctx));
    return switch (result) {
      case LoginResult.LoggedIn in -> {
        auth.startSession(ctx, in.session());
        yield in.session().session();
      }
      case LoginResult.BadCredentials bad ->
          throw new ApiException(
              401,
              "bad-credentials",
              "Unauthorized",
              "That email address and password do not match an account");
      case LoginResult.Throttled t ->
          throw new ApiException(
                  429,
                  "login-throttled",
                  "Too many requests",
                  "Too many failed sign-ins; try again in " + t.retryAfterSeconds() + " s")
              .withHeader("Retry-After", Long.toString(t.retryAfterSeconds()));
      case LoginResult.Suspended s ->
          throw new ApiException(
              403, "account-suspended", "Forbidden", "This account is suspended by the operator");
    };
  }

  /** Changes the password; the new session replaces the caller's (every other one ended). */
  public Session changePassword(Context ctx, Session session, String current, String password) {
    PasswordChange change = people.accounts().changePassword(session, current, password);
    return switch (change) {
      case PasswordChange.Changed c -> {
        NewSession fresh = c.session();
        auth.startSession(ctx, fresh);
        yield fresh.session();
      }
      case PasswordChange.WrongPassword w ->
          throw InvalidInput.of("current", "the current password is not right");
      case PasswordChange.Invalid i -> throw new InvalidInput(i.errors());
    };
  }

  public OwnProfile own(Session session) {
    return people.profiles().own(session).orElseThrow(HelperAuth::notSignedIn);
  }

  /**
   * Replaces the profile. Weekly hours are checked with {@link WeeklyHours#parse} and stored in
   * their canonical form, so the matcher reads what the editor accepted.
   */
  public Profile updateProfile(Session session, Profile profile) {
    List<FieldError> errors = problems(profile);
    if (!errors.isEmpty()) throw new InvalidInput(errors);
    Profile p =
        profile
            .withWeeklyHours(WeeklyHours.parse(profile.weeklyHours()).toString())
            .withSkills(vocabulary.canonical(profile.skills()));
    return switch (people.profiles().update(session, p)) {
      case ProfileUpdate.Saved saved -> saved.profile();
      case ProfileUpdate.Invalid invalid -> throw new InvalidInput(invalid.errors());
    };
  }

  /**
   * Everything wrong with {@code profile}, all at once (a form shows every error together): the
   * weekly hours by their grammar, the rest by the store's rules.
   */
  public List<FieldError> problems(Profile profile) {
    List<FieldError> errors = new ArrayList<>();
    String hours = "";
    try {
      hours = WeeklyHours.parse(profile.weeklyHours()).toString();
    } catch (WeeklyHoursException e) {
      errors.add(new FieldError("weeklyHours", e.getMessage()));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("weeklyHours", "write the hours as e.g. mon 18:00-22:00"));
    }
    Profile p = ProfileRules.normalise(profile.withWeeklyHours(hours));
    errors.addAll(ProfileRules.check(p, people.profiles().limits()));
    errors.addAll(vocabulary.check(p.skills()));
    return errors;
  }

  public ContactChannels channels(Session session) {
    return people.profiles().channels(session);
  }

  /**
   * Replaces the contact channels as typed: the phone normalised to E.164 (national numbers read in
   * the profile's country), the email and the https video link checked. An empty field removes the
   * channel.
   */
  public ContactChannels setChannels(
      Session session, String email, String phone, String video, String country) {
    List<FieldError> errors = new ArrayList<>();
    Optional<String> e = channel("email", email, EmailAddresses::normalise, errors);
    Optional<String> p =
        channel("phone", phone, raw -> PhoneNumbers.normalise(raw, country), errors);
    Optional<String> v = channel("video", video, VideoCallLinks::normalise, errors);
    if (!errors.isEmpty()) throw new InvalidInput(errors);
    return switch (people.profiles().setChannels(session, new ContactChannels(e, p, v))) {
      case ChannelUpdate.Saved saved -> saved.channels();
      case ChannelUpdate.Invalid invalid -> throw new InvalidInput(invalid.errors());
    };
  }

  private static Optional<String> channel(
      String field,
      String raw,
      java.util.function.UnaryOperator<String> normalise,
      List<FieldError> errors) {
    if (raw == null || raw.isBlank()) return Optional.empty();
    try {
      return Optional.of(normalise.apply(raw));
    } catch (InvalidContactException e) {
      // The core's messages name what is wrong, never the value.
      errors.add(new FieldError(field, e.getMessage()));
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      // Anything else a parser refuses is bad input too, not a 500; its message may quote the
      // value, so it is not passed on.
      errors.add(new FieldError(field, "this " + field + " cannot be read"));
      return Optional.empty();
    }
  }

  public HelperExport export(Session session) {
    return people.profiles().export(session).orElseThrow(HelperAuth::notSignedIn);
  }

  /**
   * Deletes the account at once, after the password is confirmed: profile, channels, sessions and
   * contact data go in one transaction.
   */
  public void delete(Context ctx, Session session, String password) {
    // The store checks a password only in a change: changing it to itself confirms it (the
    // account, with the session that change makes, is gone a moment later).
    if (people.accounts().changePassword(session, password, password)
        instanceof PasswordChange.WrongPassword) {
      throw InvalidInput.of("password", "the password is not right");
    }
    people.deletion().deleteOwn(session);
    auth.clearCookie(ctx);
  }

  public void logout(Context ctx) {
    auth.endSession(ctx);
  }

  private void limitMail(Context ctx) {
    auth.requireSameOrigin(ctx);
    RateLimiter.Decision d = mailLimiter.acquire(clients.of(ctx));
    if (!d.allowed()) throw ApiException.rateLimited(d.retryAfterSeconds());
  }

  private static String normalised(String email) {
    return EmailAddress.parse(email).map(EmailAddress::value).orElse("");
  }

  static ApiException invalidLink() {
    return new ApiException(
        400,
        "invalid-link",
        "Bad request",
        "This link does not work: it was used already, has expired or was not copied whole."
            + " Ask for a new one");
  }
}
