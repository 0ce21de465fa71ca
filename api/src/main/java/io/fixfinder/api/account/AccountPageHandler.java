package io.fixfinder.api.account;

import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.problem.ProblemMapper;
import io.fixfinder.store.accounts.FieldError;
import io.fixfinder.store.accounts.Session;
import io.fixfinder.store.helpers.ContactChannels;
import io.fixfinder.store.helpers.Coordinates;
import io.fixfinder.store.helpers.OwnProfile;
import io.fixfinder.store.helpers.Profile;
import io.fixfinder.store.helpers.Skill;
import io.fixfinder.ui.AccountPages;
import io.fixfinder.ui.AccountPages.Page;
import io.fixfinder.ui.AccountView;
import io.fixfinder.ui.AccountView.FormError;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /account/...}: the helper's pages, plain forms that work without JavaScript. A refused
 * form comes back with what was typed (never a password), an error summary and the status a problem
 * would carry; a page that needs a session sends a visitor without one to sign in.
 */
public final class AccountPageHandler {
  private final Optional<AccountService> service;
  private final AccountPages pages = new AccountPages();

  public AccountPageHandler(Optional<AccountService> service) {
    this.service = service;
  }

  private AccountService s() {
    return service.orElseThrow(AccountHandler::notServed);
  }

  // ---- before signing in ----

  public void registerForm(Context ctx) {
    if (s().auth().current(ctx).isPresent()) {
      ctx.redirect("/account/profile", HttpStatus.SEE_OTHER);
      return;
    }
    show(ctx, 200, Page.REGISTER, AccountView.form("Help as a volunteer", Map.of(), List.of()));
  }

  public void register(Context ctx) {
    Map<String, String> typed = typed(ctx, "displayName", "email");
    try {
      s().register(
              ctx,
              form(ctx, "email"),
              form(ctx, "password"),
              form(ctx, "displayName"),
              form(ctx, "website"));
      ctx.redirect("/account/check-mail", HttpStatus.SEE_OTHER);
    } catch (ApiException e) {
      show(
          ctx,
          e,
          Page.REGISTER,
          AccountView.form("Help as a volunteer", typed, errors(e, "email")));
    }
  }

  public void checkMail(Context ctx) {
    show(ctx, 200, Page.CHECK_MAIL, AccountView.form("Check your mail", Map.of(), List.of()));
  }

  public void resend(Context ctx) {
    Map<String, String> typed = typed(ctx, "email");
    try {
      s().resendVerification(ctx, form(ctx, "email"));
      show(
          ctx,
          200,
          Page.CHECK_MAIL,
          notice(
              AccountView.form("Check your mail", typed, List.of()),
              "If that address has an account still to confirm, a new link is on its way."));
    } catch (ApiException e) {
      show(ctx, e, Page.CHECK_MAIL, AccountView.form("Check your mail", typed, errors(e, "email")));
    }
  }

  /**
   * The mailed link opens a page with a button, and the button confirms: a mail scanner that
   * fetches every link must not confirm an address nobody has read.
   */
  public void verifyForm(Context ctx) {
    String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
    if (token.length() > 200) token = "";
    show(
        ctx,
        200,
        Page.VERIFY,
        AccountView.form("Confirm your address", Map.of("token", token), List.of()));
  }

  public void verify(Context ctx) {
    try {
      s().auth().requireSameOrigin(ctx);
      s().verify(form(ctx, "token"));
      show(
          ctx,
          200,
          Page.MESSAGE,
          notice(
              AccountView.form("Your address is confirmed", Map.of(), List.of()),
              "Thank you. Sign in to fill in your profile."));
    } catch (ApiException e) {
      show(
          ctx,
          e,
          Page.VERIFY,
          AccountView.form("Confirm your address", Map.of(), errors(e, FormError.FORM)));
    }
  }

  public void loginForm(Context ctx) {
    String next = returnPath(ctx.queryParam("next")).orElse("");
    if (s().auth().current(ctx).isPresent()) {
      ctx.redirect(next.isEmpty() ? "/account" : next, HttpStatus.SEE_OTHER);
      return;
    }
    Map<String, String> values = next.isEmpty() ? Map.of() : Map.of("next", next);
    show(ctx, 200, Page.LOGIN, AccountView.form("Sign in", values, List.of()));
  }

  public void login(Context ctx) {
    Map<String, String> typed = typed(ctx, "email");
    String next = returnPath(form(ctx, "next")).orElse("");
    if (!next.isEmpty()) typed.put("next", next);
    try {
      s().login(ctx, form(ctx, "email"), form(ctx, "password"));
      ctx.redirect(next.isEmpty() ? "/account/profile" : next, HttpStatus.SEE_OTHER);
    } catch (ApiException e) {
      show(ctx, e, Page.LOGIN, AccountView.form("Sign in", typed, errors(e, "email")));
    }
  }

  public void logout(Context ctx) {
    AccountService svc = s();
    Optional<Session> session = svc.auth().current(ctx);
    try {
      if (session.isPresent()) svc.auth().requireCsrf(ctx, session.get());
    } catch (ApiException e) {
      show(
          ctx,
          e,
          Page.MESSAGE,
          AccountView.form("Not signed out", Map.of(), errors(e, FormError.FORM)));
      return;
    }
    svc.logout(ctx);
    show(ctx, 200, Page.MESSAGE, AccountView.form("You are signed out", Map.of(), List.of()));
  }

  public void forgotForm(Context ctx) {
    show(ctx, 200, Page.FORGOT, AccountView.form("Forgot your password?", Map.of(), List.of()));
  }

  public void forgot(Context ctx) {
    Map<String, String> typed = typed(ctx, "email");
    try {
      s().requestReset(ctx, form(ctx, "email"));
      show(
          ctx,
          200,
          Page.FORGOT,
          notice(
              AccountView.form("Forgot your password?", typed, List.of()),
              "If that address has an account, a link to reset the password is on its way."));
    } catch (ApiException e) {
      show(
          ctx,
          e,
          Page.FORGOT,
          AccountView.form("Forgot your password?", typed, errors(e, "email")));
    }
  }

  public void resetForm(Context ctx) {
    String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
    if (token.length() > 200) token = "";
    show(
        ctx,
        200,
        Page.RESET,
        AccountView.form("Choose a new password", Map.of("token", token), List.of()));
  }

  public void reset(Context ctx) {
    String token = form(ctx, "token");
    try {
      s().auth().requireSameOrigin(ctx);
      s().completeReset(token, form(ctx, "password"));
      show(
          ctx,
          200,
          Page.MESSAGE,
          notice(
              AccountView.form("Your password is changed", Map.of(), List.of()),
              "Sign in with the new password."));
    } catch (ApiException e) {
      Map<String, String> keep = token.length() <= 200 ? Map.of("token", token) : Map.of();
      show(
          ctx,
          e,
          Page.RESET,
          AccountView.form("Choose a new password", keep, errors(e, "password")));
    }
  }

  // ---- signed in ----

  public void account(Context ctx) {
    Optional<Session> session = signedIn(ctx);
    if (session.isEmpty()) return;
    show(ctx, 200, Page.ACCOUNT, accountView(session.get(), List.of(), ""));
  }

  public void changePassword(Context ctx) {
    Optional<Session> session = owner(ctx);
    if (session.isEmpty()) return;
    try {
      Session fresh =
          s().changePassword(ctx, session.get(), form(ctx, "current"), form(ctx, "password"));
      show(
          ctx,
          200,
          Page.ACCOUNT,
          accountView(fresh, List.of(), "Your password is changed; other devices are signed out."));
    } catch (ApiException e) {
      show(ctx, e, Page.ACCOUNT, accountView(session.get(), errors(e, "current"), ""));
    }
  }

  public void delete(Context ctx) {
    Optional<Session> session = owner(ctx);
    if (session.isEmpty()) return;
    try {
      s().delete(ctx, session.get(), form(ctx, "confirmPassword"));
      show(
          ctx,
          200,
          Page.MESSAGE,
          notice(
              AccountView.form("Your account is deleted", Map.of(), List.of()),
              "Everything we held about you is gone. Thank you for helping."));
    } catch (ApiException e) {
      List<FormError> errs =
          errors(e, "confirmPassword").stream()
              .map(
                  f ->
                      f.field().equals("password")
                          ? new FormError("confirmPassword", f.message())
                          : f)
              .toList();
      show(ctx, e, Page.ACCOUNT, accountView(session.get(), errs, ""));
    }
  }

  public void profileForm(Context ctx) {
    Optional<Session> session = signedIn(ctx);
    if (session.isEmpty()) return;
    OwnProfile own = s().own(session.get());
    show(
        ctx,
        200,
        Page.PROFILE,
        view(
            session.get(),
            "Your profile and availability",
            profileValues(own.profile()),
            List.of(),
            ""));
  }

  public void saveProfile(Context ctx) {
    Optional<Session> session = owner(ctx);
    if (session.isEmpty()) return;
    String title = "Your profile and availability";
    Map<String, String> typed =
        typed(
            ctx,
            "displayName",
            "bio",
            "skills",
            "languages",
            "country",
            "city",
            "latitude",
            "longitude",
            "timeZone",
            "weeklyHours");
    typed.put("remote", ctx.formParam("remote") != null ? "on" : "");
    typed.put("paused", ctx.formParam("paused") != null ? "on" : "");
    try {
      List<FieldError> shape = new ArrayList<>();
      List<Skill> skills = ProfileInput.skills(form(ctx, "skills"), shape);
      Optional<Coordinates> point =
          ProfileInput.coordinates(form(ctx, "latitude"), form(ctx, "longitude"), shape);
      Profile p =
          new Profile(
              form(ctx, "displayName"),
              form(ctx, "bio"),
              ProfileInput.languages(form(ctx, "languages")),
              form(ctx, "country"),
              form(ctx, "city"),
              point,
              ctx.formParam("remote") != null,
              form(ctx, "timeZone"),
              form(ctx, "weeklyHours"),
              ctx.formParam("paused") != null,
              skills);
      if (!shape.isEmpty()) {
        // Show every error at once: the shape errors and what the rules say about the rest.
        List<FieldError> all = new ArrayList<>(shape);
        all.addAll(s().problems(p));
        throw new InvalidInput(all);
      }
      Profile saved = s().updateProfile(session.get(), p);
      show(
          ctx,
          200,
          Page.PROFILE,
          view(session.get(), title, profileValues(saved), List.of(), "Your profile is saved."));
    } catch (ApiException e) {
      show(ctx, e, Page.PROFILE, view(session.get(), title, typed, errors(e, "displayName"), ""));
    }
  }

  public void channelsForm(Context ctx) {
    Optional<Session> session = signedIn(ctx);
    if (session.isEmpty()) return;
    show(
        ctx,
        200,
        Page.CHANNELS,
        view(
            session.get(),
            "Your contact channels",
            channelValues(s().channels(session.get())),
            List.of(),
            ""));
  }

  public void saveChannels(Context ctx) {
    Optional<Session> session = owner(ctx);
    if (session.isEmpty()) return;
    String title = "Your contact channels";
    Map<String, String> typed = typed(ctx, "email", "phone", "video");
    try {
      String country = s().own(session.get()).profile().country();
      ContactChannels saved =
          s().setChannels(
                  session.get(),
                  form(ctx, "email"),
                  form(ctx, "phone"),
                  form(ctx, "video"),
                  country);
      show(
          ctx,
          200,
          Page.CHANNELS,
          view(
              session.get(),
              title,
              channelValues(saved),
              List.of(),
              "Your contact channels are saved."));
    } catch (ApiException e) {
      show(ctx, e, Page.CHANNELS, view(session.get(), title, typed, errors(e, "email"), ""));
    }
  }

  // ---- helpers ----

  /**
   * Where signing in may return to: a helper's requests, which mails link to. Nothing else, so the
   * parameter cannot send anyone off the site or to a page of someone's choosing.
   */
  static Optional<String> returnPath(String next) {
    return next != null && next.matches("/account/requests(/[0-9a-f]{1,64})?")
        ? Optional.of(next)
        : Optional.empty();
  }

  /** The sign-in page, which returns to {@code path} afterwards when it may. */
  public static String signInThen(String path) {
    return returnPath(path).map(p -> "/account/login?next=" + p).orElse("/account/login");
  }

  /** The session, or a redirect to the sign-in page (and empty). */
  private Optional<Session> signedIn(Context ctx) {
    Optional<Session> session = s().auth().current(ctx);
    if (session.isEmpty()) ctx.redirect("/account/login", HttpStatus.SEE_OTHER);
    return session;
  }

  /**
   * The session of a form that changes something, its CSRF token checked; else a page (and empty).
   */
  private Optional<Session> owner(Context ctx) {
    Optional<Session> session = signedIn(ctx);
    if (session.isEmpty()) return session;
    try {
      s().auth().requireCsrf(ctx, session.get());
      return session;
    } catch (ApiException e) {
      show(
          ctx,
          e,
          Page.MESSAGE,
          new AccountView(
              "Nothing was changed",
              session.get().csrfSecret(),
              true,
              List.of(
                  new FormError(
                      FormError.FORM,
                      "This form did not come from your FixFinder page, or it has expired. Open the page again and retry.")),
              Map.of(),
              ""));
      return Optional.empty();
    }
  }

  private AccountView accountView(Session session, List<FormError> errors, String notice) {
    OwnProfile own = s().own(session);
    return view(
        session,
        "Your helper account",
        Map.of(
            "displayName", own.profile().displayName(), "verified", own.verified() ? "true" : ""),
        errors,
        notice);
  }

  private static AccountView view(
      Session session,
      String title,
      Map<String, String> values,
      List<FormError> errors,
      String notice) {
    return new AccountView(title, session.csrfSecret(), true, errors, values, notice);
  }

  private static AccountView notice(AccountView v, String notice) {
    return new AccountView(v.title(), v.csrf(), v.signedIn(), v.errors(), v.values(), notice);
  }

  private static Map<String, String> profileValues(Profile p) {
    Map<String, String> v = new HashMap<>();
    v.put("displayName", p.displayName());
    v.put("bio", p.bio());
    v.put("skills", ProfileInput.skillLines(p.skills()));
    v.put("languages", String.join(", ", p.languages()));
    v.put("country", p.country());
    v.put("city", p.city());
    p.coordinates()
        .ifPresent(
            c -> {
              v.put("latitude", Double.toString(c.latitude()));
              v.put("longitude", Double.toString(c.longitude()));
            });
    v.put("remote", p.remote() ? "on" : "");
    v.put("timeZone", p.timeZone());
    v.put("weeklyHours", p.weeklyHours());
    v.put("paused", p.paused() ? "on" : "");
    return v;
  }

  private static Map<String, String> channelValues(ContactChannels c) {
    Map<String, String> v = new HashMap<>();
    c.email().ifPresent(x -> v.put("email", x));
    c.phone().ifPresent(x -> v.put("phone", x));
    c.video().ifPresent(x -> v.put("video", x));
    return v;
  }

  /**
   * The form's errors: field by field for invalid input, else the problem's detail at {@code
   * field}.
   */
  private static List<FormError> errors(ApiException e, String field) {
    if (e instanceof InvalidInput invalid) {
      return invalid.errors().stream()
          .map(f -> new FormError(f.field(), capitalise(f.message())))
          .toList();
    }
    return List.of(new FormError(field, e.getMessage()));
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** What the visitor typed into these fields, to show again (never a password). */
  private static Map<String, String> typed(Context ctx, String... fields) {
    Map<String, String> out = new HashMap<>();
    for (String f : fields) {
      String v = ctx.formParam(f);
      if (v != null) out.put(f, v.length() > 5000 ? v.substring(0, 5000) : v);
    }
    return out;
  }

  private static String form(Context ctx, String name) {
    return Optional.ofNullable(ctx.formParam(name)).orElse("");
  }

  private void show(Context ctx, ApiException e, Page page, AccountView view) {
    e.headers().forEach(ctx::header);
    show(ctx, e.status(), page, view);
  }

  private void show(Context ctx, int status, Page page, AccountView view) {
    // A page about one person is never cached; an error page is a page, not a problem.
    ctx.header("Cache-Control", "no-store");
    if (status >= 400) ProblemMapper.keepBody(ctx);
    ctx.status(status).contentType("text/html; charset=utf-8").result(pages.render(page, view));
  }
}
