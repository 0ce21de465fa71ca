package io.fixfinder.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One OpenSearch node (our analysis plugin and k-NN) in a JVM of its own, as {@code NodeMain} runs:
 * its OpenSearch and Lucene never join the application's class path. Ports are two free ones found
 * at start (the module's other suites use fixed ones), and the node stops with this JVM, even when
 * it is killed ({@code -Dfixfinder.node.parent}).
 */
final class OpenSearchNode implements AutoCloseable {
  final URI url;
  private final Process process;

  private OpenSearchNode(URI url, Process process) {
    this.url = url;
    this.process = process;
  }

  static OpenSearchNode start() throws Exception {
    String classpath = System.getProperty("opensearch.node.classpath");
    if (classpath == null) {
      throw new IllegalStateException("opensearch.node.classpath is not set (run through Maven)");
    }
    Path home = Files.createTempDirectory("fixfinder-serve-os");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                java,
                "-Xms256m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                "-Dfixfinder.node.parent=" + ProcessHandle.current().pid(),
                "-cp",
                classpath,
                "io.fixfinder.opensearch.node.NodeMain",
                home.toString(),
                "1",
                Integer.toString(freePair()))
            .redirectError(home.resolve("node.err").toFile())
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(p)));
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
                // the node is gone; the wait below reports it
              }
            });
    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(500, TimeUnit.MILLISECONDS);
      if (line != null) {
        seen.add(line);
        if (line.startsWith("http://")) return new OpenSearchNode(URI.create(line.strip()), p);
      } else if (!p.isAlive()) {
        break;
      }
    }
    stop(p);
    String err =
        Files.exists(home.resolve("node.err")) ? Files.readString(home.resolve("node.err")) : "";
    throw new IllegalStateException(
        "the OpenSearch node did not start: stdout "
            + seen
            + ", stderr tail: "
            + err.substring(Math.max(0, err.length() - 3000)));
  }

  /** The first of two consecutive free ports (transport, then HTTP). */
  private static int freePair() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int first;
      try (ServerSocket s = new ServerSocket(0)) {
        first = s.getLocalPort();
      }
      if (first >= 65_535) continue;
      try (ServerSocket a = new ServerSocket(first);
          ServerSocket b = new ServerSocket(first + 1)) {
        return first;
      } catch (IOException taken) {
        // try another pair
      }
    }
    throw new IOException("no two consecutive free ports");
  }

  private static void stop(Process p) {
    p.destroy();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(process);
  }
}
