package io.fixfinder.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.fixfinder.api.account.AccountServer;
import io.fixfinder.api.account.Browser;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.config.FixFinderConfig.SmtpSecurity;
import io.fixfinder.store.Database;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account and contact mails as they leave by SMTP ({@link SmtpMailer}) from the real server to
 * a real SMTP server in-process (GreenMail): who gets which mail, that its link works, and that no
 * mail carries what was written or the other side's address. Then the SMTP server is unreachable:
 * each mail not sent is a log line that names the kind and the server, never an address or a link,
 * and nothing the server acknowledged is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpMailFlowsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger CLIENTS = new AtomicInteger(1);
  static final String PASSWORD = "correct horse battery staple";
  static final String FROM = "FixFinder <no-reply@fixfinder.test>";

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(patient(ServerSetupTest.SMTP.dynamicPort()))
          .withPerMethodLifecycle(false);

  private static ServerSetup patient(ServerSetup setup) {
    setup.setServerStartupTimeout(20_000);
    return setup;
  }

  /** The mail server the application talks to: GreenMail, or a port nobody listens on. */
  static final class Switch implements Mailer {
    volatile Mailer current;

    @Override
    public Delivery send(MailMessage message) {
      return current.send(message);
    }
  }

  final Switch mailer = new Switch();
  SmtpMailer working;
  SmtpMailer dead;
  int deadPort;
  AccountServer server;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    working = smtp(SMTP.getSmtp().getPort());
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    dead = smtp(deadPort);
    mailer.current = working;
    server =
        new AccountServer(
            dir,
            Database.open("jdbc:sqlite:" + dir.resolve("fixfinder.db")),
            AccountServer.SETTINGS,
            mailer);
  }

  static SmtpMailer smtp(int port) {
    return new SmtpMailer(
        new FixFinderConfig.Mail(
            FROM, "outbox", new FixFinderConfig.Smtp("127.0.0.1", port, "", SmtpSecurity.NONE, 5)),
        Map.of());
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) server.close();
  }

  @BeforeEach
  void reset() throws Exception {
    mailer.current = working;
    SMTP.purgeEmailFromAllMailboxes();
  }

  // ---- fixtures ----

  record Mail(String to, String from, String subject, String body, List<String> autoSubmitted) {}

  /** Every mail GreenMail received, oldest first. */
  static List<Mail> received() throws Exception {
    List<Mail> out = new ArrayList<>();
    for (MimeMessage m : SMTP.getReceivedMessages()) {
      assertThat(m.getAllRecipients()).hasSize(1);
      String[] auto = m.getHeader("Auto-Submitted");
      out.add(
          new Mail(
              m.getAllRecipients()[0].toString(),
              m.getFrom()[0].toString(),
              m.getSubject(),
              ((String) m.getContent()).replace("\r\n", "\n"),
              auto == null ? List.of() : List.of(auto)));
    }
    return out;
  }

  static List<Mail> to(String address) throws Exception {
    return received().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
  }

  /** The one mail to {@code address} with {@code subject}. */
  static Mail only(String address, String subject) throws Exception {
    List<Mail> mails = to(address).stream().filter(m -> m.subject().equals(subject)).toList();
    assertThat(mails).as("mails to " + address + " titled '" + subject + "'").hasSize(1);
    Mail m = mails.get(0);
    assertThat(m.from()).isEqualTo(FROM);
    assertThat(m.autoSubmitted()).containsExactly("auto-generated");
    return m;
  }

  static String token(Mail m, String path) {
    Matcher t =
        Pattern.compile(Pattern.quote(AccountServer.LINK_BASE + path + "?token=") + "([\\w-]+)")
            .matcher(m.body());
    assertThat(t.find()).as("a link to " + path + " in:\n" + m.body()).isTrue();
    return t.group(1);
  }

  Browser browser() {
    int n = CLIENTS.getAndIncrement();
    return new Browser(server, "10.9." + (n / 250) + "." + (n % 250 + 1));
  }

  static String email(String who) {
    // lower case: the store keeps addresses so, and mails go to what it keeps
    return who.toLowerCase(java.util.Locale.ROOT) + "-" + System.nanoTime() + "@example.org";
  }

  static String str(Object... kv) throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return JSON.writeValueAsString(m);
  }

  static JsonNode ok(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
  }

  record Helper(Browser browser, String id, String email, Map<String, String> csrf) {}

  /** Registers, confirms by the mailed link and signs in. */
  Helper helper(String name) throws Exception {
    Browser b = browser();
    String address = email(name);
    ok(
        b.postJson(
            "/api/account/register",
            str("email", address, "password", PASSWORD, "displayName", name)),
        202);
    String token = token(only(address, "Confirm your FixFinder helper account"), "/account/verify");
    ok(b.postJson("/api/account/verify", str("token", token)), 200);
    JsonNode session =
        ok(b.postJson("/api/account/login", str("email", address, "password", PASSWORD)), 200);
    return new Helper(
        b,
        session.get("helperId").asText(),
        address,
        Map.of("X-CSRF-Token", session.get("csrfToken").asText()));
  }

  static Captured capture(ThrowingRunnable r) throws Exception {
    PrintStream err = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(err);
    }
    return new Captured(out.toString(StandardCharsets.UTF_8));
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  record Captured(String text) {
    /** The lines FixFinder's own classes logged. */
    List<String> ours() {
      return text.lines().filter(l -> l.contains(" io.fixfinder.")).toList();
    }
  }

  /** The server's count of mails with {@code outcome}, from {@code /metrics}. */
  double mails(String outcome) throws Exception {
    HttpResponse<String> r = browser().get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    Matcher m =
        Pattern.compile(
                "(?m)^fixfinder_mail_messages_total\\{outcome=\"" + outcome + "\",?\\} (\\S+)$")
            .matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return Double.parseDouble(m.group(1));
  }

  // ---- the account mails ----

  @Test
  void accountMailsArriveWithWorkingLinksAndNoSecrets() throws Exception {
    Helper h = helper("Vera");
    Mail verification = only(h.email(), "Confirm your FixFinder helper account");
    assertThat(verification.body()).doesNotContain(PASSWORD).contains("48 hours");

    // Registering again mails a sign-in hint, no token, and tells the form nothing new.
    ok(
        browser()
            .postJson(
                "/api/account/register",
                str("email", h.email(), "password", "another long password", "displayName", "X")),
        202);
    Mail again = only(h.email(), "You already have a FixFinder helper account");
    assertThat(again.body())
        .contains(AccountServer.LINK_BASE + "/account/login")
        .contains(AccountServer.LINK_BASE + "/account/forgot")
        .doesNotContain("token=");

    // Forgotten password: the reset link works once and the new password signs in.
    Browser b = browser();
    ok(b.postJson("/api/account/password/forgot", str("email", h.email())), 202);
    Mail reset = only(h.email(), "Reset your FixFinder password");
    String token = token(reset, "/account/reset");
    String fresh = "a brand new passphrase 42";
    ok(b.postJson("/api/account/password/reset", str("token", token, "password", fresh)), 200);
    assertThat(
            b.postJson("/api/account/password/reset", str("token", token, "password", fresh))
                .statusCode())
        .isBetween(400, 499);
    ok(b.postJson("/api/account/login", str("email", h.email(), "password", fresh)), 200);
    assertThat(reset.body()).doesNotContain(fresh).doesNotContain(PASSWORD);

    // A reset for an address with no account sends nothing, and says the same.
    String nobody = email("nobody");
    ok(b.postJson("/api/account/password/forgot", str("email", nobody)), 202);
    assertThat(to(nobody)).isEmpty();
    assertThat(to(h.email())).hasSize(3);
  }

  // ---- the contact mails ----

  @Test
  void contactMailsCarryLinksNeverTheTextOrTheOtherSidesAddress() throws Exception {
    Helper h = helper("Ines");
    String helperMailChannel = "ines.private-" + System.nanoTime() + "@example.net";
    ok(
        h.browser()
            .postJson(
                "/api/account/channels",
                str("phone", "+44 20 7946 0321", "email", helperMailChannel),
                h.csrf()),
        200);
    Browser customer = browser();
    String customerEmail = email("cust");
    String customerChannel = "cust.other-" + System.nanoTime() + "@example.com";
    String first = "FIRST-" + System.nanoTime() + " <b>drum full of water</b>";
    JsonNode sent =
        ok(
            customer.postJson(
                "/api/helpers/" + h.id() + "/contact",
                str(
                    "email",
                    customerEmail,
                    "query",
                    "washing machine won't drain E18",
                    "message",
                    first)),
            201);
    String requestId = sent.get("requestId").asText();
    String capability = sent.get("capability").asText();

    Mail toHelper = only(h.email(), "Someone asks for your help on FixFinder");
    assertThat(toHelper.body())
        .contains(AccountServer.LINK_BASE + "/account/requests/" + requestId);
    Mail toCustomer = only(customerEmail, "Your FixFinder request");
    assertThat(toCustomer.body())
        .contains(AccountServer.LINK_BASE + "/contact/" + capability)
        .contains("Ines");

    ok(h.browser().postJson("/api/account/requests/" + requestId + "/accept", "{}", h.csrf()), 200);
    String helperText = "HELPER-" + System.nanoTime() + " check the pump filter";
    ok(
        h.browser()
            .postJson(
                "/api/account/requests/" + requestId + "/messages",
                str("text", helperText),
                h.csrf()),
        201);
    ok(
        h.browser()
            .postJson(
                "/api/account/requests/" + requestId + "/reveal", str("kind", "phone"), h.csrf()),
        200);
    String customerText = "CUSTOMER-" + System.nanoTime() + " found a coin in it";
    ok(
        customer.postJson("/api/contact/" + capability + "/messages", str("text", customerText)),
        201);
    ok(
        customer.postJson(
            "/api/contact/" + capability + "/reveal",
            str("kind", "email", "value", customerChannel)),
        200);

    // The customer: the private link once, then a notice per answer and message, no link again.
    List<Mail> customerMails = to(customerEmail);
    assertThat(customerMails)
        .extracting(Mail::subject)
        .containsExactly(
            "Your FixFinder request",
            "News about your FixFinder request",
            "News about your FixFinder request",
            "News about your FixFinder request");
    assertThat(customerMails.subList(1, 4))
        .extracting(Mail::body)
        .satisfiesExactly(
            b -> assertThat(b).contains("accepted your request"),
            b -> assertThat(b).contains("wrote to you"),
            b -> assertThat(b).contains("shared a way to reach them"));
    for (Mail m : customerMails.subList(1, 4)) {
      assertThat(m.body()).doesNotContain(capability).doesNotContain("http");
    }
    // The helper: the request, then a notice for each thing the customer did once accepted.
    List<Mail> helperMails =
        to(h.email()).stream().filter(m -> !m.subject().startsWith("Confirm")).toList();
    assertThat(helperMails)
        .extracting(Mail::subject)
        .containsExactly(
            "Someone asks for your help on FixFinder",
            "News on a FixFinder request you accepted",
            "News on a FixFinder request you accepted");
    assertThat(helperMails.get(1).body()).contains("wrote to you");
    assertThat(helperMails.get(2).body()).contains("shared a way to reach them");
    for (Mail m : helperMails) {
      assertThat(m.body())
          .contains(AccountServer.LINK_BASE + "/account/requests/" + requestId)
          .doesNotContain(capability);
    }

    // No mail, to anyone, holds what was written or revealed, or the other side's address.
    List<String> secrets =
        List.of(
            first,
            "drum full of water",
            helperText,
            customerText,
            "7946",
            "+442079460321",
            helperMailChannel,
            customerChannel);
    for (Mail m : received()) {
      for (String s : secrets) assertThat(m.body()).as(m.subject()).doesNotContain(s);
      assertThat(m.subject()).doesNotContain("E18");
    }
    for (Mail m : to(h.email())) assertThat(m.body()).doesNotContain(customerEmail);
    for (Mail m : customerMails) assertThat(m.body()).doesNotContain(h.email());
    // Nobody else was mailed: not the revealed addresses, not anyone in the text.
    assertThat(received())
        .extracting(Mail::to)
        .allSatisfy(to -> assertThat(to).isIn(h.email(), customerEmail));
  }

  // ---- the SMTP server is down ----

  @Test
  void anUnreachableMailServerIsLoggedByKindAndLosesNothing() throws Exception {
    Helper h = helper("Odile");
    Browser customer = browser();
    String customerEmail = email("cust");
    String text = "DOWN-" + System.nanoTime() + " it smells of burnt rubber";
    int before = received().size();
    double sentBefore = mails("sent");
    double failedBefore = mails("failed");
    mailer.current = dead;
    String[] answer = new String[2];
    Captured log =
        capture(
            () -> {
              JsonNode sent =
                  ok(
                      customer.postJson(
                          "/api/helpers/" + h.id() + "/contact",
                          str("email", customerEmail, "message", text)),
                      201);
              answer[0] = sent.get("requestId").asText();
              answer[1] = sent.get("capability").asText();
              // registering with the server down: acknowledged, the account is kept
              ok(
                  browser()
                      .postJson(
                          "/api/account/register",
                          str(
                              "email",
                              "late-" + customerEmail,
                              "password",
                              PASSWORD,
                              "displayName",
                              "Late")),
                  202);
            });
    String where = "mail via smtp://127.0.0.1:" + deadPort + " failed:";
    assertThat(log.ours())
        .anyMatch(l -> l.contains("new-request mail not delivered: " + where))
        .anyMatch(l -> l.contains("request-sent mail not delivered: " + where))
        .anyMatch(l -> l.contains("verification mail not delivered: " + where));
    assertThat(log.text())
        .doesNotContain(customerEmail)
        .doesNotContain(h.email())
        .doesNotContain(answer[1])
        .doesNotContain(answer[1].substring(answer[1].indexOf('.') + 1))
        .doesNotContain(text);
    assertThat(received()).hasSize(before);
    // ... and counted, for an operator to alert on
    assertThat(mails("failed")).isEqualTo(failedBefore + 3);
    assertThat(mails("sent")).isEqualTo(sentBefore);

    // Nothing acknowledged is lost: the customer's link opens the request, the helper's inbox
    // holds it, and once the server is back the next mails go out.
    JsonNode thread = ok(customer.getJson("/api/contact/" + answer[1]), 200);
    assertThat(thread.toString()).contains(text);
    JsonNode inbox = ok(h.browser().getJson("/api/account/requests"), 200);
    assertThat(inbox.toString()).contains(answer[0]);
    mailer.current = working;
    ok(
        browser().postJson("/api/account/verify/resend", str("email", "late-" + customerEmail)),
        202);
    token(
        only("late-" + customerEmail, "Confirm your FixFinder helper account"), "/account/verify");
    ok(h.browser().postJson("/api/account/requests/" + answer[0] + "/accept", "{}", h.csrf()), 200);
    assertThat(only(customerEmail, "News about your FixFinder request").body())
        .contains("accepted your request");
    assertThat(mails("sent")).isEqualTo(sentBefore + 2);
    assertThat(mails("failed")).isEqualTo(failedBefore + 3);
  }
}
