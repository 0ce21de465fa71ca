package io.fixfinder.app.cli;

import io.fixfinder.app.Main;
import io.fixfinder.opensearch.backend.NodeProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The OpenSearch node of {@code demo --backend opensearch}: a {@link NodeProcess} from {@code
 * opensearch-node/target} of the source checkout, HTTP on 127.0.0.1 from port 19200, its data the
 * demo's for this run only.
 */
final class DemoNode implements AutoCloseable {
  static final int FIRST_PORT = 19_200;

  private final NodeProcess node;
  private final Path data;

  private DemoNode(NodeProcess node, Path data) {
    this.node = node;
    this.data = data;
  }

  String url() {
    return node.url().toString();
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
    out.println("demo: starting an OpenSearch node (NodeMain) in " + data);
    try {
      NodeProcess node =
          NodeProcess.start(
              NodeProcess.classpath(target), data, FIRST_PORT, Duration.ofSeconds(240));
      out.println("demo: OpenSearch node at " + node.url());
      return new DemoNode(node, data);
    } catch (NodeProcess.NotStarted e) {
      throw new Main.UsageError(e.getMessage());
    }
  }

  @Override
  public void close() {
    node.close();
    // the node's data is the demo's for this run only: written again at the next start
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }
}
