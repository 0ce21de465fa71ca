package io.fixfinder.opensearch.backend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
 * One OpenSearch node with our analysis plugin and k-NN, in a JVM of its own ({@code NodeMain} from
 * the {@code opensearch-node} module, whose class path the build passes in {@code
 * opensearch.node.classpath}): its OpenSearch and Lucene 10.3.2 never meet the indexer's Lucene in
 * this JVM. Started once per test JVM, on first use, stopped when the JVM exits.
 */
public final class NodeProcess {
  private static NodeProcess shared;

  public final URI url;
  private final Process process;

  private NodeProcess(URI url, Process process) {
    this.url = url;
    this.process = process;
  }

  public static synchronized NodeProcess get() {
    if (shared == null) shared = start();
    return shared;
  }

  private static NodeProcess start() {
    String classpath = System.getProperty("opensearch.node.classpath");
    if (classpath == null) {
      throw new IllegalStateException("opensearch.node.classpath is not set (run through Maven)");
    }
    try {
      Path home = Files.createTempDirectory("fixfinder-os-node");
      String java = ProcessHandle.current().info().command().orElse("java");
      long t0 = System.nanoTime();
      Process p =
          new ProcessBuilder(
                  java,
                  "-Xms256m",
                  "-Xmx512m",
                  "-XX:+UseSerialGC",
                  "--enable-native-access=ALL-UNNAMED",
                  // the node stops when this JVM ends, even when it is killed
                  "-Dfixfinder.node.parent=" + ProcessHandle.current().pid(),
                  "-cp",
                  classpath,
                  "io.fixfinder.opensearch.node.NodeMain",
                  home.toString(),
                  "1",
                  "19500")
              .redirectError(home.resolve("node.err").toFile())
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(p)));
      BlockingQueue<String> lines = new ArrayBlockingQueue<>(1000);
      Thread reader =
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
          if (line.startsWith("http://")) {
            System.out.printf(
                "NodeProcess: one node at %s up in %d ms%n",
                line, (System.nanoTime() - t0) / 1_000_000);
            return new NodeProcess(URI.create(line.strip()), p);
          }
        } else if (!p.isAlive()) {
          break;
        }
      }
      stop(p);
      reader.interrupt();
      String err =
          Files.exists(home.resolve("node.err")) ? Files.readString(home.resolve("node.err")) : "";
      throw new IllegalStateException(
          "the OpenSearch node did not start: stdout "
              + seen
              + ", stderr tail: "
              + err.substring(Math.max(0, err.length() - 3000)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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

  public boolean alive() {
    return process.isAlive();
  }
}
