package io.fixfinder.opensearch.node;

import io.fixfinder.opensearch.plugin.FixFinderAnalysisPlugin;
import java.nio.file.Path;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Starts OpenSearch nodes in this process with our analysis plugin and the k-NN plugin, both loaded
 * from the class path (their jars come from Maven artifacts at build time; nothing is fetched at
 * run time). Sized for a small machine: one processor per node (more with {@code -D}{@value
 * #PROCESSORS}{@code =N}, as the benchmarks set it), no real-memory circuit breaker (several nodes
 * share one heap), no disk watermarks (a developer's full disk must not turn an index read-only
 * mid-test).
 */
public final class Nodes {
  private Nodes() {}

  /** The k-NN plugin's class: its jar is on the class path (unpacked from its zip). */
  public static final String KNN_PLUGIN = "org.opensearch.knn.plugin.KNNPlugin";

  /** System property: the processors each node sizes its thread pools for (default 1). */
  public static final String PROCESSORS = "fixfinder.node.processors";

  /** The plugins every node loads. */
  public static final String PLUGINS = FixFinderAnalysisPlugin.class.getName() + "," + KNN_PLUGIN;

  /**
   * Starts {@code count} nodes of the cluster {@code clusterName} under {@code home} (created;
   * their data lives there), HTTP on the first free port from {@code baseHttpPort}, and waits for
   * the cluster to be at least yellow.
   */
  public static OpenSearchRunner start(Path home, int count, String clusterName, int baseHttpPort) {
    if (count < 1) throw new IllegalArgumentException("nodes must be >= 1, not " + count);
    OpenSearchRunner runner = new OpenSearchRunner();
    // the runner looks for free ports up to this one (its default stops at 9299)
    runner.setMaxHttpPort(baseHttpPort + 99);
    runner.onBuild(
        (index, settings) ->
            settings
                .put("node.processors", Integer.getInteger(PROCESSORS, 1))
                .put("indices.breaker.total.use_real_memory", false)
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("http.host", "127.0.0.1")
                .put("transport.host", "127.0.0.1")
                .put("action.auto_create_index", false));
    runner.build(
        OpenSearchRunner.newConfigs()
            .basePath(home.toAbsolutePath().toString())
            .numOfNode(count)
            .clusterName(clusterName)
            .baseHttpPort(baseHttpPort)
            .pluginTypes(PLUGINS)
            .disableESLogger());
    runner.ensureYellow();
    return runner;
  }

  /** The HTTP address of node {@code index} (0-based). */
  public static String httpUrl(OpenSearchRunner runner, int index) {
    return "http://127.0.0.1:" + runner.getNode(index).settings().get("http.port");
  }
}
