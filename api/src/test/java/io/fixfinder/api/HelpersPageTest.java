package io.fixfinder.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.api.account.AccountServer;
import io.fixfinder.store.Database;
import io.fixfinder.store.accounts.LoginResult;
import io.fixfinder.store.accounts.Registration;
import io.fixfinder.store.accounts.Session;
import io.fixfinder.store.helpers.ChannelUpdate;
import io.fixfinder.store.helpers.ContactChannels;
import io.fixfinder.store.helpers.Coordinates;
import io.fixfinder.store.helpers.Profile;
import io.fixfinder.store.helpers.ProfileUpdate;
import io.fixfinder.store.helpers.Skill;
import io.fixfinder.store.helpers.SkillKind;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /helpers}, the helper directory as a page, over the real server and a SQLite database:
 * {@code /api/helpers}' filters in a GET form, the card partial, an honest empty state, untrusted
 * text escaped, and no contact detail anywhere. Ada fixes Aqualine washing machines in Utrecht and
 * speaks Dutch; Eve, whose name and city carry markup, fixes dishwashers in Berlin and speaks
 * German; Dee fixes washing machines too but is paused, so no list shows her.
 */
class HelpersPageTest {
  static final String ALWAYS =
      "mon 00:00-24:00, tue 00:00-24:00, wed 00:00-24:00, thu 00:00-24:00, fri 00:00-24:00,"
          + " sat 00:00-24:00, sun 00:00-24:00";
  static final String EVE_NAME = "Eve <script>alert(1)</script>";
  static final String EVE_CITY = "Berlin\"><img src=x onerror=alert(2)>";

  /** Every contact detail stored: none may appear on any page. */
  static final List<String> SECRETS = new ArrayList<>();

  @TempDir static Path dir;
  static AccountServer server;
  static String ada;
  static String eve;
  static String dee;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = new AccountServer(dir, Database.open("jdbc:sqlite:" + dir.resolve("fixfinder.db")));
    ada =
        helper(
            "ada",
            "Ada",
            "Utrecht",
            new Coordinates(52.09, 5.12),
            List.of("en", "nl"),
            false,
            List.of(
                new Skill(SkillKind.TYPE, "washing-machine"),
                new Skill(SkillKind.BRAND, "Aqualine")));
    eve =
        helper(
            "eve",
            EVE_NAME,
            EVE_CITY,
            new Coordinates(52.52, 13.40),
            List.of("de"),
            false,
            List.of(new Skill(SkillKind.TYPE, "dishwasher")));
    dee =
        helper(
            "dee",
            "Dee",
            "Utrecht",
            new Coordinates(52.09, 5.12),
            List.of("en"),
            true,
            List.of(new Skill(SkillKind.TYPE, "washing-machine")));
    server.server.helperDirectory().orElseThrow().refresh();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static String helper(
      String login,
      String name,
      String city,
      Coordinates at,
      List<String> languages,
      boolean paused,
      List<Skill> skills) {
    String email = login + ".login@example.org";
    Registration.NewAccount account =
        (Registration.NewAccount)
            server.people.accounts().register(email, "a long enough passphrase 42", login);
    server.people.accounts().verifyEmail(account.verificationToken());
    LoginResult login2 =
        server.people.accounts().login(email, "a long enough passphrase 42", "127.0.0.1");
    Session s = ((LoginResult.LoggedIn) login2).session().session();
    Profile p =
        new Profile(
            name,
            "I fix things.",
            languages,
            "NL",
            city,
            Optional.of(at),
            false,
            "Europe/Amsterdam",
            ALWAYS,
            paused,
            skills);
    assertThat(server.people.profiles().update(s, p)).isInstanceOf(ProfileUpdate.Saved.class);
    String phone = "+44 7700 900" + (100 + SECRETS.size());
    String mail = login + ".private@example.org";
    String video = "https://meet.example.org/" + login;
    ChannelUpdate ch =
        server
            .people
            .profiles()
            .setChannels(
                s, new ContactChannels(Optional.of(mail), Optional.of(phone), Optional.of(video)));
    assertThat(ch).isInstanceOf(ChannelUpdate.Saved.class);
    SECRETS.addAll(List.of(email, mail, video, phone.replace(" ", ""), "7700 900"));
    return account.helperId();
  }

  @Test
  void theWholeDirectoryListsEveryoneListedAndNobodyPaused() throws Exception {
    HttpResponse<String> r = page("/helpers");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    String html = r.body();
    assertThat(html)
        .contains("<h1>Find someone who can help</h1>")
        .contains("<form class=\"directory-form\" action=\"/helpers\" method=\"get\"")
        .contains("2 helpers, best match first.")
        .contains("<h2 id=\"helpers-heading\">People who can help</h2>")
        .contains("href=\"/helper/" + ada + "\">Ada</a>")
        .contains("href=\"/helper/" + eve + "\">")
        .doesNotContain("/helper/" + dee)
        // the nav link of every page
        .contains("<a class=\"nav-link\" href=\"/helpers\">Find a helper</a>");
  }

  @Test
  void filtersAreTheApisAndTheFormShowsThemBack() throws Exception {
    String washers = page("/helpers?type=washing-machine&brand=Aqualine&availableNow=true").body();
    assertThat(washers)
        .contains("1 helper for washing machine, brand Aqualine, available now, best match first.")
        .contains("href=\"/helper/" + ada + "\">Ada</a>")
        .doesNotContain("/helper/" + eve)
        .contains("<option value=\"washing-machine\" selected>Washing machine</option>")
        .contains("name=\"brand\" type=\"text\" value=\"Aqualine\"")
        .contains("name=\"availableNow\" type=\"checkbox\" value=\"true\" checked>");
    // near Amsterdam: Ada in Utrecht is within 100 km, Eve in Berlin is not
    String near = page("/helpers?near=52.37,4.90&radius=100").body();
    assertThat(near).contains("/helper/" + ada).doesNotContain("/helper/" + eve);
    // a form always sends its radius: without a place it is ignored, not refused
    assertThat(page("/helpers?near=&radius=50&type=dishwasher").body())
        .contains("/helper/" + eve)
        .doesNotContain("/helper/" + ada);
    // a language ranks, it does not filter: its speakers come first, the others still follow
    String german = page("/helpers?lang=de").body();
    assertThat(german.indexOf("/helper/" + eve)).isPositive().isLessThan(german.indexOf(ada));
    String dutch = page("/helpers?lang=nl").body();
    assertThat(dutch.indexOf("/helper/" + ada)).isPositive().isLessThan(dutch.indexOf(eve));
    assertThat(dutch).contains("<option value=\"nl\" selected>Dutch</option>");
  }

  @Test
  void nobodyForAFilterIsSaidPlainlyWithAWayToOfferHelp() throws Exception {
    HttpResponse<String> r = page("/helpers?type=laptop");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("Nobody is registered for laptop yet.")
        .contains("<a href=\"/helpers\">See everyone who helps</a>")
        .contains("<a href=\"/account/register\">offer your help</a>")
        .doesNotContain("helpers-heading")
        .doesNotContain("/helper/");
  }

  @Test
  void untrustedTextIsEscaped() throws Exception {
    String html = page("/helpers?type=dishwasher").body();
    assertThat(html)
        .contains("Eve &lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)")
        .doesNotContain("<img src=x");
    String hostile = "\"><script>alert(3)</script>";
    String echoed = page("/helpers?brand=" + q(hostile) + "&model=" + q(hostile)).body();
    assertThat(echoed)
        // jte escapes by context: the quote in an attribute, the angle brackets in text
        .contains("name=\"brand\" type=\"text\" value=\"&#34;>&lt;script>alert(3)&lt;/script>\"")
        .contains(
            "Nobody is registered for brand \"&gt;&lt;script&gt;alert(3)&lt;/script&gt;, model")
        .doesNotContain("<script>alert(3)");
    assertThat(echoed.split("<script", -1)).hasSize(2); // only the page's enhancement script
  }

  @Test
  void aFilterThatCannotBeReadIsThePageSayingSo() throws Exception {
    HttpResponse<String> r = page("/helpers?near=somewhere&type=washing-machine");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("role=\"alert\">Parameter 'near': 'somewhere' is not a point")
        .contains("name=\"near\" type=\"text\" value=\"somewhere\"")
        .contains("<option value=\"washing-machine\" selected>")
        .doesNotContain("/helper/");
    HttpResponse<String> script = get("/helpers?near=somewhere", "application/json");
    assertThat(script.statusCode()).isEqualTo(400);
    assertThat(script.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  HttpResponse<String> page(String path) throws Exception {
    return get(path, "text/html");
  }

  /** Every answer is checked for contact details: the directory shows none, ever. */
  HttpResponse<String> get(String path, String accept) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(server.uri(path)).header("Accept", accept).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    for (String secret : SECRETS) assertThat(r.body()).doesNotContain(secret);
    assertThat(r.body()).doesNotContain("@").doesNotContain("tel:").doesNotContain("mailto:");
    return r;
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
