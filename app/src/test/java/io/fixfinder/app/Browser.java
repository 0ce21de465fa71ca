package io.fixfinder.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.json.Json;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through its own chromedriver, with axe-core injected to check a
 * page against WCAG 2.2 A/AA. Nothing is downloaded: both binaries and axe must be installed
 * ({@link RequiredTool}).
 */
public final class Browser implements AutoCloseable {
  private static final List<String> WCAG =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  public final WebDriver driver;
  private final String axe;
  private boolean pageScriptsOff;

  /**
   * @param javascript false to browse as a visitor with scripts turned off
   */
  public Browser(Path profile, boolean javascript) throws Exception {
    Path chromium = RequiredTool.chromium().require();
    Path chromedriver = RequiredTool.chromedriver().require();
    this.axe = Files.readString(RequiredTool.axe().require());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    if (!javascript) {
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(chromedriver.toString()))
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  /**
   * Runs axe-core on the page shown and fails with the rule ids, impacts and targets of every
   * serious or critical WCAG 2.2 A/AA violation.
   */
  public void assertAccessible(String what) throws Exception {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    // axe's promises need script execution; the page's own scripts were skipped at load already
    if (pageScriptsOff) scriptExecutionDisabled(false);
    Object raw;
    try {
      js.executeScript(axe);
      raw =
          js.executeAsyncScript(
              "const done = arguments[arguments.length - 1];"
                  + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
                  + ".then(r => done(JSON.stringify(r.violations)), e => done('error: ' + e));",
              WCAG);
    } finally {
      if (pageScriptsOff) scriptExecutionDisabled(true);
    }
    String result = String.valueOf(raw);
    assertThat(result).as("axe on " + what).doesNotStartWith("error:");
    JsonNode violations = Json.mapper().readTree(result);
    List<String> serious = new ArrayList<>();
    for (JsonNode v : violations) {
      String impact = v.path("impact").asText();
      if (!impact.equals("serious") && !impact.equals("critical")) continue;
      List<String> targets = new ArrayList<>();
      v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
      serious.add(v.path("id").asText() + " (" + impact + ") at " + targets);
    }
    assertThat(serious).as("serious or critical axe violations on " + what).isEmpty();
  }

  /**
   * From now on pages load as with JavaScript turned off (their scripts do not run), yet {@link
   * #assertAccessible} still works: it turns script execution back on only while axe runs over the
   * page as it was loaded. A browser made with {@code javascript = false} cannot run axe at all.
   */
  public void turnOffPageScripts() {
    scriptExecutionDisabled(true);
    pageScriptsOff = true;
  }

  private void scriptExecutionDisabled(boolean disabled) {
    ((ChromeDriver) driver)
        .executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", disabled));
  }

  /**
   * What the page shown cost, from the browser's own Navigation and Resource Timing: bytes over the
   * wire (the document and every resource, compressed as sent) and when the document's content was
   * parsed and first painted, in ms from the start of navigation.
   */
  record Cost(long bytes, double domContentLoadedMs, double firstContentfulPaintMs) {}

  Cost cost() {
    Object raw =
        ((JavascriptExecutor) driver)
            .executeScript(
                "const nav = performance.getEntriesByType('navigation')[0];"
                    + "let bytes = nav.transferSize;"
                    + "performance.getEntriesByType('resource').forEach(r => bytes += r.transferSize);"
                    + "const fcp = performance.getEntriesByName('first-contentful-paint')[0];"
                    + "return [bytes, nav.domContentLoadedEventEnd, fcp ? fcp.startTime : -1];");
    List<?> values = (List<?>) raw;
    return new Cost(
        ((Number) values.get(0)).longValue(),
        ((Number) values.get(1)).doubleValue(),
        ((Number) values.get(2)).doubleValue());
  }

  @Override
  public void close() {
    driver.quit();
  }

  /**
   * Clicks what sends a form or follows a link, and returns once the page it asked for has replaced
   * this one: a click returns as soon as the request is sent, and reading the page then may read
   * the old one (or find it gone half-way).
   */
  public static void clickAndLoad(WebDriver driver, WebElement target) {
    WebElement page = driver.findElement(By.tagName("html"));
    target.click();
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> gone(page));
  }

  /**
   * Whether an element of a page has left the document. Chromium 156 reports a node of a page being
   * replaced either as stale or, mid-way, as an inspector error that the node "does not belong to
   * the document"; both mean the old page is gone. Any other error is read as "not yet".
   */
  private static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException | NoSuchElementException e) {
      return true;
    } catch (WebDriverException e) {
      return String.valueOf(e.getMessage()).contains("does not belong to the document");
    }
  }
}
