package io.fixfinder.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class RequiredToolTest {
  @TempDir Path dir;

  final RequiredTool missing = new RequiredTool(Path.of("/nonexistent/chromium"), "test");

  @Test
  void aMissingToolFailsOnCi() {
    assertThatThrownBy(() -> missing.require(Map.of("CI", "true")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("/nonexistent/chromium is not installed");
  }

  @Test
  void aMissingToolSkipsOffCi() {
    assertThatThrownBy(() -> missing.require(Map.of())).isInstanceOf(TestAbortedException.class);
    assertThatThrownBy(() -> missing.require(Map.of("CI", "false")))
        .isInstanceOf(TestAbortedException.class);
  }

  @Test
  void aPresentToolIsReturned() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    assertThat(new RequiredTool(java, "test").require(Map.of("CI", "true"))).isEqualTo(java);
  }
}
