package io.fixfinder.app.pipeline;

import io.fixfinder.core.model.SourceKind;
import io.fixfinder.crawler.source.SiteConfig;
import io.fixfinder.demo.DemoManifest;
import io.fixfinder.demo.DemoSite;
import io.fixfinder.demo.DemoSites;
import java.util.List;

/** The demo sites as crawl sources: loopback allowed, politeness off (they are ours). */
public final class DemoSources {
  private DemoSources() {}

  public static List<SiteConfig> of(DemoManifest manifest, DemoSites sites) {
    return manifest.sites().stream()
        .map(
            (DemoSite site) ->
                SiteConfig.of(
                        site.name(), SourceKind.parse(site.kind()), sites.origin(site.name()), true)
                    .withPolitenessDelayMs(0)
                    .withTitle(site.title()))
        .toList();
  }
}
