package io.fixfinder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.fixfinder.app.Browser;
import io.fixfinder.app.Main;
import io.fixfinder.app.pipeline.DataLayout;
import io.fixfinder.app.pipeline.IndexPipeline;
import io.fixfinder.core.config.ConfigLoader;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.records.RecordLog;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15's journey in two real browsers against {@code serve} (the composition root, in-process)
 * over a small indexed corpus with the demo's forty fictional helpers, mail going by SMTP to an
 * in-process server (GreenMail). A volunteer registers, confirms the address by the mailed link,
 * signs in, says what they fix and when, and saves a private channel; a customer in another browser
 * (other cookies, JavaScript off) finds them on the drain search, writes, and follows the request
 * by the private link; the helper accepts; they write to each other; the customer closes it as
 * fixed. Every page either of them sees passes axe-core (no serious or critical WCAG 2.2 A/AA
 * violation), and neither side sees the other's address or channel before choosing to share it.
 */
class HelperJourneyIT {
  static final String QUERY = "washing machine won't drain E18";
  static final String PASSWORD = "tumble dryer lint everywhere";
  static final String HELPER_LOGIN = "mira.journey@example.org";
  static final String HELPER_EMAIL_CHANNEL = "mira.private@example.net";

  /** Ofcom's range for drama (020 7946 0000-0999): fictional, never anyone's number. */
  static final String HELPER_PHONE = "+44 20 7946 0123";

  static final String HELPER_PHONE_E164 = "+442079460123";
  static final String CUSTOMER_EMAIL = "sam.customer@example.com";
  static final String HELPER_NAME = "Mira Journeyfix";
  static final String FIRST_MESSAGE = "Drum full of water, E18 on the display; I checked the hose.";
  static final String CUSTOMER_REPLY =
      "The pump filter was full of fluff and a coin. Draining now!";
  static final String HELPER_REPLY = "Great. Run an empty hot wash to flush the sump.";

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(patient(ServerSetupTest.SMTP.dynamicPort()))
          .withPerMethodLifecycle(false);

  @TempDir static Path dir;
  static Serving.Running served;
  static String base;

  private static ServerSetup patient(ServerSetup setup) {
    setup.setServerStartupTimeout(20_000);
    return setup;
  }

  @BeforeAll
  static void serve() throws Exception {
    long start = System.nanoTime();
    Path data = dir.resolve("data");
    Path config = dir.resolve("fixfinder.yaml");
    int port = freePort();
    Files.writeString(
        config,
        "mail:\n"
            + "  from: \"FixFinder <no-reply@fixfinder.test>\"\n"
            + "  smtp:\n"
            + "    host: 127.0.0.1\n"
            + "    port: "
            + SMTP.getSmtp().getPort()
            + "\n"
            + "    security: none\n");
    FixFinderConfig cfg =
        ConfigLoader.load(Optional.of(config), Map.of()).withDataDir(data).withPort(port);
    try (RecordLog log = RecordLog.openForAppend(new DataLayout(data).records())) {
      for (SourceDoc d : corpus()) log.put(d);
    }
    String[] index = {"index", "--data", data.toString(), "--config", config.toString()};
    assertThat(Main.run(index)).isZero();
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    DemoCommand.seedHelpers(cfg, quiet, new IndexPipeline(cfg, new DataLayout(data), quiet));
    served = Serving.start(cfg);
    base = "http://127.0.0.1:" + served.server().port();
    assertThat(served.server().port()).isEqualTo(port);
    System.out.printf("journey: server ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  @AfterAll
  static void stop() throws Exception {
    if (served != null) served.close();
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Forum threads and a manual page about the drain fault, and a few about other faults. */
  static List<SourceDoc> corpus() {
    String[][] drain = {
      {"Aqualine WM-8420X won't drain, E18 on display", "Pulled the drain pump filter: socks."},
      {"E18 error on my Aqualine washer, water stays in drum", "Cleared the pump filter, fixed."},
      {"Washing machine not draining, code E18", "The drain hose was kinked behind it."},
      {"WM-8420X E18 drain fault after a wash", "Filter behind the kick plate was blocked."},
      {"Aqualine washing machine won't pump out, E18", "Coin stuck in the drain pump impeller."},
      {
        "E18: water will not drain from washing machine",
        "Emptied via emergency hose, cleaned filter."
      },
    };
    String[][] other = {
      {"Coffee machine leaking from the bottom", "Replaced the brew group seal."},
      {"Dishwasher not heating water", "Heating element failed; replaced it."},
    };
    List<SourceDoc> docs = new ArrayList<>();
    int i = 0;
    for (String[][] group : List.of(drain, other)) {
      for (String[] d : group) {
        String url = "http://forum.example/t/" + i++;
        docs.add(
            new SourceDoc(
                SourceDoc.idFor(url),
                url,
                SourceKind.FORUM,
                "forum.example",
                d[0],
                d[0] + ". " + d[1] + " That fixed it.",
                null,
                null,
                null,
                true,
                null,
                null));
      }
    }
    return docs;
  }

  // ---- mail ----

  /** The messages GreenMail received for {@code to}, oldest first. */
  static List<MimeMessage> mailsTo(String to) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : SMTP.getReceivedMessages()) {
      if (m.getAllRecipients()[0].toString().equalsIgnoreCase(to)) out.add(m);
    }
    return out;
  }

  /** The newest mail to {@code to} with {@code subject}, waiting a little for it. */
  static String body(String to, String subject) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      List<MimeMessage> mails = mailsTo(to);
      for (int i = mails.size() - 1; i >= 0; i--) {
        if (mails.get(i).getSubject().equals(subject)) {
          return ((String) mails.get(i).getContent()).replace("\r\n", "\n");
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no mail to " + to + " titled '" + subject + "'");
      }
      Thread.sleep(100);
    }
  }

  static long count(String to, String subject) throws Exception {
    long n = 0;
    for (MimeMessage m : mailsTo(to)) if (m.getSubject().equals(subject)) n++;
    return n;
  }

  static String link(String body, String pathPattern) {
    Matcher m = Pattern.compile(Pattern.quote(base) + pathPattern).matcher(body);
    assertThat(m.find()).as("a link to " + pathPattern + " in:\n" + body).isTrue();
    return m.group();
  }

  // ---- pages ----

  static String text(WebDriver d) {
    return d.findElement(By.tagName("body")).getText();
  }

  static void submit(WebDriver d, String buttonText) {
    Browser.clickAndLoad(
        d, d.findElement(By.xpath("//main//button[normalize-space()='" + buttonText + "']")));
  }

  static void type(WebDriver d, String id, String value) {
    WebElement e = d.findElement(By.id(id));
    e.clear();
    e.sendKeys(value);
  }

  /**
   * Hours that include now in {@code zone}: the whole of today and tomorrow there (a run that
   * crosses midnight stays inside), and an evening on another day, so the schedule is a real week
   * and the helper is "available now" whenever the test runs.
   */
  static String hoursIncludingNow(ZoneId zone) {
    DayOfWeek today = ZonedDateTime.now(zone).getDayOfWeek();
    return day(today)
        + " 00:00-24:00, "
        + day(today.plus(1))
        + " 00:00-24:00, "
        + day(today.plus(3))
        + " 18:00-22:00";
  }

  private static String day(DayOfWeek d) {
    return d.getDisplayName(TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT);
  }

  @Test
  void aVolunteerIsFoundContactedAndHelpsThroughTheRelay() throws Exception {
    long start = System.nanoTime();
    try (Browser helperBrowser = new Browser(dir.resolve("chromium-helper"), true);
        Browser customerBrowser = new Browser(dir.resolve("chromium-customer"), true)) {
      customerBrowser.turnOffPageScripts();
      WebDriver h = helperBrowser.driver;
      WebDriver c = customerBrowser.driver;
      WebDriverWait hWait = new WebDriverWait(h, Duration.ofSeconds(20));
      WebDriverWait cWait = new WebDriverWait(c, Duration.ofSeconds(20));

      // ---- the volunteer registers ----
      h.get(base + "/account/register");
      helperBrowser.assertAccessible("the registration page");
      type(h, "f-displayName", HELPER_NAME);
      type(h, "f-email", HELPER_LOGIN);
      type(h, "f-password", PASSWORD);
      submit(h, "Register");
      hWait.until(ExpectedConditions.urlContains("/account/check-mail"));
      helperBrowser.assertAccessible("the check-your-mail page");

      // ... confirms the address by the link in the mail ...
      String verification = body(HELPER_LOGIN, "Confirm your FixFinder helper account");
      h.get(link(verification, "/account/verify\\?token=[A-Za-z0-9_-]+"));
      helperBrowser.assertAccessible("the confirm page");
      submit(h, "Confirm my address");
      assertThat(text(h)).containsIgnoringCase("confirmed");
      helperBrowser.assertAccessible("the address-confirmed page");

      // ... signs in ...
      h.get(base + "/account/login");
      helperBrowser.assertAccessible("the sign-in page");
      type(h, "f-email", HELPER_LOGIN);
      type(h, "f-password", PASSWORD);
      submit(h, "Sign in");
      hWait.until(ExpectedConditions.urlContains("/account/profile"));

      // ... looks up the fault they know to name its issue among their skills ...
      h.get(base + "/?q=" + enc(QUERY));
      helperBrowser.assertAccessible("the drain search, signed in");
      Browser.clickAndLoad(h, h.findElement(By.cssSelector(".issue h3 a")));
      hWait.until(ExpectedConditions.urlContains("/issue/iss-"));
      String issueId = h.getCurrentUrl().replaceAll(".*/issue/(iss-[0-9a-f]+).*", "$1");
      String issueLabel = h.findElement(By.tagName("h1")).getText();
      helperBrowser.assertAccessible("the drain issue's page");

      // ... says what they fix, where and when ...
      h.get(base + "/account/profile");
      helperBrowser.assertAccessible("the profile editor");
      type(h, "f-bio", "Retired appliance engineer; washing machines are my thing.");
      type(
          h,
          "f-skills",
          "issue: " + issueId + "\nmodel: WM-8420X\nbrand: Aqualine\ntype: washing-machine");
      type(h, "f-languages", "en, de");
      type(h, "f-country", "JP");
      type(h, "f-city", "Tokyo");
      WebElement remote = h.findElement(By.id("f-remote"));
      if (!remote.isSelected()) remote.click();
      type(h, "f-timeZone", "Asia/Tokyo");
      type(h, "f-weeklyHours", hoursIncludingNow(ZoneId.of("Asia/Tokyo")));
      submit(h, "Save profile");
      assertThat(h.findElements(By.cssSelector(".error-summary, .field-error")))
          .as(text(h))
          .isEmpty();
      assertThat(h.findElement(By.id("f-timeZone")).getAttribute("value")).isEqualTo("Asia/Tokyo");
      assertThat(h.findElement(By.id("f-skills")).getAttribute("value")).contains(issueId);
      helperBrowser.assertAccessible("the profile editor after saving");

      // ... and a private way to reach them, shown to nobody until they choose.
      h.get(base + "/account/channels");
      helperBrowser.assertAccessible("the channels page");
      type(h, "f-email", HELPER_EMAIL_CHANNEL);
      type(h, "f-phone", HELPER_PHONE);
      submit(h, "Save contact channels");
      assertThat(h.findElements(By.cssSelector(".error-summary, .field-error")))
          .as(text(h))
          .isEmpty();
      helperBrowser.assertAccessible("the channels page after saving");
      submit(h, "Sign out");
      helperBrowser.assertAccessible("the signed-out page");

      // ---- the customer, in another browser without JavaScript, finds them ----
      c.get(base + "/?q=" + enc(QUERY));
      assertThat(c.findElement(By.id("q")).getAttribute("aria-expanded"))
          .as("the customer's browser runs no page script")
          .isNull();
      // The directory follows account changes soon after, not at once.
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (c.findElements(By.linkText(HELPER_NAME)).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(500);
        c.navigate().refresh();
      }
      WebElement panel = c.findElement(By.xpath("//section[.//h2[.='People who can help']]"));
      assertThat(panel.findElements(By.linkText(HELPER_NAME)))
          .as("the new helper among the people who can help: " + panel.getText())
          .hasSize(1);
      // The only one who named this issue leads the forty demo helpers, new as they are, and
      // their hours count in their own time zone.
      WebElement first = panel.findElement(By.cssSelector("li.helper"));
      assertThat(first.findElement(By.tagName("h3")).getText()).isEqualTo(HELPER_NAME);
      assertThat(first.getText())
          .contains("Tokyo, Japan")
          .contains("knows this very issue")
          .contains("available now")
          // a new helper's skills are no track record
          .doesNotContain("fixed");
      customerBrowser.assertAccessible("the drain search with the helpers panel");
      noChannelOf(c, "the search page");
      // The directory page finds them too, by its GET form (no script runs in this browser); the
      // URL holds the filters, so Back from another filter brings them back.
      c.get(base + "/helpers");
      customerBrowser.assertAccessible("the helper directory");
      new Select(c.findElement(By.id("h-type"))).selectByValue("washing-machine");
      type(c, "h-brand", "Aqualine");
      submit(c, "Show helpers");
      cWait.until(ExpectedConditions.urlContains("type=washing-machine"));
      assertThat(c.getCurrentUrl()).contains("brand=Aqualine");
      assertThat(c.findElements(By.linkText(HELPER_NAME)))
          .as("the new helper in the directory: " + text(c))
          .hasSize(1);
      customerBrowser.assertAccessible("the helper directory, filtered");
      noChannelOf(c, "the helper directory");
      c.get(base + "/helpers?type=printer");
      assertThat(text(c)).contains("Nobody is registered for printer or scanner yet.");
      assertThat(c.findElement(By.linkText("offer your help")).getAttribute("href"))
          .endsWith("/account/register");
      customerBrowser.assertAccessible("the helper directory with nobody for a filter");
      c.navigate().back();
      cWait.until(ExpectedConditions.urlContains("brand=Aqualine"));
      assertThat(c.findElement(By.id("h-brand")).getAttribute("value")).isEqualTo("Aqualine");
      assertThat(new Select(c.findElement(By.id("h-type"))).getFirstSelectedOption().getText())
          .isEqualTo("Washing machine");
      c.get(base + "/?q=" + enc(QUERY));
      panel = c.findElement(By.xpath("//section[.//h2[.='People who can help']]"));
      Browser.clickAndLoad(c, panel.findElement(By.linkText(HELPER_NAME)));
      cWait.until(ExpectedConditions.urlContains("/helper/"));
      assertThat(c.findElement(By.tagName("h1")).getText()).isEqualTo(HELPER_NAME);
      assertThat(text(c))
          .contains("Tokyo")
          .contains("Issue: " + issueLabel)
          .contains("Model: WM-8420X")
          .doesNotContain(issueId);
      customerBrowser.assertAccessible("the helper's public profile");
      noChannelOf(c, "the helper's profile");

      Browser.clickAndLoad(c, c.findElement(By.linkText("Contact " + HELPER_NAME)));
      cWait.until(ExpectedConditions.urlContains("/contact"));
      customerBrowser.assertAccessible("the contact form");
      noChannelOf(c, "the contact form");
      assertThat(c.findElements(By.cssSelector("main form[method=post]"))).hasSize(1);
      // The search and its issue came along from the panel: the request says what it is about.
      assertThat(c.findElement(By.id("f-query")).getAttribute("value")).isEqualTo(QUERY);
      assertThat(c.findElement(By.name("issue")).getAttribute("value")).isEqualTo(issueId);
      type(c, "f-email", CUSTOMER_EMAIL);
      type(c, "f-message", FIRST_MESSAGE);
      submit(c, "Send request");
      cWait.until(ExpectedConditions.urlMatches("/contact/[0-9a-f]+\\.[A-Za-z0-9_-]+\\?done=sent"));
      String privateLink = c.getCurrentUrl().replaceAll("\\?.*", "");
      assertThat(text(c)).contains("Your request is sent").contains(FIRST_MESSAGE);
      customerBrowser.assertAccessible("the customer's new request");
      noChannelOf(c, "the customer's request before acceptance");

      // The customer is mailed the private link; the helper a link to the request, and neither
      // mail carries what was written or the customer's address.
      String sent = body(CUSTOMER_EMAIL, "Your FixFinder request");
      assertThat(link(sent, "/contact/[0-9a-f]+\\.[A-Za-z0-9_-]+")).isEqualTo(privateLink);
      assertThat(sent).contains(HELPER_NAME).doesNotContain(FIRST_MESSAGE);
      String notice = body(HELPER_LOGIN, "Someone asks for your help on FixFinder");
      String requestLink = link(notice, "/account/requests/[0-9a-f]+");
      assertThat(notice).doesNotContain(FIRST_MESSAGE).doesNotContain(CUSTOMER_EMAIL);

      // ---- the helper follows the mailed link, signs in, finds it in the inbox and accepts ----
      h.get(requestLink);
      hWait.until(ExpectedConditions.urlContains("/account/login?next="));
      helperBrowser.assertAccessible("the sign-in page on the way to a request");
      type(h, "f-email", HELPER_LOGIN);
      type(h, "f-password", PASSWORD);
      submit(h, "Sign in");
      hWait.until(ExpectedConditions.urlToBe(requestLink));
      assertThat(h.findElement(By.tagName("h1")).getText())
          .isEqualTo("Request about " + issueLabel);
      Browser.clickAndLoad(h, h.findElement(By.linkText("Requests")));
      hWait.until(ExpectedConditions.urlToBe(base + "/account/requests"));
      helperBrowser.assertAccessible("the helper's inbox");
      assertThat(h.findElement(By.cssSelector("table.inbox")).getText())
          .contains("About " + issueLabel)
          .contains("open");
      Browser.clickAndLoad(h, h.findElement(By.cssSelector("table.inbox a")));
      hWait.until(ExpectedConditions.urlToBe(requestLink));
      assertThat(text(h)).contains(FIRST_MESSAGE).contains(QUERY).doesNotContain(CUSTOMER_EMAIL);
      helperBrowser.assertAccessible("the request, before answering");
      submit(h, "Accept");
      hWait.until(ExpectedConditions.urlContains("done=accepted"));
      assertThat(text(h)).contains("You accepted the request");
      helperBrowser.assertAccessible("the request, accepted");
      assertThat(body(CUSTOMER_EMAIL, "News about your FixFinder request"))
          .contains("accepted your request")
          .doesNotContain("/contact/");

      // ---- they write to each other through the site ----
      c.get(privateLink);
      assertThat(c.findElement(By.tagName("main")).getText()).contains("accepted");
      noChannelOf(c, "the customer's request once accepted, before the helper shares");
      type(c, "f-text", CUSTOMER_REPLY);
      submit(c, "Send message");
      cWait.until(ExpectedConditions.urlContains("done=message"));
      assertThat(text(c)).contains("Your message is sent").contains(CUSTOMER_REPLY);
      customerBrowser.assertAccessible("the customer's request after writing");
      String customerWrote = body(HELPER_LOGIN, "News on a FixFinder request you accepted");
      assertThat(link(customerWrote, "/account/requests/[0-9a-f]+")).isEqualTo(requestLink);
      assertThat(customerWrote).doesNotContain(CUSTOMER_REPLY).doesNotContain(CUSTOMER_EMAIL);

      long repliesBefore = count(CUSTOMER_EMAIL, "News about your FixFinder request");
      h.get(requestLink);
      assertThat(text(h)).contains(CUSTOMER_REPLY);
      type(h, "f-text", HELPER_REPLY);
      submit(h, "Send message");
      hWait.until(ExpectedConditions.urlContains("done=message"));
      assertThat(text(h)).contains(HELPER_REPLY);
      helperBrowser.assertAccessible("the request after the helper wrote");
      assertThat(count(CUSTOMER_EMAIL, "News about your FixFinder request"))
          .isEqualTo(repliesBefore + 1);
      assertThat(body(CUSTOMER_EMAIL, "News about your FixFinder request"))
          .contains("wrote to you")
          .doesNotContain(HELPER_REPLY)
          .doesNotContain(HELPER_EMAIL_CHANNEL)
          .doesNotContain(HELPER_LOGIN);

      c.get(privateLink);
      assertThat(text(c)).contains(HELPER_REPLY);
      noChannelOf(c, "the customer's request before the helper shares a channel");

      // Now, and only now, the helper chooses to share the phone number.
      new org.openqa.selenium.support.ui.Select(h.findElement(By.id("f-kind")))
          .selectByValue("phone");
      submit(h, "Share");
      hWait.until(ExpectedConditions.urlContains("done=reveal"));
      assertThat(text(h)).doesNotContain(CUSTOMER_EMAIL);
      c.get(privateLink);
      assertThat(text(c)).contains(HELPER_PHONE_E164).doesNotContain(HELPER_EMAIL_CHANNEL);

      // ---- the customer closes it as fixed ----
      c.findElement(By.cssSelector("input[name=outcome][value=fixed]")).click();
      submit(c, "Close request");
      cWait.until(ExpectedConditions.urlContains("done=closed"));
      assertThat(text(c)).contains("the request is closed");
      assertThat(c.findElement(By.tagName("main")).getText()).contains("closed").contains("fixed");
      customerBrowser.assertAccessible("the closed request");
      h.get(requestLink);
      assertThat(text(h)).contains("closed").contains("fixed").doesNotContain(CUSTOMER_EMAIL);
      helperBrowser.assertAccessible("the closed request, as the helper sees it");

      // Still no page script ran for the customer: the journey was plain HTML forms.
      c.get(base + "/?q=" + enc(QUERY));
      assertThat(c.findElement(By.id("q")).getAttribute("aria-expanded")).isNull();
    }
    System.out.printf("journey: the two browsers took %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  /** Nothing of the helper's address or channels on the customer's page. */
  private static void noChannelOf(WebDriver customer, String where) {
    assertThat(customer.getPageSource())
        .as(where)
        .doesNotContain(HELPER_LOGIN)
        .doesNotContain(HELPER_EMAIL_CHANNEL)
        .doesNotContain(HELPER_PHONE)
        .doesNotContain(HELPER_PHONE_E164)
        .doesNotContain("7946");
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
