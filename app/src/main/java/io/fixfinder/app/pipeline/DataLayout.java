package io.fixfinder.app.pipeline;

import java.nio.file.Path;

/** Where each kind of state lives under the data directory. One place, so nothing guesses. */
public record DataLayout(Path root) {
  public Path index() {
    return root.resolve("index");
  }

  /** The issue clusters (one versioned file, replaced atomically on commit). */
  public Path clusters() {
    return root.resolve("clusters");
  }

  public Path records() {
    return root.resolve("records").resolve("records.jsonl");
  }

  public Path crawlState() {
    return root.resolve("crawl");
  }

  /** The last crawl run's counters, written atomically when a crawl ends (read by /metrics). */
  public Path crawlSummary() {
    return crawlState().resolve("last-run.json");
  }

  /** Preview images (video thumbnails) by the SHA-256 of their bytes. */
  public Path thumbnails() {
    return root.resolve("thumbs");
  }

  public Path youtubeQuota() {
    return root.resolve("youtube").resolve("quota.json");
  }

  public Path youtubeCache() {
    return root.resolve("youtube").resolve("cache");
  }

  public Path demoCorpus() {
    return root.resolve("demo-corpus");
  }

  public Path demoPorts() {
    return root.resolve("demo-ports.json");
  }

  /** The demo company's tenant and keys (mode 0600). */
  public Path demoCompany() {
    return root.resolve("demo-company.json");
  }
}
