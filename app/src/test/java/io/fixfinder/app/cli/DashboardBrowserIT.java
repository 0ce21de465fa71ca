package io.fixfinder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.app.Browser;
import io.fixfinder.app.pipeline.DemoAnalytics;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.store.Database;
import io.fixfinder.store.crypto.SecretKeys;
import io.fixfinder.store.tenants.IssuedKeys;
import io.fixfinder.store.tenants.TenantRules;
import io.fixfinder.store.tenants.TenantSpec;
import io.fixfinder.store.tenants.TenantStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The company dashboard in headless Chromium with page scripts off, over the served demo: a tenant
 * with a seeded year ({@link DemoAnalytics}, its real issue clusters), the sign-in page, a wrong
 * key, the secret key, the dashboard with its charts and tables, and the alert settings form (with
 * errors, then saved); axe-core finds no serious or critical WCAG 2.2 A/AA violation on any of
 * them.
 */
class DashboardBrowserIT {
  @TempDir Path dir;

  @Test
  void theSignInAndTheDashboardWorkWithoutScriptAndPassAxe() throws Exception {
    ServedDemo demo = ServedDemo.get();
    String base = "http://127.0.0.1:" + demo.port();
    IssuedKeys keys;
    try (Database db = Database.open("jdbc:sqlite:" + demo.dataDir().resolve("fixfinder.db"))) {
      keys =
          new TenantStore(db, SecretKeys.load(demo.dataDir()), Clock.systemUTC())
              .create(
                  new TenantRules(Lexicon.builtIn())
                      .check(
                          new TenantSpec(
                              "Aqualine Dashboard Test",
                              List.of("Aqualine"),
                              List.of(),
                              List.of("http://127.0.0.1:47998"),
                              100_000,
                              1_000_000)));
      Set<String> issues = new LinkedHashSet<>();
      HttpClient http = HttpClient.newHttpClient();
      for (String q : List.of("washing machine won't drain", "dishwasher not drying", "E18")) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            base + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                    .header("X-Api-Key", keys.publishableKey())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = Json.mapper().readTree(r.body());
        json.path("issues").forEach(g -> issues.add(g.at("/issue/id").asText()));
      }
      assertThat(issues).as("the demo groups Aqualine issues").isNotEmpty();
      DemoAnalytics.seed(
          db,
          keys.tenant().id(),
          List.copyOf(issues),
          List.of(
              "washing machine won't drain",
              "aqualine e18",
              "door won't open",
              "=1+1 drain", // a formula-looking text, shown as text and escaped in the CSV
              "spin cycle noise"),
          LocalDate.now(ZoneOffset.UTC),
          120,
          5,
          16L);
    }
    try (Browser browser = new Browser(dir.resolve("chromium"), true)) {
      browser.turnOffPageScripts();
      WebDriver d = browser.driver;
      WebDriverWait pageLoaded = new WebDriverWait(d, Duration.ofSeconds(20));
      d.get(base + "/dashboard");
      assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Company dashboard");
      browser.assertAccessible("the dashboard sign-in page");

      d.findElement(By.id("key")).sendKeys("sk_" + "C".repeat(43));
      Browser.clickAndLoad(
          d, d.findElement(By.xpath("//main//button[normalize-space()='Sign in']")));
      assertThat(d.findElement(By.cssSelector("[role=alert]")).getText()).contains("not valid");
      assertThat(d.getTitle()).startsWith("Error:");
      browser.assertAccessible("the sign-in page with a wrong key");

      d.findElement(By.id("key")).sendKeys(keys.secretKey());
      Browser.clickAndLoad(
          d, d.findElement(By.xpath("//main//button[normalize-space()='Sign in']")));
      assertThat(d.findElements(By.tagName("h1"))).as(d.getPageSource()).isNotEmpty();
      assertThat(d.findElement(By.tagName("h1")).getText()).contains("Aqualine Dashboard Test");
      assertThat(d.findElements(By.cssSelector("figure.dash-chart svg[role=img]")))
          .hasSizeGreaterThanOrEqualTo(2);
      assertThat(d.getPageSource()).contains("Emerging issues").contains("Top searches");
      browser.assertAccessible("the dashboard");

      // the alert settings (a plain form): errors by field, then saved
      Browser.clickAndLoad(
          d, d.findElement(By.linkText("Alerts on emerging issues (webhook, email)")));
      assertThat(d.findElement(By.tagName("h1")).getText()).contains("alerts on emerging issues");
      browser.assertAccessible("the alert settings form");
      d.findElement(By.id("webhookUrl")).sendKeys("https://10.0.0.8/hook");
      d.findElement(By.id("email")).sendKeys("not an address");
      Browser.clickAndLoad(
          d, d.findElement(By.xpath("//main//button[normalize-space()='Save alert settings']")));
      // a loaded machine may still show the form for a moment after the click
      pageLoaded.until(x -> x.getTitle().startsWith("Error:"));
      assertThat(d.findElement(By.cssSelector("[role=alert]")).getText())
          .contains("private")
          .contains("email address");
      assertThat(d.findElement(By.id("webhookUrl")).getAttribute("aria-invalid")).isEqualTo("true");
      browser.assertAccessible("the alert settings form with errors");
      d.findElement(By.id("webhookUrl")).clear();
      d.findElement(By.id("email")).clear();
      d.findElement(By.id("email")).sendKeys("support@aqualine.example");
      Browser.clickAndLoad(
          d, d.findElement(By.xpath("//main//button[normalize-space()='Save alert settings']")));
      pageLoaded.until(x -> !x.findElements(By.cssSelector("[role=status]")).isEmpty());
      assertThat(d.findElement(By.cssSelector("[role=status]")).getText())
          .isEqualTo("Saved: alerts are on.");
      assertThat(d.getPageSource()).contains("whsec_");
      browser.assertAccessible("the saved alert settings");
      d.get(base + "/dashboard");

      Browser.clickAndLoad(
          d, d.findElement(By.xpath("//main//button[normalize-space()='Sign out']")));
      assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Company dashboard");
    }
  }
}
