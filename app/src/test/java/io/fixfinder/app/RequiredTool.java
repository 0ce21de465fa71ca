package io.fixfinder.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * An external program or file a test needs. Missing on a developer's machine, the test is skipped
 * with the reason; missing on CI ({@code CI=true}) it fails, so that a green CI run means the test
 * ran (an install step that failed must not turn into a skip).
 *
 * @param executable whether the path must be a program (else a readable file)
 */
record RequiredTool(Path path, String why, boolean executable) {
  /** The axe-core release .ci/run installs for the accessibility checks. */
  static final String AXE_VERSION = "4.11.1";

  RequiredTool(Path path, String why) {
    this(path, why, true);
  }

  /** Headless Chromium for the browser tests of the pages. */
  static RequiredTool chromium() {
    return new RequiredTool(Path.of("/usr/bin/chromium"), ".ci/run installs it");
  }

  /** Chromium's WebDriver, from Debian's chromium-driver package (never downloaded by a test). */
  static RequiredTool chromedriver() {
    return new RequiredTool(Path.of("/usr/bin/chromedriver"), ".ci/run installs chromium-driver");
  }

  /** axe-core's script, installed from the npm registry by .ci/run into the user's cache. */
  static RequiredTool axe() {
    Path script =
        Path.of(
            System.getProperty("user.home"),
            ".cache/fixfinder-test-tools/node_modules/axe-core/axe.min.js");
    return new RequiredTool(
        script, ".ci/run installs axe-core@" + AXE_VERSION + " with npm", false);
  }

  /** The tool's path; skips the test, or fails it on CI, when the tool is not there. */
  Path require() {
    return require(System.getenv());
  }

  Path require(Map<String, String> env) {
    if (executable ? Files.isExecutable(path) : Files.isReadable(path)) return path;
    String message = path + " is not installed (" + why + ")";
    if ("true".equalsIgnoreCase(env.get("CI"))) {
      throw new AssertionError(message + "; on CI the test fails instead of being skipped");
    }
    Assumptions.abort(message);
    return path;
  }
}
