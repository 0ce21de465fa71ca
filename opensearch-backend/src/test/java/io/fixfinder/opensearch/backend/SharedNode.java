package io.fixfinder.opensearch.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;

/**
 * The tests' node ({@link NodeProcess}, class path from {@code opensearch.node.classpath}, which
 * the build passes), started once per test JVM on first use on free ports, stopped when the JVM
 * exits.
 */
public final class SharedNode {
  private static NodeProcess shared;

  private SharedNode() {}

  /** The shared node's HTTP address, starting it first if need be. */
  public static synchronized URI url() {
    if (shared == null) shared = start();
    return shared.url();
  }

  private static NodeProcess start() {
    String classpath = System.getProperty("opensearch.node.classpath");
    if (classpath == null) {
      throw new IllegalStateException("opensearch.node.classpath is not set (run through Maven)");
    }
    long t0 = System.nanoTime();
    try {
      NodeProcess node =
          NodeProcess.start(
              classpath,
              Files.createTempDirectory("fixfinder-os-node"),
              NodeProcess.freePortPair(),
              Duration.ofSeconds(240));
      Runtime.getRuntime().addShutdownHook(new Thread(node::close));
      System.out.printf(
          "SharedNode: one node at %s up in %d ms%n",
          node.url(), (System.nanoTime() - t0) / 1_000_000);
      return node;
    } catch (NodeProcess.NotStarted e) {
      throw new IllegalStateException(e.getMessage() + "; stderr tail: " + e.errorTail(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
