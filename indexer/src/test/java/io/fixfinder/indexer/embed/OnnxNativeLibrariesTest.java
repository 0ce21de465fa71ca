package io.fixfinder.indexer.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder the native libraries are extracted to: once, private, never half-written. */
class OnnxNativeLibrariesTest {
  @TempDir Path base;

  @Test
  void librariesAreExtractedOnceAndReused() throws Exception {
    String platform = OnnxNativeLibraries.platform().orElseThrow();
    Path folder = OnnxNativeLibraries.extract(base, platform);
    Path runtime = folder.resolve(System.mapLibraryName("onnxruntime"));
    assertThat(runtime).isRegularFile();
    Files.setLastModifiedTime(runtime, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

    assertThat(OnnxNativeLibraries.extract(base, platform)).isEqualTo(folder);
    assertThat(Files.getLastModifiedTime(runtime).toInstant())
        .as("not written again")
        .isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    try (var files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void aFolderOthersCanWriteToIsNotUsed() throws Exception {
    assumeTrue(Files.getFileStore(base).supportsFileAttributeView("posix"), "POSIX permissions");
    String platform = OnnxNativeLibraries.platform().orElseThrow();
    Path folder = OnnxNativeLibraries.extract(base, platform);
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThatThrownBy(() -> OnnxNativeLibraries.extract(base, platform))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is not private");
  }
}
