package io.fixfinder.opensearch.backend;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One OpenSearch node with our analysis plugin and k-NN in a JVM of its own: {@code NodeMain} of
 * the {@code opensearch-node} module, whose OpenSearch and Lucene never meet the indexer's Lucene
 * in the caller's JVM. The node stops when the caller's JVM ends, even when it is killed ({@code
 * -Dfixfinder.node.parent}). Used by {@code demo --backend opensearch} and by the tests.
 */
public final class NodeProcess implements AutoCloseable {
  /** The JVM options of a node for the demo and the tests: small, one collector thread. */
  public static final List<String> SMALL_JVM = List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC");

  private final List<URI> urls;
  private final Process process;

  private NodeProcess(List<URI> urls, Process process) {
    this.urls = List.copyOf(urls);
    this.process = process;
  }

  /** The node did not print its URL in time; its standard error is in {@link #errors()}. */
  public static final class NotStarted extends IOException {
    private final Path errors;

    NotStarted(String message, Path errors) {
      super(message);
      this.errors = errors;
    }

    /** The node's standard error. */
    public Path errors() {
      return errors;
    }

    /** The last characters of the node's standard error, for a test's failure message. */
    public String errorTail() {
      try {
        String err = Files.exists(errors) ? Files.readString(errors) : "";
        return err.substring(Math.max(0, err.length() - 3000));
      } catch (IOException e) {
        return "(" + errors + " unreadable: " + e.getMessage() + ")";
      }
    }
  }

  /**
   * Starts a node with {@link #SMALL_JVM}.
   *
   * @param classpath {@code opensearch-node/target/classes} and {@code target/lib/*}
   * @param home the node's data and its {@code node.err}
   * @param firstPort transport on this port, HTTP on the next (or the next free ones after)
   * @param wait how long the node may take to print its URL
   */
  public static NodeProcess start(String classpath, Path home, int firstPort, Duration wait)
      throws IOException, InterruptedException {
    return start(classpath, home, firstPort, 1, SMALL_JVM, wait);
  }

  /**
   * Starts {@code nodes} nodes of one cluster in one JVM with the given JVM options (heap,
   * collector, system properties such as {@code -Dfixfinder.node.processors}); returns once every
   * node printed its URL.
   */
  public static NodeProcess start(
      String classpath, Path home, int firstPort, int nodes, List<String> jvmOptions, Duration wait)
      throws IOException, InterruptedException {
    Files.createDirectories(home);
    Path errors = home.resolve("node.err");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "--enable-native-access=ALL-UNNAMED",
            "-Dfixfinder.node.parent=" + ProcessHandle.current().pid(),
            "-cp",
            classpath,
            "io.fixfinder.opensearch.node.NodeMain",
            home.toString(),
            Integer.toString(nodes),
            Integer.toString(firstPort)));
    Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
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
    List<URI> urls = new ArrayList<>();
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(500, TimeUnit.MILLISECONDS);
      if (line != null) {
        seen.add(line);
        if (line.startsWith("http://")) urls.add(URI.create(line.strip()));
        if (urls.size() == nodes) return new NodeProcess(urls, p);
      } else if (!p.isAlive()) {
        break;
      }
    }
    stop(p);
    throw new NotStarted(
        "the OpenSearch node did not start within "
            + wait.toSeconds()
            + " s (it printed "
            + seen.size()
            + " lines); its errors are in "
            + errors,
        errors);
  }

  /** {@code opensearch-node/target}'s class path: its classes and every jar of its lib folder. */
  public static String classpath(Path target) {
    return target.resolve("classes") + File.pathSeparator + target.resolve("lib/*");
  }

  /** The first of two consecutive free ports (a node's transport, then its HTTP). */
  public static int freePortPair() throws IOException {
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

  /** The (first) node's HTTP address. */
  public URI url() {
    return urls.getFirst();
  }

  /** Every node's HTTP address, in the order the nodes started. */
  public List<URI> urls() {
    return urls;
  }

  public boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    stop(process);
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
}
