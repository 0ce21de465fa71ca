package io.fixfinder.app.cli;

import io.fixfinder.app.pipeline.CrawlPipeline;
import io.fixfinder.app.pipeline.DataLayout;
import io.fixfinder.app.pipeline.DemoSources;
import io.fixfinder.app.pipeline.IndexPipeline;
import io.fixfinder.core.config.ConfigLoader;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.demo.DemoCorpus;
import io.fixfinder.demo.DemoManifest;
import io.fixfinder.demo.DemoSites;
import io.fixfinder.demo.FakeYouTubeApi;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The demo corpus crawled, indexed (embeddings, issue clusters) and served as {@code fixfinder
 * demo} does, built once per test JVM and shared by the integration tests that only ask it
 * questions over HTTP: building it is the slow part, and none of them writes to it. Fixed ports
 * keep URLs, and so record and cluster ids, the same from run to run (the golden files need that).
 */
final class ServedDemo {
  private static ServedDemo shared;

  private final Path dir;
  private final DemoManifest manifest;
  private final DemoSites sites;
  private final FakeYouTubeApi youtube;
  private final Serving.Running running;

  private ServedDemo(
      Path dir,
      DemoManifest manifest,
      DemoSites sites,
      FakeYouTubeApi youtube,
      Serving.Running running) {
    this.dir = dir;
    this.manifest = manifest;
    this.sites = sites;
    this.youtube = youtube;
    this.running = running;
  }

  /** The shared demo, built on first use; closed and deleted when the JVM exits. */
  static synchronized ServedDemo get() throws Exception {
    if (shared == null) {
      shared = build(Files.createTempDirectory("fixfinder-served-demo"));
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  private static ServedDemo build(Path dir) throws Exception {
    FixFinderConfig cfg =
        ConfigLoader.load(Optional.empty(), Map.of()).withDataDir(dir.resolve("data")).withPort(0);
    DataLayout data = new DataLayout(cfg.data().dir());
    DemoManifest manifest = DemoCorpus.writeTo(dir.resolve("corpus"));
    Map<String, Integer> ports = new HashMap<>();
    for (int i = 0; i < manifest.sites().size(); i++) {
      ports.put(manifest.sites().get(i).name(), 47_811 + i);
    }
    DemoSites sites = DemoSites.start(manifest, ports, DemoSites.Ports.REQUIRED);
    FakeYouTubeApi youtube = FakeYouTubeApi.start(manifest.youtubeVideos());
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    new CrawlPipeline(cfg, data, quiet)
        .run(
            DemoSources.of(manifest, sites),
            Optional.of(new CrawlPipeline.YouTubeRun(youtube.rootUrl().toString(), "demo-key")));
    IndexPipeline index = new IndexPipeline(cfg, data, quiet);
    index.rebuild();
    DemoCommand.seedHelpers(cfg, quiet, index);
    return new ServedDemo(dir, manifest, sites, youtube, Serving.start(cfg));
  }

  DemoManifest manifest() {
    return manifest;
  }

  DemoSites sites() {
    return sites;
  }

  /** The served data directory (its database and secret key). */
  Path dataDir() {
    return dir.resolve("data");
  }

  /** The API's port on 127.0.0.1. */
  int port() {
    return running.server().port();
  }

  private void close() {
    try {
      running.close();
      youtube.close();
      sites.close();
    } catch (Exception e) {
      // the JVM is exiting: nothing to do about a server that would not stop
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }
}
