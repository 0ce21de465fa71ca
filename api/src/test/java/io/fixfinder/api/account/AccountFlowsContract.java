package io.fixfinder.api.account;

import static io.fixfinder.api.account.Browser.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixfinder.store.Database;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helper accounts over HTTP against the real server and a real database; each engine runs all of it
 * ({@link AccountsSqliteIT}, {@link AccountsPostgresIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccountFlowsContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger CLIENTS = new AtomicInteger(1);
  static final String PASSWORD = "correct horse battery staple";
  static final String HOSTILE =
      "Robert'); DROP TABLE helper;-- <script>alert(1)</script> \" & ' %_ \\";

  AccountServer server;

  /** The database under test, opened (and migrated) in {@code dir}. */
  abstract Database openDatabase(Path dir) throws Exception;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    server = new AccountServer(dir, openDatabase(dir));
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) server.close();
  }

  Browser browser() {
    int n = CLIENTS.getAndIncrement();
    return new Browser(server, "10.1." + (n / 250) + "." + (n % 250 + 1));
  }

  static String email(String who) {
    return who + "-" + System.nanoTime() + "@example.org";
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  static String str(Object... kv) throws Exception {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return JSON.writeValueAsString(m);
  }

  /** Registers, verifies through the mailed link and signs in over the JSON API. */
  String signedUp(Browser b, String email, String name) throws Exception {
    assertThat(
            b.postJson(
                    "/api/account/register",
                    str("email", email, "password", PASSWORD, "displayName", name))
                .statusCode())
        .isEqualTo(202);
    String token = server.tokenMailed(email, "/account/verify");
    assertThat(b.postJson("/api/account/verify", str("token", token)).statusCode()).isEqualTo(200);
    HttpResponse<String> login =
        b.postJson("/api/account/login", str("email", email, "password", PASSWORD));
    assertThat(login.statusCode()).isEqualTo(200);
    return json(login).get("csrfToken").asText();
  }

  static void assertProblem(HttpResponse<String> r, int status, String type) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(json(r).get("type").asText()).endsWith("/" + type);
  }

  @Test
  void registerVerifyLoginEditProfileSetChannelsLogout() throws Exception {
    Browser b = browser();
    String email = email("ada");
    HttpResponse<String> reg =
        b.postJson(
            "/api/account/register",
            str("email", email, "password", PASSWORD, "displayName", "Ada"));
    assertThat(reg.statusCode()).isEqualTo(202);
    assertThat(json(reg).get("status").asText()).isEqualTo("check-your-mail");
    assertThat(reg.body()).doesNotContain(email);

    String token = server.tokenMailed(email, "/account/verify");
    // The mailed link opens a page with a confirming button: opening it changes nothing.
    HttpResponse<String> page = b.get("/account/verify?token=" + token);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Confirm my address").contains("value=\"" + token + "\"");
    HttpResponse<String> early =
        b.postJson("/api/account/login", str("email", email, "password", PASSWORD));
    assertThat(json(early).get("verified").asBoolean()).isFalse();

    assertThat(b.postJson("/api/account/verify", str("token", token)).statusCode()).isEqualTo(200);
    assertProblem(b.postJson("/api/account/verify", str("token", token)), 400, "invalid-link");

    HttpResponse<String> login =
        b.postJson("/api/account/login", str("email", email, "password", PASSWORD));
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(b.lastSetCookie)
        .contains("HttpOnly")
        .contains("SameSite=Lax")
        .contains("Path=/")
        .doesNotContain("Secure");
    assertThat(login.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode session = json(login);
    assertThat(session.get("verified").asBoolean()).isTrue();
    String csrf = session.get("csrfToken").asText();
    assertThat(login.body()).doesNotContain(email);

    HttpResponse<String> saved =
        b.postJson(
            "/api/account/profile",
            str(
                "bio",
                "Twenty years of washing machines.",
                "skills",
                List.of(
                    Map.of("kind", "type", "value", "washing-machine"),
                    Map.of("kind", "brand", "value", "aqualine")),
                "languages",
                List.of("en", "de"),
                "country",
                "DE",
                "city",
                "Berlin",
                "latitude",
                52.52,
                "longitude",
                13.40,
                "remote",
                true,
                "timeZone",
                "Europe/Berlin",
                "weeklyHours",
                "SAT 09:00-13:00, mon 18:00-22:00",
                "paused",
                false),
            Map.of("X-CSRF-Token", csrf));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    JsonNode profile = json(b.getJson("/api/account/profile"));
    assertThat(profile.get("displayName").asText()).isEqualTo("Ada");
    assertThat(profile.get("weeklyHours").asText()).isEqualTo("mon 18:00-22:00, sat 09:00-13:00");
    assertThat(profile.get("skills").get(0).get("kind").asText()).isEqualTo("type");
    assertThat(profile.get("skills").get(0).get("value").asText()).isEqualTo("washing-machine");
    // skills are the lexicon's: written its way, and a name that matches nothing is refused
    assertThat(profile.get("skills").get(1).get("value").asText()).isEqualTo("Aqualine");
    HttpResponse<String> typo =
        b.postJson(
            "/api/account/profile",
            str("skills", List.of(Map.of("kind", "brand", "value", "Aqualin"))),
            Map.of("X-CSRF-Token", csrf));
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body()).contains("did you mean Aqualine?");
    assertThat(profile.get("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(profile.get("latitude").asDouble()).isEqualTo(52.52);
    assertThat(profile.toString()).doesNotContain(email);

    HttpResponse<String> channels =
        b.postJson(
            "/api/account/channels",
            str(
                "phone",
                "030 1234567",
                "email",
                "Ada.Help@Example.ORG",
                "video",
                "https://meet.example.org/ada"),
            Map.of("X-CSRF-Token", csrf));
    assertThat(channels.statusCode()).as(channels.body()).isEqualTo(200);
    JsonNode own = json(b.getJson("/api/account/channels"));
    // National number read in the profile's country (DE), stored as E.164.
    assertThat(own.get("phone").asText()).isEqualTo("+49301234567");
    assertThat(own.get("email").asText()).isEqualTo("ada.help@example.org");
    assertThat(own.get("video").asText()).isEqualTo("https://meet.example.org/ada");
    assertThat(b.getJson("/api/account/profile").body())
        .doesNotContain("+49301234567")
        .doesNotContain("ada.help");

    HttpResponse<String> export = b.getJson("/api/account/export");
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment");
    assertThat(export.body()).contains(email).contains("+49301234567").doesNotContain(csrf);

    assertThat(b.postJson("/api/account/logout", "{}", Map.of("X-CSRF-Token", csrf)).statusCode())
        .isEqualTo(204);
    assertThat(b.lastSetCookie).contains("Max-Age=0");
    assertProblem(b.getJson("/api/account/profile"), 401, "not-signed-in");
  }

  @Test
  void pagesWorkAsPlainFormsAndShowHostileTextInert() throws Exception {
    Browser b = browser();
    String email = email("pages");
    HttpResponse<String> form = b.get("/account/register");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("autocomplete=\"new-password\"")
        .contains("autocomplete=\"email\"")
        .contains("<label for=\"f-email\"");
    HttpResponse<String> reg =
        b.postForm(
            "/account/register",
            form("displayName", HOSTILE, "email", email, "password", PASSWORD, "website", ""));
    assertThat(reg.statusCode()).isEqualTo(303);
    assertThat(reg.headers().firstValue("Location")).hasValue("/account/check-mail");
    String token = server.tokenMailed(email, "/account/verify");
    HttpResponse<String> verified = b.postForm("/account/verify", form("token", token));
    assertThat(verified.statusCode()).isEqualTo(200);
    assertThat(verified.body()).contains("Your address is confirmed");

    HttpResponse<String> login =
        b.postForm("/account/login", form("email", email, "password", PASSWORD));
    assertThat(login.statusCode()).isEqualTo(303);
    assertThat(login.headers().firstValue("Location")).hasValue("/account/profile");

    HttpResponse<String> editor = b.get("/account/profile");
    assertThat(editor.statusCode()).isEqualTo(200);
    String csrf = Browser.csrfOf(editor.body());
    HttpResponse<String> saved =
        b.postForm(
            "/account/profile",
            form(
                "csrf", csrf,
                "displayName", HOSTILE,
                "bio", HOSTILE,
                "city", HOSTILE,
                "skills", "type: washing-machine\nbrand: Aqualine",
                "languages", "en, de",
                "country", "GB",
                "timeZone", "Europe/London",
                "weeklyHours", "sat 09:00-13:00",
                "remote", "on"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(saved.body()).contains("Your profile is saved");
    HttpResponse<String> again = b.get("/account/profile");
    assertThat(again.body())
        .doesNotContain("<script>alert(1)</script>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("type: washing-machine");
    // Stored verbatim: the JSON view gives back exactly what was typed.
    JsonNode profile = json(b.getJson("/api/account/profile"));
    assertThat(profile.get("displayName").asText()).isEqualTo(HOSTILE.strip());
    assertThat(profile.get("bio").asText()).isEqualTo(HOSTILE.strip());
    assertThat(profile.get("city").asText()).isEqualTo(HOSTILE.strip());
    assertThat(profile.get("remote").asBoolean()).isTrue();

    HttpResponse<String> channels =
        b.postForm(
            "/account/channels",
            form("csrf", csrf, "email", "", "phone", "+44 20 7946 0123", "video", ""));
    assertThat(channels.statusCode()).as(channels.body()).isEqualTo(200);
    assertThat(channels.body()).contains("value=\"+442079460123\"");

    HttpResponse<String> account = b.get("/account");
    assertThat(account.statusCode()).isEqualTo(200);
    assertThat(account.body())
        .contains("&lt;script&gt;")
        .doesNotContain("<script>alert")
        .doesNotContain(email)
        .contains("/api/account/export");

    HttpResponse<String> out = b.postForm("/account/logout", form("csrf", csrf));
    assertThat(out.statusCode()).isEqualTo(200);
    HttpResponse<String> after = b.get("/account/profile");
    assertThat(after.statusCode()).isEqualTo(303);
    assertThat(after.headers().firstValue("Location")).hasValue("/account/login");
  }

  /** A helper signed out follows a mailed link to a request: signing in leads back to it. */
  @Test
  void signingInFromARequestLinkReturnsToItAndNowhereElse() throws Exception {
    Browser b = browser();
    String email = email("back");
    signedUp(b, email, "Back");
    b.postForm("/account/logout", form("csrf", Browser.csrfOf(b.get("/account").body())));
    String request = "/account/requests/0123456789abcdef0123456789abcdef";
    HttpResponse<String> away = b.get(request);
    assertThat(away.statusCode()).isEqualTo(303);
    assertThat(away.headers().firstValue("Location")).hasValue("/account/login?next=" + request);
    assertThat(b.get("/account/login?next=" + request).body())
        .contains("<input type=\"hidden\" name=\"next\" value=\"" + request + "\">");
    // a failed attempt keeps where to return
    HttpResponse<String> wrong =
        b.postForm("/account/login", form("email", email, "password", "nope", "next", request));
    assertThat(wrong.body()).contains("name=\"next\" value=\"" + request + "\"");
    HttpResponse<String> in =
        b.postForm("/account/login", form("email", email, "password", PASSWORD, "next", request));
    assertThat(in.statusCode()).isEqualTo(303);
    assertThat(in.headers().firstValue("Location")).hasValue(request);
    // already signed in: the sign-in link goes straight there
    HttpResponse<String> again = b.get("/account/login?next=/account/requests");
    assertThat(again.headers().firstValue("Location")).hasValue("/account/requests");
    // anywhere else is not a place to return to: no open redirect
    for (String elsewhere :
        List.of(
            "https://evil.example/",
            "//evil.example/account/requests",
            "/account/requests/../../admin",
            "/account/requests/x\"><script>",
            "/account/delete")) {
      Browser other = browser();
      String param = java.net.URLEncoder.encode(elsewhere, java.nio.charset.StandardCharsets.UTF_8);
      assertThat(other.get("/account/login?next=" + param).body()).doesNotContain("name=\"next\"");
      HttpResponse<String> r =
          other.postForm("/account/login", form("email", "x", "password", "y", "next", elsewhere));
      assertThat(r.body()).doesNotContain("name=\"next\"");
    }
    HttpResponse<String> plain =
        b.postForm("/account/logout", form("csrf", Browser.csrfOf(b.get("/account").body())));
    assertThat(plain.statusCode()).isEqualTo(200);
    HttpResponse<String> direct =
        b.postForm(
            "/account/login",
            form("email", email, "password", PASSWORD, "next", "https://evil.example/"));
    assertThat(direct.headers().firstValue("Location")).hasValue("/account/profile");
  }

  @Test
  void aFormWithErrorsComesBackWithASummaryAndWithoutThePassword() throws Exception {
    Browser b = browser();
    HttpResponse<String> r =
        b.postForm(
            "/account/register",
            form("displayName", "", "email", "not-an-address", "password", "short1"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.body())
        .contains("There is a problem")
        .contains("href=\"#f-email\"")
        .contains("href=\"#f-displayName\"")
        .contains("aria-invalid=\"true\"")
        .contains("value=\"not-an-address\"")
        .doesNotContain("short1")
        .contains("<title>Error: ");
  }

  @Test
  void forgedOrMissingCsrfIsRejected() throws Exception {
    Browser b = browser();
    String csrf = signedUp(b, email("csrf"), "Csrf");
    String change = str("bio", "changed");
    assertProblem(b.postJson("/api/account/profile", change), 403, "csrf-token");
    assertProblem(
        b.postJson("/api/account/profile", change, Map.of("X-CSRF-Token", "forged" + csrf)),
        403,
        "csrf-token");
    assertProblem(
        b.postJson(
            "/api/account/profile",
            change,
            Map.of("X-CSRF-Token", csrf, "Origin", "https://evil.example")),
        403,
        "cross-site-form");
    assertProblem(
        b.postJson("/api/account/channels", str("phone", "+4930123456")), 403, "csrf-token");
    assertProblem(b.postJson("/api/account/delete", str("password", PASSWORD)), 403, "csrf-token");

    // The page forms: a missing or forged token and another site's form change nothing.
    HttpResponse<String> missing =
        b.postForm("/account/profile", form("displayName", "Mallory", "timeZone", "UTC"));
    assertThat(missing.statusCode()).isEqualTo(403);
    HttpResponse<String> forged =
        b.postForm(
            "/account/profile",
            form("csrf", "x" + csrf, "displayName", "Mallory", "timeZone", "UTC"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("Nothing was changed").doesNotContain("href=\"#f-form\"");
    HttpResponse<String> crossSite =
        b.postForm(
            "/account/profile",
            form("csrf", csrf, "displayName", "Mallory", "timeZone", "UTC"),
            Map.of("Sec-Fetch-Site", "cross-site"));
    assertThat(crossSite.statusCode()).isEqualTo(403);
    HttpResponse<String> crossLogin =
        b.postForm(
            "/account/login",
            form("email", "a@example.org", "password", PASSWORD),
            Map.of("Sec-Fetch-Site", "cross-site"));
    assertThat(crossLogin.statusCode()).isEqualTo(403);
    JsonNode profile = json(b.getJson("/api/account/profile"));
    assertThat(profile.get("displayName").asText()).isEqualTo("Csrf");
    assertThat(profile.get("bio").asText()).isEmpty();
  }

  @Test
  void helperACannotReadOrChangeHelperB() throws Exception {
    Browser a = browser();
    Browser bb = browser();
    String csrfA = signedUp(a, email("a"), "Helper A");
    String csrfB = signedUp(bb, email("b"), "Helper B");
    assertThat(
            bb.postJson(
                    "/api/account/channels",
                    str("phone", "+442079460999"),
                    Map.of("X-CSRF-Token", csrfB))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            bb.postJson(
                    "/api/account/profile",
                    str("bio", "B's own bio"),
                    Map.of("X-CSRF-Token", csrfB))
                .statusCode())
        .isEqualTo(200);

    // A's cookie with B's token: refused, nothing changes for either.
    assertProblem(
        a.postJson("/api/account/profile", str("bio", "by A"), Map.of("X-CSRF-Token", csrfB)),
        403,
        "csrf-token");
    // Whatever A sends, the endpoints act on A: there is no way to name B.
    assertThat(json(a.getJson("/api/account/profile")).get("displayName").asText())
        .isEqualTo("Helper A");
    assertThat(a.getJson("/api/account/channels").body()).doesNotContain("+442079460999");
    assertThat(a.getJson("/api/account/export").body())
        .doesNotContain("+442079460999")
        .doesNotContain("B's own bio");
    assertProblem(
        a.postJson(
            "/api/account/profile", str("helperId", "anyone"), Map.of("X-CSRF-Token", csrfA)),
        400,
        "unknown-field");
    JsonNode b = json(bb.getJson("/api/account/profile"));
    assertThat(b.get("bio").asText()).isEqualTo("B's own bio");
    assertThat(json(bb.getJson("/api/account/channels")).get("phone").asText())
        .isEqualTo("+442079460999");
    // Without a cookie: nothing at all.
    Browser anonymous = browser();
    assertProblem(anonymous.getJson("/api/account/channels"), 401, "not-signed-in");
    assertProblem(anonymous.getJson("/api/account/export"), 401, "not-signed-in");
    anonymous.session("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    assertProblem(anonymous.getJson("/api/account/profile"), 401, "not-signed-in");
  }

  @Test
  void repeatedFailedLoginsAreThrottledWith429AndRetryAfter() throws Exception {
    Browser b = browser();
    String email = email("throttle");
    signedUp(b, email, "Throttled");
    Browser attacker = browser();
    int refused = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < 8; i++) {
      last =
          attacker.postJson(
              "/api/account/login", str("email", email, "password", "wrong password " + i));
      if (last.statusCode() == 401) refused++;
      else break;
    }
    assertThat(refused).isEqualTo(5);
    assertProblem(last, 429, "login-throttled");
    long retry = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retry).isBetween(1L, 15 * 60L);
    // Even the right password waits: the account is throttled, not only the address.
    assertProblem(
        browser().postJson("/api/account/login", str("email", email, "password", PASSWORD)),
        429,
        "login-throttled");
    // The page says so too, with the same status and header.
    HttpResponse<String> page =
        attacker.postForm("/account/login", form("email", email, "password", "x"));
    assertThat(page.statusCode()).isEqualTo(429);
    assertThat(page.headers().firstValue("Retry-After")).isPresent();
    assertThat(page.body()).contains("Too many failed sign-ins");
  }

  @Test
  void registrationAnswersAlikeForANewAndAnExistingAddressAndHonoursTheHoneypot() throws Exception {
    Browser b = browser();
    String email = email("twice");
    HttpResponse<String> first =
        b.postJson(
            "/api/account/register",
            str("email", email, "password", PASSWORD, "displayName", "One"));
    HttpResponse<String> second =
        b.postJson(
            "/api/account/register",
            str("email", email, "password", PASSWORD + "x", "displayName", "Two"));
    assertThat(second.statusCode()).isEqualTo(first.statusCode()).isEqualTo(202);
    assertThat(second.body()).isEqualTo(first.body());
    // Still unconfirmed: the second registration mails a fresh link, and the first stops working.
    List<String> mails = server.mailsTo(email);
    assertThat(mails).hasSize(2);
    List<String> tokens = server.tokensMailed(email, "/account/verify");
    assertThat(tokens).hasSize(2).doesNotHaveDuplicates();
    List<Integer> statuses = new ArrayList<>();
    for (String t : tokens) {
      statuses.add(b.postJson("/api/account/verify", str("token", t)).statusCode());
    }
    assertThat(statuses).containsExactlyInAnyOrder(200, 400);

    // Confirmed: registering again mails a note with the way to sign in, and no link token.
    HttpResponse<String> third =
        b.postJson(
            "/api/account/register",
            str("email", email, "password", PASSWORD, "displayName", "Three"));
    assertThat(third.statusCode()).isEqualTo(202);
    assertThat(third.body()).isEqualTo(first.body());
    mails = server.mailsTo(email);
    assertThat(mails).hasSize(3);
    assertThat(mails)
        .filteredOn(m -> m.contains("already has an account"))
        .singleElement()
        .asString()
        .contains(AccountServer.LINK_BASE + "/account/forgot")
        .doesNotContain("token=");

    String bot = email("bot");
    HttpResponse<String> trapped =
        b.postJson(
            "/api/account/register",
            str(
                "email",
                bot,
                "password",
                PASSWORD,
                "displayName",
                "Bot",
                "website",
                "http://spam"));
    assertThat(trapped.statusCode()).isEqualTo(202);
    assertThat(trapped.body()).isEqualTo(first.body());
    assertThat(server.mailsTo(bot)).isEmpty();
  }

  @Test
  void registrationIsRateLimitedPerClientAddress() throws Exception {
    Browser b = browser();
    int accepted = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < AccountService.MAIL_BURST + 2; i++) {
      last =
          b.postJson(
              "/api/account/register",
              str("email", email("flood" + i), "password", PASSWORD, "displayName", "F"));
      if (last.statusCode() != 202) break;
      accepted++;
    }
    assertThat(accepted).isEqualTo(AccountService.MAIL_BURST);
    assertProblem(last, 429, "rate-limited");
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
    // Another address is not affected.
    assertThat(
            browser()
                .postJson(
                    "/api/account/register",
                    str("email", email("other"), "password", PASSWORD, "displayName", "O"))
                .statusCode())
        .isEqualTo(202);
  }

  @Test
  void forgottenPasswordIsResetThroughTheMailedLink() throws Exception {
    Browser b = browser();
    String email = email("reset");
    signedUp(b, email, "Resetter");
    Browser other = browser();
    assertThat(other.postJson("/api/account/password/forgot", str("email", email)).statusCode())
        .isEqualTo(202);
    HttpResponse<String> unknown =
        other.postJson("/api/account/password/forgot", str("email", email("nobody")));
    assertThat(unknown.statusCode()).isEqualTo(202);
    String token = server.tokenMailed(email, "/account/reset");
    HttpResponse<String> page = other.get("/account/reset?token=" + token);
    assertThat(page.body()).contains("autocomplete=\"new-password\"");
    HttpResponse<String> weak =
        other.postForm("/account/reset", form("token", token, "password", "short"));
    assertThat(weak.statusCode()).isEqualTo(400);
    String fresh = "a brand new passphrase";
    HttpResponse<String> done =
        other.postForm("/account/reset", form("token", token, "password", fresh));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    // Every session ended with the reset.
    assertProblem(b.getJson("/api/account/profile"), 401, "not-signed-in");
    assertProblem(
        other.postJson("/api/account/login", str("email", email, "password", PASSWORD)),
        401,
        "bad-credentials");
    assertThat(
            other
                .postJson("/api/account/login", str("email", email, "password", fresh))
                .statusCode())
        .isEqualTo(200);
    assertProblem(
        other.postJson("/api/account/password/reset", str("token", token, "password", fresh + "2")),
        400,
        "invalid-link");
  }

  @Test
  void changingThePasswordEndsOtherSessions() throws Exception {
    Browser laptop = browser();
    String email = email("change");
    String csrf = signedUp(laptop, email, "Changer");
    Browser phone = browser();
    assertThat(
            phone
                .postJson("/api/account/login", str("email", email, "password", PASSWORD))
                .statusCode())
        .isEqualTo(200);
    assertProblem(
        laptop.postJson(
            "/api/account/password",
            str("current", "wrong", "password", "another good passphrase"),
            Map.of("X-CSRF-Token", csrf)),
        400,
        "invalid-input");
    HttpResponse<String> changed =
        laptop.postJson(
            "/api/account/password",
            str("current", PASSWORD, "password", "another good passphrase"),
            Map.of("X-CSRF-Token", csrf));
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(laptop.getJson("/api/account/profile").statusCode()).isEqualTo(200);
    assertProblem(phone.getJson("/api/account/profile"), 401, "not-signed-in");
  }

  @Test
  void deletingTheAccountLeavesNoRowWithItsEmailNameOrPhone() throws Exception {
    Browser b = browser();
    String email = email("gone");
    String name = "Zelda Vanishing " + System.nanoTime();
    String csrf = signedUp(b, email, name);
    String helperId = json(b.getJson("/api/account/session")).get("helperId").asText();
    assertThat(
            b.postJson(
                    "/api/account/channels",
                    str("phone", "+442079460777", "email", email),
                    Map.of("X-CSRF-Token", csrf))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            b.postJson(
                    "/api/account/profile",
                    str("bio", "bio of " + name, "city", "Zeldaville"),
                    Map.of("X-CSRF-Token", csrf))
                .statusCode())
        .isEqualTo(200);
    assertThat(rowsMentioning(helperId)).isNotEmpty();
    assertThat(rowsMentioning(name)).isNotEmpty();

    assertProblem(
        b.postJson("/api/account/delete", str("password", "not it"), Map.of("X-CSRF-Token", csrf)),
        400,
        "invalid-input");
    assertThat(rowsMentioning(helperId)).isNotEmpty();

    HttpResponse<String> deleted =
        b.postJson("/api/account/delete", str("password", PASSWORD), Map.of("X-CSRF-Token", csrf));
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(b.lastSetCookie).contains("Max-Age=0");
    assertThat(rowsMentioning(helperId)).isEmpty();
    assertThat(rowsMentioning(name)).isEmpty();
    assertThat(rowsMentioning("Zeldaville")).isEmpty();
    assertThat(rowsMentioning(email)).isEmpty();
    assertThat(rowsMentioning("+442079460777")).isEmpty();
    assertProblem(
        browser().postJson("/api/account/login", str("email", email, "password", PASSWORD)),
        401,
        "bad-credentials");
  }

  @Test
  void deletingThroughThePageAsksForThePassword() throws Exception {
    Browser b = browser();
    String email = email("pagedelete");
    signedUp(b, email, "Page Delete");
    String helperId = json(b.getJson("/api/account/session")).get("helperId").asText();
    String csrf = Browser.csrfOf(b.get("/account").body());
    HttpResponse<String> wrong =
        b.postForm("/account/delete", form("csrf", csrf, "confirmPassword", "nope"));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("href=\"#f-confirmPassword\"");
    HttpResponse<String> done =
        b.postForm("/account/delete", form("csrf", csrf, "confirmPassword", PASSWORD));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("Your account is deleted");
    assertThat(rowsMentioning(helperId)).isEmpty();
  }

  @Test
  void badInputIsAProblemNeverA5xx() throws Exception {
    Browser b = browser();
    String csrf = signedUp(b, email("bad"), "Bad Input");
    Map<String, String> h = Map.of("X-CSRF-Token", csrf);
    assertProblem(b.postJson("/api/account/profile", "{not json", h), 400, "malformed-json");
    assertProblem(b.postJson("/api/account/profile", "[1,2]", h), 400, "invalid-body");
    assertProblem(
        b.postJson("/api/account/profile", str("weeklyHours", "mon 22:00-02:00"), h),
        400,
        "invalid-input");
    assertProblem(
        b.postJson("/api/account/profile", str("timeZone", "Mars/Olympus"), h),
        400,
        "invalid-input");
    assertProblem(
        b.postJson("/api/account/profile", str("languages", List.of("klingon")), h),
        400,
        "invalid-input");
    assertProblem(
        b.postJson("/api/account/profile", str("latitude", 91, "longitude", 0), h),
        400,
        "invalid-input");
    assertProblem(b.postJson("/api/account/profile", str("latitude", 50), h), 400, "invalid-input");
    assertProblem(
        b.postJson(
            "/api/account/profile",
            str("skills", List.of(Map.of("kind", "wizardry", "value", "x"))),
            h),
        400,
        "invalid-input");
    assertProblem(
        b.postJson("/api/account/profile", str("skills", "type: washer"), h), 400, "invalid-input");
    assertProblem(
        b.postJson("/api/account/profile", str("remote", "yes"), h), 400, "invalid-input");
    assertProblem(
        b.postJson("/api/account/profile", str("displayName", ""), h), 400, "invalid-input");
    assertProblem(b.postJson("/api/account/channels", str("phone", "12"), h), 400, "invalid-input");
    assertProblem(
        b.postJson("/api/account/channels", str("video", "http://insecure.example"), h),
        400,
        "invalid-input");
    assertProblem(
        b.postJson("/api/account/channels", str("email", "no at sign"), h), 400, "invalid-input");
    assertProblem(b.postJson("/api/account/profile", "x".repeat(20_000), h), 413, "body-too-large");
    HttpResponse<String> wrongType =
        b.postForm("/api/account/login", form("email", "a@b.cd", "password", "x"));
    assertProblem(wrongType, 415, "unsupported-media-type");
    assertProblem(
        b.postJson("/api/account/verify", str("token", "'; DROP TABLE helper_token;--")),
        400,
        "invalid-link");
    assertProblem(b.postJson("/api/account/verify", "{}"), 400, "invalid-input");
    assertProblem(
        b.postJson("/api/account/login", str("email", HOSTILE, "password", HOSTILE)),
        401,
        "bad-credentials");
    // The page editor: refused with a page, the typed text kept and escaped.
    String pageCsrf = Browser.csrfOf(b.get("/account/profile").body());
    HttpResponse<String> page =
        b.postForm(
            "/account/profile",
            form(
                "csrf",
                pageCsrf,
                "displayName",
                HOSTILE,
                "timeZone",
                "Nowhere/Else",
                "weeklyHours",
                "someday",
                "skills",
                "washing machines",
                "latitude",
                "north",
                "longitude",
                "10"));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body())
        .contains("href=\"#f-weeklyHours\"")
        .contains("href=\"#f-skills\"")
        .contains("href=\"#f-latitude\"")
        .contains("href=\"#f-timeZone\"")
        .doesNotContain("<script>alert");
    HttpResponse<String> reset = b.get("/account/reset?token=" + "x".repeat(5000));
    assertThat(reset.statusCode()).isLessThan(500);
    // Still the helper's own, unchanged.
    assertThat(json(b.getJson("/api/account/profile")).get("displayName").asText())
        .isEqualTo("Bad Input");
  }

  @Test
  void theCookieIsSecureWhenATrustedProxySaysTheRequestCameOverTls() throws Exception {
    Browser b = browser();
    String email = email("tls");
    signedUp(b, email, "Tls");
    b.postJson(
        "/api/account/login",
        str("email", email, "password", PASSWORD),
        Map.of("X-Forwarded-Proto", "https"));
    assertThat(b.lastSetCookie).contains("Secure").contains("HttpOnly");
  }

  @Test
  void theLayoutLinksToTheHelperPages() throws Exception {
    HttpResponse<String> home = browser().get("/");
    assertThat(home.body()).contains("href=\"/account\"").contains("Help as a volunteer / Sign in");
    HttpResponse<String> account = browser().get("/account");
    assertThat(account.statusCode()).isEqualTo(303);
    assertThat(account.headers().firstValue("Location")).hasValue("/account/login");
  }

  @Test
  void noTokenPasswordAddressOrPhoneReachesALogLine() throws Exception {
    java.io.PrintStream err = System.err;
    java.io.PrintStream out = System.out;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    java.io.PrintStream tee =
        new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8);
    String email = email("quiet");
    String phone = "+442079460555";
    List<String> secrets = new ArrayList<>(List.of(email, phone, PASSWORD));
    System.setErr(tee);
    System.setOut(tee);
    try {
      Browser b = browser();
      String csrf = signedUp(b, email, "Quiet");
      secrets.add(csrf);
      secrets.add(b.session());
      secrets.add(server.tokenMailed(email, "/account/verify"));
      b.postJson(
          "/api/account/register",
          str("email", email, "password", PASSWORD, "displayName", "Again"));
      b.postJson("/api/account/channels", str("phone", phone), Map.of("X-CSRF-Token", csrf));
      b.getJson("/api/account/channels");
      b.getJson("/api/account/export");
      b.get("/account/channels");
      Browser other = browser();
      other.postJson("/api/account/password/forgot", str("email", email));
      String reset = server.tokenMailed(email, "/account/reset");
      secrets.add(reset);
      other.get("/account/reset?token=" + reset);
      other.postForm("/account/reset", form("token", reset, "password", "x"));
      other.postJson("/api/account/login", str("email", email, "password", "wrong " + PASSWORD));
      other.postJson("/api/account/channels", str("phone", phone));
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    // The access log did run: the capture saw the requests.
    assertThat(log).contains("/api/account/channels");
    for (String secret : secrets) assertThat(log).doesNotContain(secret);
  }

  /** Every text cell of every table that contains {@code needle}, as table.column. */
  List<String> rowsMentioning(String needle) throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection c = connection()) {
      DatabaseMetaData meta = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
      }
      for (String table : tables) {
        if (table.startsWith("flyway") || table.startsWith("sqlite_")) continue;
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= n; i++) {
              Object v = rs.getObject(i);
              if (v != null && v.toString().contains(needle)) {
                found.add(table + "." + rs.getMetaData().getColumnName(i));
              }
            }
          }
        }
      }
    }
    return found;
  }

  abstract Connection connection() throws Exception;
}
