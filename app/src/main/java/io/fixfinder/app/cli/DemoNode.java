package io.fixfinder.app.cli;

import io.fixfinder.app.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The OpenSearch node of {@code demo --backend opensearch}: {@code NodeMain} (our analysis plugin
 * and k-NN) in a JVM of its own, from {@code opensearch-node/target} of the source checkout (its
 * OpenSearch and Lucene never join this class path), HTTP on 127.0.0.1 from port 19200. It stops
 * with the demo, even when the demo is killed ({@code -Dfixfinder.node.parent}).
 */
final class DemoNode implements AutoCloseable {
  static final int FIRST_PORT = 19_200;

  private final String url;
  private final Process process;
  private final Path data;

  private DemoNode(String url, Process process, Path data) {
    this.url = url;
    this.process = process;
    this.data = data;
  }

  String url() {
    return url;
  }

  static DemoNode start(PrintStream out) throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("fixfinder.home", ".")).toAbsolutePath();
    Path target = home.resolve("opensearch-node/target");
    if (!Files.isDirectory(target.resolve("classes"))
        || !Files.isDirectory(target.resolve("lib"))) {
      throw new Main.UsageError(
          "demo --backend opensearch needs the node built: ./mvnw -B -pl opensearch-node -am"
              + " package -DskipTests (in "
              + home
              + ")");
    }
    Path data = Files.createTempDirectory("fixfinder-demo-os");
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    out.println("demo: starting an OpenSearch node (NodeMain) in " + data);
    Process p =
        new ProcessBuilder(
                javaBin,
                "-Xms256m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                "-Dfixfinder.node.parent=" + ProcessHandle.current().pid(),
                "-cp",
                target.resolve("classes") + java.io.File.pathSeparator + target.resolve("lib/*"),
                "io.fixfinder.opensearch.node.NodeMain",
                data.toString(),
                "1",
                Integer.toString(FIRST_PORT))
            .redirectError(data.resolve("node.err").toFile())
            .start();
    BlockingQueue<String> lines = new ArrayBlockingQueue<>(1000);
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) lines.offer(line);
              } catch (IOException e) {
                // the node is gone; the wait below says so
              }
            });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(500, TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith("http://")) {
        out.println("demo: OpenSearch node at " + line.strip());
        return new DemoNode(line.strip(), p, data);
      }
      if (line == null && !p.isAlive()) break;
    }
    p.destroyForcibly();
    throw new Main.UsageError(
        "the OpenSearch node did not start within 240 s; its errors are in "
            + data.resolve("node.err"));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    // the node's data is the demo's for this run only: written again at the next start
    try (java.util.stream.Stream<Path> files = Files.walk(data)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }
}
