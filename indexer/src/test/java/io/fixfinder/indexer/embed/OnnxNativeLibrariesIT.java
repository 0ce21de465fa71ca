package io.fixfinder.indexer.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX Runtime's loader copies its native libraries (16 MB) into a new temporary folder on every
 * start and only marks them for deletion at exit, so each start left a folder behind (and a killed
 * one its libraries too). The embedder loads them from one folder per version instead, extracted
 * once: two starts of a real JVM with its own temporary directory leave exactly that folder.
 */
class OnnxNativeLibrariesIT {
  @TempDir Path tmp;

  /** A JVM that loads the model and embeds one text, then exits normally. */
  public static final class Start {
    public static void main(String[] args) {
      try (MiniLmEmbedder embedder = new MiniLmEmbedder(1)) {
        System.out.println("dimensions " + embedder.embed("pump does not drain").length);
      }
    }
  }

  static String start(Path tmpdir) throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmpdir,
                "-cp",
                System.getProperty("java.class.path"),
                Start.class.getName())
            .redirectErrorStream(true)
            .start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(out).isZero();
    return out;
  }

  static List<String> entries(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void twoStartsLeaveOneFolderOfLibrariesAndNoTemporaryFolders() throws Exception {
    assertThat(start(tmp)).contains("dimensions 384");
    List<String> afterFirst = entries(tmp);
    assertThat(start(tmp)).contains("dimensions 384");
    List<String> afterSecond = entries(tmp);

    assertThat(afterSecond).as("no folder per start").isEqualTo(afterFirst);
    assertThat(afterSecond).noneMatch(name -> name.startsWith("onnxruntime-java"));
    assertThat(afterSecond).hasSize(1).allMatch(name -> name.startsWith("fixfinder-onnxruntime-"));
    Path libraries = tmp.resolve(afterSecond.getFirst());
    assertThat(entries(libraries))
        .contains(System.mapLibraryName("onnxruntime"), System.mapLibraryName("onnxruntime4j_jni"));
  }
}
