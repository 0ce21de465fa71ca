package io.fixfinder.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the demo corpus: five sites under {@code dir/sites/NAME/} and the repair videos in {@code
 * dir/youtube/videos.json}. Deterministic: the same bytes on every run and platform, so tests can
 * assert on exact content and a recrawl of an unchanged corpus finds nothing new.
 */
public final class DemoCorpus {
  private DemoCorpus() {}

  /**
   * Writes the whole corpus under {@code dir} (replacing a previous one) and returns a manifest.
   */
  public static DemoManifest writeTo(Path dir) throws IOException {
    Plan plan = Plan.build(Catalogue.load());
    List<SiteFiles> sites =
        List.of(
            ManualVault.build(plan),
            FixItForum.build(plan),
            RepairTalk.build(plan),
            ShopReviews.build(plan),
            BrandSupport.build(plan));
    Path sitesDir = dir.resolve("sites");
    Path youtubeDir = dir.resolve("youtube");
    // Only our own folders are cleared: files of an older corpus must not be served as current.
    deleteTree(sitesDir);
    deleteTree(youtubeDir);
    List<DemoSite> written = new ArrayList<>();
    int documents = 0;
    for (SiteFiles site : sites) {
      written.add(site.write(sitesDir));
      documents += site.documents();
    }
    List<ObjectNode> videos = plan.videos().stream().map(YouTubeJson::video).toList();
    Files.createDirectories(youtubeDir);
    Path videosJson = youtubeDir.resolve("videos.json");
    Files.writeString(
        videosJson, JsonLd.pretty(YouTubeJson.listResponse(videos)) + "\n", StandardCharsets.UTF_8);
    documents += videos.size();
    return new DemoManifest(written, videosJson, documents);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
