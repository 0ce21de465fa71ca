package io.fixfinder.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link DemoCorpus#writeTo} wrote: the sites in serving order, the videos file for {@link
 * FakeYouTubeApi}, and how many content documents (manual pages, PDF manuals, threads, product,
 * review and FAQ pages, videos – not listings) the corpus holds.
 */
public record DemoManifest(List<DemoSite> sites, Path youtubeVideos, int documentCount) {
  public DemoManifest {
    sites = List.copyOf(sites);
  }
}
