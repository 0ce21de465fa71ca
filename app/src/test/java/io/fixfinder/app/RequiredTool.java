package io.fixfinder.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * An external program a test needs. Missing on a developer's machine, the test is skipped with the
 * reason; missing on CI ({@code CI=true}) it fails, so that a green CI run means the test ran (an
 * install step that failed must not turn into a skip).
 */
record RequiredTool(Path path, String why) {
  /** Headless Chromium for the browser test of the search page. */
  static RequiredTool chromium() {
    return new RequiredTool(Path.of("/usr/bin/chromium"), ".ci/run installs it");
  }

  /** The tool's path; skips the test, or fails it on CI, when the tool is not there. */
  Path require() {
    return require(System.getenv());
  }

  Path require(Map<String, String> env) {
    if (Files.isExecutable(path)) return path;
    String message = path + " is not installed (" + why + ")";
    if ("true".equalsIgnoreCase(env.get("CI"))) {
      throw new AssertionError(message + "; on CI the test fails instead of being skipped");
    }
    Assumptions.abort(message);
    return path;
  }
}
