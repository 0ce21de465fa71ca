package io.fixfinder.opensearch;

import io.fixfinder.opensearch.node.Nodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The tests' OpenSearch cluster: three nodes in this JVM (started once, on first use, and shared by
 * every test class of the run; closed when the JVM exits) with our analysis plugin and k-NN loaded
 * from the class path. The client talks to node 0 over HTTP, as FixFinder would; node 0 is never
 * the one a test stops.
 */
final class TestCluster {
  static final int NODES = 3;

  private static TestCluster shared;

  final OpenSearchRunner runner;
  final OpenSearchClient client;

  private TestCluster(OpenSearchRunner runner, OpenSearchClient client) {
    this.runner = runner;
    this.client = client;
  }

  /** The shared cluster, started on the first call. */
  static synchronized TestCluster get() {
    if (shared == null) shared = start();
    return shared;
  }

  private static TestCluster start() {
    try {
      Path home = Files.createTempDirectory("fixfinder-os-cluster");
      long t0 = System.nanoTime();
      // a name of its own: two runs at once on one machine must not discover each other's nodes
      String name = "fixfinder-test-" + ProcessHandle.current().pid();
      OpenSearchRunner runner = Nodes.start(home, NODES, name, 19200);
      System.out.printf(
          "TestCluster: %d nodes up in %d ms%n", NODES, (System.nanoTime() - t0) / 1_000_000);
      String url = Nodes.httpUrl(runner, 0);
      HttpHost host = HttpHost.create(url);
      OpenSearchClient client =
          new OpenSearchClient(
              ApacheHttpClient5TransportBuilder.builder(host)
                  .setMapper(new JacksonJsonpMapper())
                  // the client reads gzip itself; the HTTP client's own decoding would do it twice
                  .setHttpClientConfigCallback(b -> b.disableContentCompression())
                  // a health wait may take a minute on a busy machine
                  .setRequestConfigCallback(r -> r.setResponseTimeout(Timeout.ofSeconds(180)))
                  .build());
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      runner.close();
                      runner.clean();
                    } catch (IOException | RuntimeException e) {
                      System.err.println("TestCluster: closing failed: " + e);
                    }
                  }));
      return new TestCluster(runner, client);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
