package io.fixfinder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Operator mistakes as an operator meets them: the real CLI in a child JVM, everything it prints
 * (stdout, stderr, logs) read back. Each mistake is one line and exit 2, and never shows a secret.
 */
class OperatorErrorsIT {
  static final String SECRET = "s3cretPW";

  static final Pattern JVM_NOTICE =
      Pattern.compile(
          "WARNING: (A restricted method|java\\.lang\\.System::load|Use --enable-native-access"
              + "|Restricted methods will|A terminally deprecated method|sun\\.misc\\.Unsafe"
              + "|Please consider reporting)");

  @TempDir Path dir;

  /** What a child run printed (stdout and stderr together) and how it exited. */
  record Run(int exit, List<String> lines) {
    /** The lines the CLI printed, without the JVM's own notices (native access, Unsafe). */
    List<String> ours() {
      return lines.stream().filter(l -> !JVM_NOTICE.matcher(l).lookingAt()).toList();
    }
  }

  static String freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return Integer.toString(s.getLocalPort());
    }
  }

  static Run run(Map<String, String> env, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("FIXFINDER_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child exits").isTrue();
    System.out.println("$ fixfinder " + String.join(" ", args) + "  (exit " + p.exitValue() + ")");
    System.out.println(out);
    return new Run(p.exitValue(), out.lines().toList());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "jdbc:postgresql://alice:" + SECRET + "@127.0.0.1:1/fixfinder",
        "jdbc:postgresql://alice:" + SECRET + "@nonexistent.invalid/fixfinder",
        "jdbc:postgresql://nonexistent.invalid/fixfinder?user=alice&password=" + SECRET,
      })
  void anUnreachablePostgresIsOneLineWithoutThePassword(String url) throws Exception {
    Run run =
        run(
            Map.of("FIXFINDER_DATABASE_URL", url),
            "serve",
            "--data",
            dir.resolve("data").toString(),
            "--port",
            freePort());
    assertThat(String.join("\n", run.lines())).doesNotContain(SECRET);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.ours()).hasSize(1);
    assertThat(run.ours().getFirst())
        .startsWith("fixfinder: cannot connect to the postgresql database");
  }

  @Test
  void anAccessLogThatCannotBeWrittenIsOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Run run =
        run(
            Map.of(),
            "serve",
            "--data",
            dir.resolve("data").toString(),
            "--port",
            freePort(),
            "--access-log",
            file.resolve("access.log").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.ours()).hasSize(1);
    assertThat(run.ours().getFirst())
        .startsWith("fixfinder: cannot write the access log " + file.resolve("access.log"));
  }

  @Test
  void anUnusableSqlitePathIsOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Run run =
        run(Map.of(), "serve", "--data", file.resolve("data").toString(), "--port", freePort());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.ours()).hasSize(1);
    assertThat(run.ours().getFirst())
        .startsWith("fixfinder: cannot create the folder of the sqlite database " + file);
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a server that starts
  void aServerWhoseCurrentNamesAMissingGenerationIsOneLineAndWritesNothing() throws Exception {
    Path index = Files.createDirectories(dir.resolve("data").resolve("index"));
    Files.writeString(index.resolve("CURRENT"), "gen-on-a-disk-not-mounted");
    Path config =
        Files.writeString(
            dir.resolve("site.yaml"), "index:\n  embeddings: false\n  retrieval: bm25\n");
    Run run =
        run(
            Map.of(),
            "serve",
            "--config",
            config.toString(),
            "--data",
            dir.resolve("data").toString(),
            "--port",
            freePort());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.ours()).hasSize(1);
    assertThat(run.ours().getFirst())
        .isEqualTo(
            "fixfinder: the index in "
                + index
                + " cannot be served: CURRENT names generation gen-on-a-disk-not-mounted,"
                + " which is missing; restore it or rebuild it with `fixfinder index`");
    assertThat(Files.readString(index.resolve("CURRENT"))).isEqualTo("gen-on-a-disk-not-mounted");
  }

  @Test
  void aCrawlWhoseEverySeedIsRefusedSaysWhyAndExits2() throws Exception {
    Path sources = dir.resolve("sources.yaml");
    Files.writeString(
        sources,
        """
        sites:
          - name: intranet
            kind: forum
            seeds: ["http://10.0.0.7/forum/", "http://[64:ff9b::a9fe:a9fe]/latest/"]
        """);
    Run run =
        run(
            Map.of(),
            "crawl",
            "--sources",
            sources.toString(),
            "--data",
            dir.resolve("data").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.lines())
        .contains(
            "fixfinder: every seed was refused, nothing to crawl:"
                + " intranet http://10.0.0.7/forum/ (private address 10.0.0.7);"
                + " intranet http://[64:ff9b::a9fe:a9fe]/latest/ (private address 64:ff9b:0:0:0:0:a9fe:a9fe)");
    assertThat(run.lines()).noneMatch(l -> l.contains("records"));
  }
}
