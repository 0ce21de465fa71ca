package io.fixfinder.api.helpers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixfinder.api.account.AccountServer;
import io.fixfinder.core.helpers.match.HelperCard;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The helper directory over HTTP against the real server and a real database: searches and {@code
 * /api/helpers} offer listed helpers only, with reasons, and never a contact channel. Four helpers
 * who all know Aqualine washing machines: Ada is listed; Bob's address is unconfirmed; Cy is
 * suspended; Dee is paused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DirectoryContract {
  static final String ALWAYS =
      "mon 00:00-24:00, tue 00:00-24:00, wed 00:00-24:00, thu 00:00-24:00, fri 00:00-24:00,"
          + " sat 00:00-24:00, sun 00:00-24:00";

  /** Every contact detail stored in the test: none may appear in any response. */
  static final List<String> SECRETS = new ArrayList<>();

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;
  AccountServer server;
  String ada;
  String bob;
  String cy;
  String dee;

  abstract Database openDatabase(Path dir);

  abstract Connection connection() throws Exception;

  @BeforeEach
  void start() throws Exception {
    server = new AccountServer(dir, openDatabase(dir));
    ada = helper("ada", "NL", "Utrecht", false);
    bob = helper("bob", "NL", "Utrecht", false);
    cy = helper("cy", "DE", "Berlin", false);
    dee = helper("dee", "PT", "Lisbon", true);
    try (Connection c = connection();
        PreparedStatement st = c.prepareStatement("UPDATE helper SET verified = ? WHERE id = ?")) {
      st.setBoolean(1, false);
      st.setString(2, bob);
      st.executeUpdate();
    }
    server.people.admin().suspend(cy);
    server.server.helperDirectory().orElseThrow().refresh();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private String helper(String name, String country, String city, boolean paused) {
    String email = name + ".login@example.org";
    Registration r = server.people.accounts().register(email, "a long enough passphrase 42", name);
    Registration.NewAccount account = (Registration.NewAccount) r;
    server.people.accounts().verifyEmail(account.verificationToken());
    LoginResult login =
        server.people.accounts().login(email, "a long enough passphrase 42", "127.0.0.1");
    Session s = ((LoginResult.LoggedIn) login).session().session();
    Profile p =
        new Profile(
            name.substring(0, 1).toUpperCase() + name.substring(1),
            "I fix things.",
            List.of("en", "nl"),
            country,
            city,
            Optional.of(new Coordinates(52.09, 5.12)),
            true,
            "Europe/Amsterdam",
            ALWAYS,
            paused,
            List.of(
                new Skill(SkillKind.TYPE, "washing-machine"),
                new Skill(SkillKind.BRAND, "Aqualine")));
    assertThat(server.people.profiles().update(s, p)).isInstanceOf(ProfileUpdate.Saved.class);
    String phone = "+44 7700 900" + (100 + SECRETS.size());
    String mail = name + ".private@example.org";
    String video = "https://meet.example.org/" + name;
    ChannelUpdate ch =
        server
            .people
            .profiles()
            .setChannels(
                s, new ContactChannels(Optional.of(mail), Optional.of(phone), Optional.of(video)));
    assertThat(ch).isInstanceOf(ChannelUpdate.Saved.class);
    SECRETS.addAll(List.of(email, mail, video, phone.replace(" ", ""), "7700"));
    return account.helperId();
  }

  HttpResponse<String> get(String path) throws Exception {
    return get(path, "application/json");
  }

  HttpResponse<String> page(String path) throws Exception {
    return get(path, "text/html");
  }

  HttpResponse<String> get(String path, String accept) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(server.uri(path)).header("Accept", accept).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    for (String secret : SECRETS) assertThat(r.body()).doesNotContain(secret);
    assertThat(r.body()).doesNotContain("@");
    return r;
  }

  JsonNode json(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static List<String> ids(JsonNode helpers) {
    List<String> out = new ArrayList<>();
    helpers.forEach(h -> out.add(h.get("id").asText()));
    return out;
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void aSearchOffersListedHelpersOnlyWithWhyTheyMatched() throws Exception {
    JsonNode r = json("/api/search?q=" + q("aqualine washing machine wont drain"));
    assertThat(ids(r.get("helpers"))).containsExactly(ada);
    JsonNode h = r.get("helpers").get(0);
    assertThat(h.get("displayName").asText()).isEqualTo("Ada");
    assertThat(h.get("city").asText()).isEqualTo("Utrecht");
    assertThat(h.get("availableNow").asBoolean()).isTrue();
    assertThat(h.get("reputation").get("newHelper").asBoolean()).isTrue();
    assertThat(h.get("why").toString()).contains("knows Aqualine");
    assertThat(h.has("bio")).isFalse();
  }

  @Test
  void aSearchThatDoesNotAnswerStillOffersHelpers() throws Exception {
    JsonNode r = json("/api/search?q=" + q("washing machine plays music through its porthole"));
    assertThat(r.get("answered").asBoolean()).isFalse();
    assertThat(ids(r.get("helpers"))).containsExactly(ada);
    assertThat(r.get("noMatch").get("helpersPending").asBoolean()).isFalse();
  }

  @Test
  void aSearchUnderstoodAsNothingOffersNobody() throws Exception {
    JsonNode r = json("/api/search?q=" + q("zzqx glorp"));
    assertThat(r.get("helpers").size()).isZero();
  }

  @Test
  void anIssuePageOffersHelpersForItsProduct() {
    Panels panels =
        new Panels(server.server.helperDirectory().orElseThrow(), java.time.Clock.systemUTC());
    io.fixfinder.core.model.IssueCluster issue =
        new io.fixfinder.core.model.IssueCluster(
            "iss-0123456789ab",
            "Drain pump blocked (E18)",
            new io.fixfinder.core.model.ProductRef("washing-machine", "Aqualine", "WM-8420X"),
            List.of("E18"),
            List.of("wont-drain"),
            3,
            java.util.Map.of(),
            null,
            java.util.Map.of(),
            null,
            null);
    io.fixfinder.indexer.view.IssueView.Page page =
        new io.fixfinder.indexer.view.IssueView.Page(
            issue, java.util.Map.of(), null, null, List.of(), null, List.of());
    assertThat(page.helpers()).isEmpty();
    List<Object> offered = panels.issue(page, List.of("nl")).helpers();
    assertThat(offered).extracting(h -> ((HelperCard) h).id()).containsExactly(ada);
    assertThat(((HelperCard) offered.get(0)).why().toString()).contains("speaks Dutch");
  }

  @Test
  void theListFiltersAndRanks() throws Exception {
    assertThat(ids(json("/api/helpers").get("helpers"))).containsExactly(ada);
    assertThat(ids(json("/api/helpers?type=washing-machine&lang=nl").get("helpers")))
        .containsExactly(ada);
    assertThat(ids(json("/api/helpers?brand=Aqualine&availableNow=true").get("helpers")))
        .containsExactly(ada);
    assertThat(json("/api/helpers?type=laptop").get("count").asInt()).isZero();
    assertThat(ids(json("/api/helpers?near=52.1,5.1&radius=10").get("helpers")))
        .containsExactly(ada);
    assertThat(json("/api/helpers?near=-33.9,151.2&radius=10").get("count").asInt()).isZero();
  }

  @Test
  void oneHelperIsPublicOnlyWhileListed() throws Exception {
    JsonNode card = json("/api/helpers/" + ada);
    assertThat(card.get("id").asText()).isEqualTo(ada);
    assertThat(json("/api/helpers/" + dee).get("paused").asBoolean()).isTrue();
    for (String unlisted : List.of(bob, cy, "nobody", "x%27%3B--")) {
      HttpResponse<String> r = get("/api/helpers/" + unlisted);
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body()).contains("unknown-helper");
    }
    // a suspension by the operator (another process) hides the profile at once
    server.people.admin().suspend(ada);
    assertThat(get("/api/helpers/" + ada).statusCode()).isEqualTo(404);
    server.server.helperDirectory().orElseThrow().refresh();
    assertThat(json("/api/search?q=" + q("aqualine washing machine wont drain")).get("helpers"))
        .isEmpty();
  }

  @Test
  void theSearchPageHasAPanelAndEachListedHelperAProfilePage() throws Exception {
    HttpResponse<String> search = page("/?q=" + q("aqualine washing machine wont drain"));
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(search.body())
        .contains("<h2 id=\"helpers-heading\">People who can help</h2>")
        // the link carries the search on to the contact form
        .contains("href=\"/helper/" + ada + "?q=aqualine+washing+machine+wont+drain")
        .doesNotContain("/helper/" + bob)
        .doesNotContain("/helper/" + cy)
        .doesNotContain("/helper/" + dee);
    // a search whose results do not answer offers the helpers before the nearest results
    String unanswered = page("/?q=" + q("washing machine plays music through its porthole")).body();
    assertThat(unanswered).contains("helpers-heading").contains("Nearest results");
    assertThat(unanswered.indexOf("helpers-heading"))
        .isLessThan(unanswered.indexOf("Nearest results"));
    HttpResponse<String> profile = page("/helper/" + ada);
    assertThat(profile.statusCode()).isEqualTo(200);
    assertThat(profile.body())
        .contains("<h1 id=\"helper-heading\">Ada</h1>")
        .contains("<main id=\"main\">")
        .contains("href=\"/helper/" + ada + "/contact\"")
        .contains("Brand: Aqualine")
        .doesNotContain("I fix things"); // the bio is not on the card
    // what the visitor looked at goes on to the contact form; what is not an issue id does not
    assertThat(page("/helper/" + ada + "?q=" + q("E18 drain") + "&issue=iss-0123abcd").body())
        .contains("href=\"/helper/" + ada + "/contact?q=E18+drain&amp;issue=iss-0123abcd\"");
    assertThat(page("/helper/" + ada + "?issue=" + q("iss-1\"><script>")).body())
        .contains("href=\"/helper/" + ada + "/contact\"")
        .doesNotContain("\"><script>");
    for (String unlisted : List.of(bob, cy, "nobody")) {
      assertThat(page("/helper/" + unlisted).statusCode()).isEqualTo(404);
      assertThat(get("/helper/" + unlisted).body()).contains("unknown-helper");
    }
  }

  @Test
  void anAccountChangeOnThisServerRefreshesTheDirectorySoon() throws Exception {
    server.people.admin().suspend(ada); // as the operator's command would, behind the server
    HttpResponse<String> signIn =
        http.send(
            HttpRequest.newBuilder(server.uri("/api/account/login"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.9")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"nobody@example.org\",\"password\":\"wrong password 123\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signIn.statusCode()).isEqualTo(401);
    long deadline = System.nanoTime() + 10_000_000_000L;
    JsonNode helpers;
    do {
      Thread.sleep(50);
      helpers = json("/api/helpers").get("helpers");
    } while (!helpers.isEmpty() && System.nanoTime() < deadline);
    assertThat(ids(helpers)).isEmpty();
  }

  @Test
  void badParametersAreProblems() throws Exception {
    for (String bad :
        List.of(
            "near=abc",
            "near=91,0",
            "radius=5",
            "availableNow=maybe",
            "lang=zz",
            "issue=iss-nothex",
            "type=Washing%20Machine",
            "limit=0",
            "colour=red")) {
      HttpResponse<String> r = get("/api/helpers?" + bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
  }
}
