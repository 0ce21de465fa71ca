package io.fixfinder.api.contact;

import static io.fixfinder.api.account.Browser.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixfinder.api.account.AccountServer;
import io.fixfinder.api.account.Browser;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.store.Database;
import io.fixfinder.store.contact.HelperStats;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contact requests over HTTP against the real server and a real database; each engine runs all of
 * it ({@link SqliteContactHttpIT}, {@link PostgresContactHttpIT}). Mail goes to the outbox; the
 * access log to a file, read at the end for tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContactFlowsContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger CLIENTS = new AtomicInteger(1);
  static final String PASSWORD = "correct horse battery staple";
  static final String HOSTILE =
      "Robert'); DROP TABLE contact_request;-- <script>alert(1)</script> \" & ' %_ \\ ${x}";

  AccountServer server;
  Path accessLog;

  /** Every capability handed out, to look for in the access log. */
  final List<String> tokens = new ArrayList<>();

  /** The database under test, opened (and migrated) in {@code dir}. */
  abstract Database openDatabase(Path dir) throws Exception;

  /** A second connection to it, for the SQL checks. */
  abstract Connection connection() throws Exception;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    accessLog = dir.resolve("access.log");
    FixFinderConfig.Server s = AccountServer.SETTINGS;
    FixFinderConfig.Server settings =
        new FixFinderConfig.Server(
            s.host(),
            s.port(),
            s.trustedProxies(),
            s.rateLimitPerMinute(),
            s.rateLimitBurst(),
            s.corsOrigins(),
            s.shutdownGraceSeconds(),
            s.searchThreads(),
            s.rateLimitMemoryMb(),
            s.searchCacheMb(),
            accessLog.toString());
    server = new AccountServer(dir, openDatabase(dir), settings);
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) server.close();
  }

  // ---- fixtures ----

  Browser browser() {
    int n = CLIENTS.getAndIncrement();
    return new Browser(server, "10.7." + (n / 250) + "." + (n % 250 + 1));
  }

  static String email(String who) {
    return who + "-" + System.nanoTime() + "@example.org";
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  static String str(Object... kv) throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return JSON.writeValueAsString(m);
  }

  static void assertProblem(HttpResponse<String> r, int status, String type) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(json(r).get("type").asText()).endsWith("/" + type);
  }

  /** A signed-in, verified helper. */
  record Helper(Browser browser, String id, String email, String csrf) {
    Map<String, String> csrfHeader() {
      return Map.of("X-CSRF-Token", csrf);
    }
  }

  Helper helper(String name) throws Exception {
    Browser b = browser();
    String email = email(name);
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
    JsonNode session = json(login);
    return new Helper(
        b, session.get("helperId").asText(), email, session.get("csrfToken").asText());
  }

  /** A customer's request to {@code helper}: the 201 answer. */
  JsonNode request(Browser customer, Helper helper, String customerEmail, String message)
      throws Exception {
    HttpResponse<String> r =
        customer.postJson(
            "/api/helpers/" + helper.id() + "/contact",
            str(
                "email",
                customerEmail,
                "query",
                "washing machine won't drain E18",
                "message",
                message));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode sent = json(r);
    tokens.add(sent.get("capability").asText());
    return sent;
  }

  long rows(String sql, String id) throws Exception {
    try (Connection c = connection();
        PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  // ---- the flows ----

  @Test
  void fullFlowFromRequestToReputation() throws Exception {
    Helper h = helper("Ada");
    assertThat(
            h.browser()
                .postJson(
                    "/api/account/channels",
                    str("phone", "+49 30 1234567", "email", "ada.help@example.org"),
                    h.csrfHeader())
                .statusCode())
        .isEqualTo(200);
    Browser customer = browser();
    String customerEmail = email("cust");
    JsonNode sent = request(customer, h, customerEmail, HOSTILE);
    String id = sent.get("requestId").asText();
    String token = sent.get("capability").asText();
    assertThat(sent.get("link").asText()).isEqualTo(AccountServer.LINK_BASE + "/contact/" + token);
    assertThat(sent.toString()).doesNotContain("+4930").doesNotContain("ada.help@");

    // the helper is told by mail: a link to the inbox, not the message, not the customer
    List<String> helperMails = server.mailsTo(h.email());
    String notice = helperMails.get(helperMails.size() - 1);
    assertThat(notice)
        .contains(AccountServer.LINK_BASE + "/account/requests/" + id)
        .doesNotContain("DROP TABLE")
        .doesNotContain(customerEmail)
        .doesNotContain(token);
    // the customer gets the private link by mail
    assertThat(String.join("\n", server.mailsTo(customerEmail))).contains("/contact/" + token);

    // before acceptance: no channel anywhere, no helper message, no reveal, no close
    String thread = customer.getJson("/api/contact/" + token).body();
    assertThat(json(customer.getJson("/api/contact/" + token)).get("reveals")).isEmpty();
    assertThat(thread).doesNotContain("+4930").doesNotContain("ada.help@");
    assertProblem(
        customer.postJson(
            "/api/contact/" + token + "/reveal", str("kind", "email", "value", customerEmail)),
        409,
        "not-accepted");
    assertProblem(
        h.browser()
            .postJson(
                "/api/account/requests/" + id + "/reveal", str("kind", "phone"), h.csrfHeader()),
        409,
        "not-accepted");
    assertProblem(
        h.browser()
            .postJson(
                "/api/account/requests/" + id + "/messages", str("text", "hi"), h.csrfHeader()),
        409,
        "not-accepted");
    assertProblem(
        customer.postJson("/api/contact/" + token + "/close", str("outcome", "fixed")),
        409,
        "not-accepted");

    // the helper's inbox and thread: the message verbatim, never the customer's address
    HttpResponse<String> inbox = h.browser().getJson("/api/account/requests");
    assertThat(inbox.statusCode()).isEqualTo(200);
    assertThat(json(inbox).get("requests").get(0).get("id").asText()).isEqualTo(id);
    assertThat(inbox.body()).doesNotContain(customerEmail);
    HttpResponse<String> ht = h.browser().getJson("/api/account/requests/" + id);
    assertThat(ht.statusCode()).isEqualTo(200);
    JsonNode first = json(ht).get("messages").get(0);
    assertThat(first.get("text").asText()).endsWith(HOSTILE).startsWith("I searched for: ");
    assertThat(first.get("from").asText()).isEqualTo("customer");
    assertThat(ht.body()).doesNotContain(customerEmail);

    // accept, once
    HttpResponse<String> accepted =
        h.browser().postJson("/api/account/requests/" + id + "/accept", "{}", h.csrfHeader());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(json(accepted).get("status").asText()).isEqualTo("accepted");
    assertProblem(
        h.browser().postJson("/api/account/requests/" + id + "/decline", "{}", h.csrfHeader()),
        409,
        "already-answered");

    // messages both ways; the customer is mailed a notice without the text
    int mailsBefore = server.mailsTo(customerEmail).size();
    HttpResponse<String> reply =
        h.browser()
            .postJson(
                "/api/account/requests/" + id + "/messages",
                str("text", "Check the pump filter <b>first</b>"),
                h.csrfHeader());
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
    List<String> customerMails = server.mailsTo(customerEmail);
    assertThat(customerMails).hasSizeGreaterThan(mailsBefore);
    assertThat(customerMails.get(customerMails.size() - 1))
        .doesNotContain("pump filter")
        .doesNotContain(token);
    int helperMailsBefore = server.mailsTo(h.email()).size();
    HttpResponse<String> back =
        customer.postJson("/api/contact/" + token + "/messages", str("text", "Done, thanks"));
    assertThat(back.statusCode()).as(back.body()).isEqualTo(201);
    List<String> toHelper = server.mailsTo(h.email());
    assertThat(toHelper).hasSize(helperMailsBefore + 1);
    assertThat(toHelper.get(toHelper.size() - 1))
        .contains(AccountServer.LINK_BASE + "/account/requests/" + id)
        .doesNotContain("Done, thanks")
        .doesNotContain(customerEmail);
    assertThat(json(back).get("seq").asInt()).isEqualTo(3);

    // after acceptance still nothing revealed until its owner chooses
    assertThat(h.browser().getJson("/api/account/requests/" + id).body())
        .doesNotContain(customerEmail);
    assertThat(customer.getJson("/api/contact/" + token).body())
        .doesNotContain("+4930")
        .doesNotContain("ada.help@");
    HttpResponse<String> shown =
        h.browser()
            .postJson(
                "/api/account/requests/" + id + "/reveal", str("kind", "phone"), h.csrfHeader());
    assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
    JsonNode customerView = json(customer.getJson("/api/contact/" + token));
    assertThat(customerView.get("reveals").toString()).contains("+49301234567");
    assertThat(customerView.toString()).doesNotContain("ada.help@");
    HttpResponse<String> mine =
        customer.postJson(
            "/api/contact/" + token + "/reveal", str("kind", "email", "value", customerEmail));
    assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
    assertThat(h.browser().getJson("/api/account/requests/" + id).body()).contains(customerEmail);

    // close with the outcome: the reputation counts it
    HttpResponse<String> closed =
        customer.postJson("/api/contact/" + token + "/close", str("outcome", "fixed"));
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    assertThat(json(closed).get("status").asText()).isEqualTo("closed");
    assertThat(json(closed).get("outcome").asText()).isEqualTo("fixed");
    HelperStats stats = server.people.contact().reputation(List.of(h.id())).get(h.id());
    assertThat(stats.received()).isEqualTo(1);
    assertThat(stats.answered()).isEqualTo(1);
    assertThat(stats.fixed()).isEqualTo(1);
    assertProblem(
        customer.postJson("/api/contact/" + token + "/messages", str("text", "one more")),
        409,
        "request-closed");
    assertProblem(
        h.browser()
            .postJson(
                "/api/account/requests/" + id + "/messages", str("text", "x"), h.csrfHeader()),
        409,
        "request-closed");
  }

  @Test
  void helpersAndCustomersSeeOnlyTheirOwn() throws Exception {
    Helper a = helper("Alice");
    Helper b = helper("Bob");
    Browser customer = browser();
    JsonNode one = request(customer, a, email("c1"), "first");
    JsonNode two = request(browser(), a, email("c2"), "second");
    String id = one.get("requestId").asText();

    // helper B neither sees nor acts on helper A's request
    assertProblem(b.browser().getJson("/api/account/requests/" + id), 404, "unknown-request");
    assertProblem(
        b.browser().postJson("/api/account/requests/" + id + "/accept", "{}", b.csrfHeader()),
        404,
        "unknown-request");
    assertProblem(
        b.browser()
            .postJson(
                "/api/account/requests/" + id + "/messages", str("text", "x"), b.csrfHeader()),
        404,
        "unknown-request");
    assertThat(b.browser().getJson("/api/account/requests").body()).doesNotContain(id);

    // a customer's token opens its own request only
    JsonNode opened = json(customer.getJson("/api/contact/" + one.get("capability").asText()));
    assertThat(opened.get("request").get("id").asText()).isEqualTo(id);
    assertThat(opened.toString()).doesNotContain("second");
    JsonNode other = json(customer.getJson("/api/contact/" + two.get("capability").asText()));
    assertThat(other.get("request").get("id").asText()).isEqualTo(two.get("requestId").asText());

    // a wrong token: 404, and the problem's instance does not echo it
    String token = one.get("capability").asText();
    char last = token.charAt(token.length() - 1);
    String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    HttpResponse<String> wrong = customer.getJson("/api/contact/" + forged);
    assertProblem(wrong, 404, "unknown-capability");
    assertThat(json(wrong).get("instance").asText()).isEqualTo("/api/contact/{token}");
    assertThat(wrong.body()).doesNotContain(forged);
    assertProblem(customer.getJson("/api/contact/nonsense"), 404, "unknown-capability");
    assertProblem(
        customer.postJson("/api/contact/" + forged + "/close", str("outcome", "fixed")),
        404,
        "unknown-capability");

    // missing or forged CSRF token, no session
    assertProblem(
        a.browser().postJson("/api/account/requests/" + id + "/accept", "{}"), 403, "csrf-token");
    assertProblem(
        a.browser()
            .postJson(
                "/api/account/requests/" + id + "/accept", "{}", Map.of("X-CSRF-Token", b.csrf())),
        403,
        "csrf-token");
    assertProblem(browser().getJson("/api/account/requests"), 401, "not-signed-in");
    // unknown helper
    assertProblem(
        browser()
            .postJson(
                "/api/helpers/0123456789abcdef0123456789abcdef/contact",
                str("email", email("x"), "message", "hello")),
        404,
        "unknown-helper");
    // the request is still open: nothing above changed it
    assertThat(
            json(a.browser().getJson("/api/account/requests/" + id))
                .get("request")
                .get("status")
                .asText())
        .isEqualTo("open");
  }

  @Test
  void declineIsFinalAndRevealNeedsASavedChannel() throws Exception {
    Helper h = helper("Hana");
    Helper other = helper("Ivan");
    Browser customer = browser();
    String customerEmail = email("dec");
    JsonNode sent = request(customer, h, customerEmail, "please help");
    String id = sent.get("requestId").asText();
    String token = sent.get("capability").asText();
    int mails = server.mailsTo(customerEmail).size();
    HttpResponse<String> declined =
        h.browser().postJson("/api/account/requests/" + id + "/decline", "{}", h.csrfHeader());
    assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
    assertThat(json(declined).get("status").asText()).isEqualTo("declined");
    assertThat(server.mailsTo(customerEmail)).hasSize(mails + 1);
    assertThat(
            json(customer.getJson("/api/contact/" + token)).get("request").get("status").asText())
        .isEqualTo("declined");
    assertProblem(
        customer.postJson("/api/contact/" + token + "/messages", str("text", "why?")),
        409,
        "request-closed");
    assertProblem(
        h.browser().postJson("/api/account/requests/" + id + "/accept", "{}", h.csrfHeader()),
        409,
        "already-answered");

    String second = request(browser(), h, email("dec2"), "again").get("requestId").asText();
    assertThat(
            h.browser()
                .postJson("/api/account/requests/" + second + "/accept", "{}", h.csrfHeader())
                .statusCode())
        .isEqualTo(200);
    assertProblem(
        h.browser()
            .postJson(
                "/api/account/requests/" + second + "/reveal",
                str("kind", "phone"),
                h.csrfHeader()),
        400,
        "invalid-input");

    // another helper's request by the pages: a 404 page, nothing changed
    HttpResponse<String> page = other.browser().get("/account/requests/" + second);
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("No such request").doesNotContain("again");
    String csrf = Browser.csrfOf(other.browser().get("/account/requests").body());
    HttpResponse<String> post =
        other
            .browser()
            .postForm(
                "/account/requests/" + second + "/messages", form("csrf", csrf, "text", "hijack"));
    assertThat(post.statusCode()).isEqualTo(404);
    assertThat(h.browser().getJson("/api/account/requests/" + second).body())
        .doesNotContain("hijack");
  }

  @Test
  void badInputIsAProblemNeverA5xx() throws Exception {
    Helper h = helper("Carl");
    Browser c = browser();
    String path = "/api/helpers/" + h.id() + "/contact";
    assertProblem(
        browser().postJson(path, str("email", "not-an-address", "message", "x")),
        400,
        "invalid-input");
    assertProblem(
        browser().postJson(path, str("email", email("e"), "message", " ")), 400, "invalid-input");
    assertProblem(
        browser().postJson(path, str("email", email("e"), "message", "x", "extra", "1")),
        400,
        "unknown-field");
    HttpResponse<String> nul =
        browser().postJson(path, str("email", email("e"), "message", "a\u0000b"));
    assertProblem(nul, 400, "invalid-input");
    assertThat(json(nul).get("detail").asText()).startsWith("message:");
    HttpResponse<String> lone =
        browser()
            .postJson(
                path,
                "{\"email\": \""
                    + email("e")
                    + "\", \"query\": \"x\\ud800\", \"message\": \"ok\"}");
    assertProblem(lone, 400, "invalid-input");
    assertProblem(
        browser().postJson(path, str("email", email("e"), "issue", "é", "message", "fine")),
        400,
        "invalid-input");
    assertProblem(
        browser()
            .postJson(path, str("email", email("e"), "query", "q".repeat(501), "message", "fine")),
        400,
        "invalid-input");
    JsonNode sent = request(browser(), h, email("d"), "hello");
    String token = sent.get("capability").asText();
    assertProblem(
        c.postJson("/api/contact/" + token + "/reveal", str("kind", "fax", "value", "1")),
        400,
        "invalid-input");
    assertProblem(
        c.postJson("/api/contact/" + token + "/close", str("outcome", "maybe")),
        400,
        "invalid-input");
    assertProblem(
        c.postJson("/api/contact/" + token + "/report", str("reason", "")), 400, "invalid-input");
    HttpResponse<String> report =
        c.postJson("/api/contact/" + token + "/report", str("reason", HOSTILE));
    assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
    assertThat(server.people.contact().reportsAbout(h.id()).get(0).reason()).isEqualTo(HOSTILE);
  }

  @Test
  void honeypotAndRateLimit() throws Exception {
    Helper h = helper("Dora");
    String path = "/api/helpers/" + h.id() + "/contact";
    Browser bot = browser();
    String botEmail = email("bot");
    int helperMails = server.mailsTo(h.email()).size();
    HttpResponse<String> trap =
        bot.postJson(
            path, str("email", botEmail, "message", "cheap pills", "website", "http://spam"));
    assertThat(trap.statusCode()).isEqualTo(201);
    String decoy = json(trap).get("capability").asText();
    assertProblem(bot.getJson("/api/contact/" + decoy), 404, "unknown-capability");
    assertThat(server.mailsTo(botEmail)).isEmpty();
    assertThat(server.mailsTo(h.email())).hasSize(helperMails);
    assertThat(rows("SELECT COUNT(*) FROM contact_request WHERE helper_id = ?", h.id())).isZero();

    Browser flood = browser();
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < ContactService.REQUEST_BURST + 2; i++) {
      statuses.add(
          flood.postJson(path, str("email", email("f"), "message", "request " + i)).statusCode());
    }
    assertThat(statuses).contains(201).contains(429);
    HttpResponse<String> limited =
        flood.postJson(path, str("email", email("f"), "message", "again"));
    assertProblem(limited, 429, "rate-limited");
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    // another address is not affected
    request(browser(), h, email("g"), "from elsewhere");

    // one customer address from many client addresses is limited too (each request mails it)
    String victim = email("victim");
    List<Integer> byAddress = new ArrayList<>();
    for (int i = 0; i < ContactService.REQUEST_BURST + 2; i++) {
      byAddress.add(
          browser().postJson(path, str("email", victim, "message", "hi " + i)).statusCode());
    }
    assertThat(byAddress).contains(201).contains(429);
    assertThat(server.mailsTo(victim).size()).isLessThanOrEqualTo(ContactService.REQUEST_BURST + 1);
  }

  /**
   * Random text from hostile fragments, in every free-text field: stored and answered verbatim,
   * rendered inert, never a 5xx. The seed is printed; {@code -Dcontact.seed=N} replays a run.
   */
  @Test
  void randomHostileTextIsStoredVerbatimAndRenderedInert() throws Exception {
    long seed = Long.getLong("contact.seed", System.nanoTime());
    System.out.println("ContactFlowsContract random seed: -Dcontact.seed=" + seed);
    java.util.Random random = new java.util.Random(seed);
    String[] fragments = {
      "<script>alert(1)</script>",
      "'; DROP TABLE contact_message;--",
      "\" OR 1=1 --",
      "%_",
      "\\",
      "&amp;",
      "${7*7}",
      "{{7*7}}",
      "\u202e",
      "日本語",
      "🔧",
      "\r\n",
      "\t",
      " ",
      "a",
      "</textarea><img src=x onerror=alert(1)>",
      "javascript:alert(1)",
      "' OR ''='"
    };
    Helper h = helper("Rita");
    Browser customer = browser();
    JsonNode sent = request(customer, h, email("rnd"), fragments[0]);
    String token = sent.get("capability").asText();
    String id = sent.get("requestId").asText();
    h.browser().postJson("/api/account/requests/" + id + "/accept", "{}", h.csrfHeader());
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      StringBuilder text = new StringBuilder();
      int parts = 1 + random.nextInt(6);
      for (int p = 0; p < parts; p++) text.append(fragments[random.nextInt(fragments.length)]);
      if (text.toString().isBlank()) text.append('x');
      boolean byHelper = random.nextBoolean();
      HttpResponse<String> r =
          byHelper
              ? h.browser()
                  .postJson(
                      "/api/account/requests/" + id + "/messages",
                      str("text", text.toString()),
                      h.csrfHeader())
              : customer.postJson(
                  "/api/contact/" + token + "/messages", str("text", text.toString()));
      assertThat(r.statusCode()).as("seed " + seed + ": " + r.body()).isEqualTo(201);
      written.add(text.toString());
    }
    JsonNode messages = json(customer.getJson("/api/contact/" + token)).get("messages");
    List<String> read = new ArrayList<>();
    for (int i = 1; i < messages.size(); i++) read.add(messages.get(i).get("text").asText());
    assertThat(read).as("seed " + seed).isEqualTo(written);
    for (String page :
        List.of(
            customer.get("/contact/" + token).body(),
            h.browser().get("/account/requests/" + id).body())) {
      assertThat(page)
          .as("seed " + seed)
          .doesNotContain("<script>alert")
          .doesNotContain("<img src=x");
    }
  }

  @Test
  void expiredRequestLeavesNoRow() throws Exception {
    Helper h = helper("Eve");
    JsonNode sent = request(browser(), h, email("old"), "an old request");
    String id = sent.get("requestId").asText();
    assertThat(rows("SELECT COUNT(*) FROM contact_request WHERE id = ?", id)).isEqualTo(1);
    assertThat(rows("SELECT COUNT(*) FROM contact_message WHERE request_id = ?", id)).isEqualTo(1);
    server
        .people
        .contact()
        .purgeExpired(
            Instant.now().plus(server.people.contact().retention()).plus(Duration.ofDays(1)));
    assertThat(rows("SELECT COUNT(*) FROM contact_request WHERE id = ?", id)).isZero();
    assertThat(rows("SELECT COUNT(*) FROM contact_message WHERE request_id = ?", id)).isZero();
    assertThat(rows("SELECT COUNT(*) FROM contact_reveal WHERE request_id = ?", id)).isZero();
    assertProblem(
        browser().getJson("/api/contact/" + sent.get("capability").asText()),
        404,
        "unknown-capability");
    // the counts survive
    assertThat(server.people.contact().reputation(List.of(h.id())).get(h.id()).received())
        .isEqualTo(1);
  }

  @Test
  void pagesWorkByPlainFormPosts() throws Exception {
    Helper h = helper("Finn");
    Browser customer = browser();
    HttpResponse<String> formPage = customer.get("/helper/" + h.id() + "/contact?q=" + "drain+E18");
    assertThat(formPage.statusCode()).isEqualTo(200);
    assertThat(formPage.body())
        .contains("Ask Finn for help")
        .contains("<label for=\"f-email\">")
        .contains("<label for=\"f-message\">")
        .contains("value=\"drain E18\"");

    // a refused form: error summary, the title says so, what was typed comes back
    HttpResponse<String> refused =
        customer.postForm(
            "/helper/" + h.id() + "/contact",
            form("email", email("p"), "query", "", "issue", "", "message", ""));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("There is a problem")
        .contains("<title>Error: ")
        .contains("href=\"#f-message\"");

    String customerEmail = email("page");
    HttpResponse<String> posted =
        customer.postForm(
            "/helper/" + h.id() + "/contact",
            form("email", customerEmail, "query", "drain", "issue", "", "message", HOSTILE));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
    String location = posted.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/contact/").endsWith("?done=sent");
    String token = location.substring("/contact/".length(), location.indexOf('?'));
    tokens.add(token);
    HttpResponse<String> page = customer.get(location);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Your request is sent")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)")
        .doesNotContain(customerEmail);
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");

    // the helper: inbox linked from the account page, thread, accept with the CSRF token
    assertThat(h.browser().get("/account").body()).contains("href=\"/account/requests\"");
    HttpResponse<String> inbox = h.browser().get("/account/requests");
    assertThat(inbox.statusCode()).isEqualTo(200);
    String id =
        json(h.browser().getJson("/api/account/requests"))
            .get("requests")
            .get(0)
            .get("id")
            .asText();
    assertThat(inbox.body()).contains("/account/requests/" + id);
    HttpResponse<String> thread = h.browser().get("/account/requests/" + id);
    assertThat(thread.statusCode()).isEqualTo(200);
    assertThat(thread.body())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)")
        .doesNotContain(customerEmail)
        .contains("action=\"/account/requests/" + id + "/accept\"");
    String csrf = Browser.csrfOf(thread.body());

    HttpResponse<String> noCsrf =
        h.browser().postForm("/account/requests/" + id + "/accept", form());
    assertThat(noCsrf.statusCode()).isEqualTo(403);
    assertThat(noCsrf.body()).contains("Nothing was changed");
    HttpResponse<String> forged =
        h.browser().postForm("/account/requests/" + id + "/accept", form("csrf", "forged"));
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> crossSite =
        h.browser()
            .postForm(
                "/account/requests/" + id + "/accept",
                form("csrf", csrf),
                Map.of("Sec-Fetch-Site", "cross-site"));
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(
            json(h.browser().getJson("/api/account/requests/" + id))
                .get("request")
                .get("status")
                .asText())
        .isEqualTo("open");

    HttpResponse<String> accept =
        h.browser().postForm("/account/requests/" + id + "/accept", form("csrf", csrf));
    assertThat(accept.statusCode()).as(accept.body()).isEqualTo(303);
    assertThat(accept.headers().firstValue("Location"))
        .hasValue("/account/requests/" + id + "?done=accepted");
    HttpResponse<String> message =
        h.browser()
            .postForm("/account/requests/" + id + "/messages", form("csrf", csrf, "text", HOSTILE));
    assertThat(message.statusCode()).isEqualTo(303);
    // an empty message: the thread with an error summary
    HttpResponse<String> empty =
        h.browser()
            .postForm("/account/requests/" + id + "/messages", form("csrf", csrf, "text", ""));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("There is a problem").contains("href=\"#f-text\"");

    // the customer answers, shares a phone number and closes, all by forms
    String base = "/contact/" + token;
    assertThat(customer.postForm(base + "/messages", form("text", "thanks")).statusCode())
        .isEqualTo(303);
    HttpResponse<String> badPhone =
        customer.postForm(base + "/reveal", form("kind", "phone", "value", "not a number"));
    assertThat(badPhone.statusCode()).isEqualTo(400);
    assertThat(badPhone.body()).contains("There is a problem");
    assertThat(
            customer
                .postForm(base + "/reveal", form("kind", "phone", "value", "+44 20 7946 0123"))
                .statusCode())
        .isEqualTo(303);
    assertThat(h.browser().get("/account/requests/" + id).body()).contains("+442079460123");
    HttpResponse<String> closed = customer.postForm(base + "/close", form("outcome", "gave-up"));
    assertThat(closed.statusCode()).isEqualTo(303);
    HttpResponse<String> after =
        customer.get(closed.headers().firstValue("Location").orElseThrow());
    assertThat(after.body()).contains("<b>closed</b>").contains("<b>gave-up</b>");
    // another site's form is refused
    HttpResponse<String> foreign =
        customer.postForm(
            base + "/messages", form("text", "x"), Map.of("Sec-Fetch-Site", "cross-site"));
    assertThat(foreign.statusCode()).isEqualTo(403);
    // a wrong link: a page, 404
    HttpResponse<String> none = customer.get("/contact/" + token.substring(0, 40) + "x");
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.body()).contains("This link opens no request");
    // not signed in: the inbox sends to sign in
    assertThat(browser().get("/account/requests").statusCode()).isEqualTo(303);
  }

  @Test
  void tokensNeverReachTheAccessLog() throws Exception {
    Helper h = helper("Gil");
    Browser c = browser();
    JsonNode sent = request(c, h, email("log"), "hello");
    String token = sent.get("capability").asText();
    c.getJson("/api/contact/" + token);
    c.get("/contact/" + token);
    c.getJson("/api/contact/" + token + "x");
    String log = "";
    for (int i = 0; i < 50 && !log.contains("/contact/{token}"); i++) {
      Thread.sleep(50);
      log = Files.exists(accessLog) ? Files.readString(accessLog) : "";
    }
    assertThat(log).contains("GET /api/contact/{token} 200").contains("GET /contact/{token} 200");
    for (String t : tokens) {
      assertThat(log).doesNotContain(t.substring(33));
    }
  }
}
