package io.fixfinder.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCorpusTest {
  private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");
  private static final Pattern ORIGIN_LINK = Pattern.compile("^\\{\\{origin:([a-z]+)}}(/.*)$");

  @TempDir static Path first;
  @TempDir static Path second;
  static DemoManifest manifest;

  @BeforeAll
  static void write() throws IOException {
    manifest = DemoCorpus.writeTo(first);
  }

  static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  static Path site(String name) {
    return manifest.sites().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow()
        .root();
  }

  static String pdfText(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(doc);
    }
  }

  @Test
  void writesTheSameBytesEveryTime() throws IOException {
    DemoManifest again = DemoCorpus.writeTo(second);
    Map<String, byte[]> a = files(first);
    Map<String, byte[]> b = files(second);
    assertThat(b.keySet()).isEqualTo(a.keySet());
    List<String> different = new ArrayList<>();
    a.forEach(
        (path, bytes) -> {
          if (!Arrays.equals(bytes, b.get(path))) different.add(path);
        });
    assertThat(different).isEmpty();
    assertThat(again.documentCount()).isEqualTo(manifest.documentCount());
  }

  @Test
  void rewritingReplacesAnOlderCorpus() throws IOException {
    Path stale = first.resolve("sites/manuals/stale-page.html");
    Files.writeString(stale, "old");
    DemoCorpus.writeTo(first);
    assertThat(stale).doesNotExist();
  }

  @Test
  void holdsEnoughDocumentsOnFiveSites() {
    assertThat(manifest.documentCount()).isGreaterThanOrEqualTo(320);
    assertThat(manifest.sites())
        .extracting(DemoSite::name)
        .containsExactly("manuals", "fixitforum", "repairtalk", "shopreviews", "brandsupport");
    assertThat(manifest.sites())
        .extracting(DemoSite::kind)
        .containsExactly("manual", "forum", "forum", "review", "product");
    assertThat(manifest.youtubeVideos()).exists();
  }

  @Test
  void pdfManualsHaveATroubleshootingTableThatRunsOverPages() throws IOException {
    List<Path> pdfs;
    try (Stream<Path> walk = Files.walk(site("manuals"))) {
      pdfs = walk.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
    }
    assertThat(pdfs).hasSizeGreaterThanOrEqualTo(3);
    for (Path pdf : pdfs) {
      String text = pdfText(pdf);
      assertThat(text)
          .as(pdf.toString())
          .contains("Problem", "Cause", "What to do", "Troubleshooting");
    }
    Path wm = site("manuals").resolve("pdf/aqualine-wm-8420x-manual.pdf");
    try (PDDocument doc = Loader.loadPDF(wm.toFile())) {
      assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(4);
      assertThat(doc.getDocumentInformation().getTitle()).contains("WM-8420X");
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      List<Integer> tablePages = new ArrayList<>();
      int e18Page = 0;
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        String page = stripper.getText(doc);
        if (page.contains("Problem Cause What to do")) tablePages.add(p);
        if (page.contains("E18 – Water does not drain")) e18Page = p;
      }
      assertThat(tablePages).as("pages with the table header").hasSizeGreaterThanOrEqualTo(2);
      assertThat(e18Page).isEqualTo(tablePages.getFirst());
    }
  }

  @Test
  void everySiteHasRobotsAndSitemaps() throws IOException {
    for (DemoSite s : manifest.sites()) {
      String robots = read(s.root().resolve("robots.txt"));
      assertThat(robots)
          .contains(
              "User-agent: *", "Disallow: /", "Sitemap: {{origin:" + s.name() + "}}/sitemap.xml");
      String sitemap = read(s.root().resolve("sitemap.xml"));
      assertThat(sitemap).contains("<lastmod>", "{{origin:" + s.name() + "}}");
    }
    String index = read(site("manuals").resolve("sitemap.xml"));
    assertThat(index).contains("<sitemapindex");
    Matcher child = Pattern.compile("<loc>\\{\\{origin:manuals}}(/[^<]+)</loc>").matcher(index);
    int children = 0;
    while (child.find()) {
      children++;
      assertThat(site("manuals").resolve(child.group(1).substring(1))).exists();
    }
    assertThat(children).isGreaterThanOrEqualTo(2);
    assertThat(read(site("manuals").resolve("robots.txt")))
        .contains("Disallow: /internal/")
        .doesNotContain("Crawl-delay");
    assertThat(read(site("fixitforum").resolve("robots.txt"))).contains("Disallow: /members/");
    assertThat(read(site("manuals").resolve("sitemaps/manuals.xml"))).doesNotContain("/internal/");
  }

  @Test
  void theE18DrainFaultIsToldByEverySource() throws IOException {
    String manual = read(site("manuals").resolve("manuals/aqualine/wm-8420x/troubleshooting.html"));
    assertThat(manual)
        .contains("<th>Problem</th>", "<th>What to do</th>", "E18</strong> – Water does not drain");
    assertThat(pdfText(site("manuals").resolve("pdf/aqualine-wm-8420x-manual.pdf")))
        .contains("E18 – Water does not drain");
    String qa =
        read(
            site("fixitforum")
                .resolve("t/10482-aqualine-wm8420x-e18-wont-drain-water-stuck-in-drum.html"));
    assertThat(qa)
        .contains(
            "\"@type\": \"QAPage\"",
            "\"acceptedAnswer\"",
            "there was a coin in it, that fixed it",
            "✔ Accepted answer");
    String plain =
        read(
            site("repairtalk")
                .resolve("topic/5521/aqualine-8420x-error-18-not-pumping-out-filter-clean.html"));
    assertThat(plain)
        .contains("class=\"post accepted\"", "✔ Solution", "Err 18")
        .doesNotContain("application/ld+json");
    JsonNode videos = JsonLd.MAPPER.readTree(manifest.youtubeVideos().toFile());
    assertThat(videos.path("items").findValuesAsText("title"))
        .contains("Aqualine WM-8420X E18 fix - drain pump filter clean (won't drain)");
    String reviews = read(site("shopreviews").resolve("p/aqualine-wm-8420x/reviews.html"));
    assertThat(reviews).contains("Started showing E18 after 3 months", "\"reviewRating\"");
    String faq = read(site("brandsupport").resolve("aqualine/faq/washing-machine-drain.html"));
    assertThat(faq).contains("E18", "FAQPage");
  }

  @Test
  void mostFaultsAppearInSeveralSources() {
    Plan plan = Plan.build(Catalogue.load());
    int withThread = 0, withVideo = 0, withReview = 0;
    Set<String> reviewed = new HashSet<>();
    plan.reviewsByModel()
        .values()
        .forEach(list -> list.forEach(r -> r.issue().ifPresent(i -> reviewed.add(i.key()))));
    for (Issue issue : plan.issues()) {
      if (!plan.threadsAbout(issue).isEmpty()) withThread++;
      if (plan.videoFor(issue).isPresent()) withVideo++;
      if (reviewed.contains(issue.key())) withReview++;
    }
    int n = plan.issues().size();
    assertThat(n).isGreaterThanOrEqualTo(60);
    assertThat(withThread).isEqualTo(n);
    assertThat(withVideo).isGreaterThan(n / 2);
    assertThat(withReview).isGreaterThan(n * 2 / 3);
    assertThat(plan.videos()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(plan.fixitThreads()).anyMatch(t -> !t.solved());
    assertThat(plan.repairtalkThreads()).anyMatch(t -> !t.solved()).anyMatch(ForumThread::solved);
  }

  @Test
  void pagesAreUtf8WithoutTemplateLeftovers() throws IOException {
    Set<String> sites = new HashSet<>();
    manifest.sites().forEach(s -> sites.add(s.name()));
    boolean tick = false, dash = false, umlaut = false;
    for (Map.Entry<String, byte[]> f : files(first.resolve("sites")).entrySet()) {
      if (!f.getKey().endsWith(".html") && !f.getKey().endsWith(".xml")) continue;
      String text;
      try {
        text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(f.getValue()))
                .toString();
      } catch (CharacterCodingException e) {
        throw new AssertionError(f.getKey() + " is not UTF-8", e);
      }
      assertThat(text)
          .as(f.getKey())
          .doesNotContain("{m}", "{c}", "{t}", "{brand}", "{code}", "{model}", "[[", "]]");
      Matcher token = Pattern.compile("\\{\\{origin:([^}]*)}}").matcher(text);
      while (token.find()) assertThat(sites).as(f.getKey()).contains(token.group(1));
      tick |= text.contains("✔");
      dash |= text.contains("–");
      umlaut |= text.contains("ü") || text.contains("é");
    }
    assertThat(tick && dash && umlaut).isTrue();
  }

  /** A crawler starting at "/" reaches every content page through links, as on a real site. */
  @Test
  void everyPageIsReachableFromTheHomePage() throws IOException {
    for (DemoSite s : manifest.sites()) {
      Set<String> seen = new HashSet<>();
      Deque<String> queue = new ArrayDeque<>(List.of("/"));
      while (!queue.isEmpty()) {
        String path = queue.poll();
        if (!seen.add(path) || !path.endsWith("/") && !path.endsWith(".html")) continue;
        Path file = s.root().resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : ""));
        if (!Files.exists(file)) continue;
        Matcher m = HREF.matcher(read(file));
        while (m.find()) {
          String href = m.group(1).replace("&amp;", "&");
          Matcher origin = ORIGIN_LINK.matcher(href);
          String target;
          if (origin.matches()) {
            if (!origin.group(1).equals(s.name())) continue;
            target = origin.group(2);
          } else if (href.startsWith("http") || href.startsWith("#")) {
            continue;
          } else {
            target = URI.create("http://x" + path).resolve(href).getPath();
          }
          queue.add(target);
        }
      }
      try (Stream<Path> walk = Files.walk(s.root())) {
        for (Path p :
            walk.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".pdf"))
                .toList()) {
          String rel = "/" + s.root().relativize(p).toString().replace('\\', '/');
          String url =
              rel.endsWith("/index.html")
                  ? rel.substring(0, rel.length() - "index.html".length())
                  : rel;
          if (url.equals("/index.html")) url = "/";
          assertThat(seen).as(s.name() + " links to " + url).contains(url);
        }
      }
    }
  }

  @Test
  void videosCarryChaptersDurationsAndStatistics() throws IOException {
    JsonNode file = JsonLd.MAPPER.readTree(manifest.youtubeVideos().toFile());
    assertThat(file.path("kind").asText()).isEqualTo("youtube#videoListResponse");
    assertThat(file.path("items").size()).isGreaterThanOrEqualTo(40);
    Set<String> channels = new HashSet<>();
    for (JsonNode v : file.path("items")) {
      assertThat(v.path("id").asText()).hasSize(11);
      assertThat(v.path("contentDetails").path("duration").asText())
          .matches("PT(\\d+H)?(\\d+M)?(\\d+S)?");
      assertThat(v.path("statistics").path("viewCount").isTextual()).isTrue();
      assertThat(v.path("snippet").path("description").asText()).contains("0:00 ");
      channels.add(v.path("snippet").path("channelTitle").asText());
    }
    assertThat(channels).contains("Fix It Dad", "ApplianceGuru", "PhoneFixLab");
  }
}
