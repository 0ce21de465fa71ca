package io.fixfinder.opensearch.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Runs an OpenSearch cluster in this process for trying FixFinder's OpenSearch backend: {@code java
 * -cp 'opensearch-node/target/classes:opensearch-node/target/lib/*'
 * io.fixfinder.opensearch.node.NodeMain [home] [nodes] [http-port]}. It prints the URL of each node
 * and runs until stopped (Ctrl-C), or until the process named by {@code
 * -Dfixfinder.node.parent=PID} ends. A separate process from FixFinder's own: a node runs
 * OpenSearch's Lucene version, the embedded index another.
 */
public final class NodeMain {
  /** System property: the pid of a process whose end stops the nodes too. */
  public static final String PARENT_PID = "fixfinder.node.parent";

  private NodeMain() {}

  public static void main(String[] args) throws Exception {
    Path home =
        args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("fixfinder-opensearch");
    int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int port = args.length > 2 ? Integer.parseInt(args[2]) : 9200;
    OpenSearchRunner runner = Nodes.start(home, nodes, "fixfinder", port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    runner.close();
                  } catch (Exception e) {
                    System.err.println("NodeMain: closing the nodes failed: " + e);
                  } finally {
                    stopped.countDown();
                  }
                }));
    for (int i = 0; i < nodes; i++) System.out.println(Nodes.httpUrl(runner, i));
    System.out.flush();
    // Started by another process (a test JVM) that names itself: stop when it ends, however it
    // ends, so a killed test run leaves no node behind.
    String parent = System.getProperty(PARENT_PID);
    if (parent != null) {
      ProcessHandle.of(Long.parseLong(parent))
          .ifPresentOrElse(p -> p.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
    }
    stopped.await();
  }
}
