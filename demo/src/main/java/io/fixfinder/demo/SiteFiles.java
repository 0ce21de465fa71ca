package io.fixfinder.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of one demo site before they are written: pages with their content date, whether each
 * is a content document, and the site's robots.txt and sitemap(s), which are derived from them.
 * Dates go to {@code .lastmod} in the site root, where {@link DemoSites} reads them for
 * Last-Modified (the filesystem time would change on every write).
 */
final class SiteFiles {
  /** Where {@link DemoSites} finds each file's content date and the hash it was written with. */
  static final String LASTMOD = ".lastmod";

  private record Entry(byte[] bytes, LocalDate date, boolean document, String group) {}

  private final String name;
  private final String kind;
  private final String title;
  private final Map<String, Entry> files = new LinkedHashMap<>();
  private final List<String> disallowed = new ArrayList<>();
  private final List<String> sitemapGroups = new ArrayList<>();
  private boolean sitemapIndex;

  /**
   * How a site's pages declare its name, so the demo exercises each way a crawler reads one: the
   * Open Graph {@code og:site_name}, a schema.org {@code WebSite} in JSON-LD, the {@code
   * application-name} meta.
   */
  enum Naming {
    OPEN_GRAPH,
    SCHEMA_ORG,
    APPLICATION_NAME
  }

  private final Naming naming;

  SiteFiles(String name, String kind, String title) {
    this(name, kind, title, Naming.OPEN_GRAPH);
  }

  SiteFiles(String name, String kind, String title, Naming naming) {
    this.name = name;
    this.kind = kind;
    this.title = title;
    this.naming = naming;
  }

  String name() {
    return name;
  }

  /** A page at a URL path ("/a/b.html", or "/a/" for its index.html) in the default sitemap. */
  void page(String path, String html, LocalDate date, boolean document) {
    page(path, html, date, document, "pages");
  }

  void page(String path, String html, LocalDate date, boolean document, String group) {
    file(path, named(html).getBytes(StandardCharsets.UTF_8), date, document, group);
  }

  /** The page with the site's name declared in its head, the way this site declares it. */
  private String named(String html) {
    int head = html.indexOf("<head>");
    if (head < 0) return html;
    String t = Text.esc(title);
    String tag =
        switch (naming) {
          case OPEN_GRAPH -> "<meta property=\"og:site_name\" content=\"" + t + "\">";
          case SCHEMA_ORG ->
              "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                  + "\"@type\":\"WebSite\",\"name\":"
                  + JsonLd.MAPPER.valueToTree(title)
                  + "}</script>";
          case APPLICATION_NAME -> "<meta name=\"application-name\" content=\"" + t + "\">";
        };
    int at = head + "<head>".length();
    return html.substring(0, at) + "\n" + tag + html.substring(at);
  }

  /** A file; {@code group} names its child sitemap, null keeps it out of the sitemaps. */
  void file(String path, byte[] bytes, LocalDate date, boolean document, String group) {
    if (!path.startsWith("/")) throw new IllegalArgumentException("not a URL path: " + path);
    if (files.put(path, new Entry(bytes, date, document, group)) != null) {
      throw new IllegalStateException(name + ": two files at " + path);
    }
    if (group != null && !sitemapGroups.contains(group)) sitemapGroups.add(group);
  }

  boolean has(String path) {
    return files.containsKey(path);
  }

  /** Keeps crawlers out of a path prefix (robots.txt) and out of the sitemaps. */
  void disallow(String prefix) {
    disallowed.add(prefix);
  }

  /** Publish a sitemap index pointing to one child sitemap per group instead of one sitemap. */
  void useSitemapIndex() {
    sitemapIndex = true;
  }

  int documents() {
    return (int) files.values().stream().filter(Entry::document).count();
  }

  /** Writes the site under {@code sitesDir/name} and returns it as a manifest entry. */
  DemoSite write(Path sitesDir) throws IOException {
    addRobots();
    addSitemaps();
    Path root = sitesDir.resolve(name);
    Map<String, String> lastmod = new TreeMap<>();
    for (Map.Entry<String, Entry> e : files.entrySet()) {
      String rel = fileOf(e.getKey());
      Path target = root.resolve(rel);
      Files.createDirectories(target.getParent());
      Files.write(target, e.getValue().bytes());
      lastmod.put(rel, e.getValue().date() + "\t" + sha256(e.getValue().bytes()));
    }
    StringBuilder sb = new StringBuilder();
    sb.append("# path\tcontent date\tsha-256 as written (the server trusts the date only while")
        .append(" the file is unchanged)\n");
    lastmod.forEach((path, line) -> sb.append(path).append('\t').append(line).append('\n'));
    Files.writeString(root.resolve(LASTMOD), sb.toString(), StandardCharsets.UTF_8);
    return new DemoSite(name, kind, root, title);
  }

  private static String fileOf(String urlPath) {
    String rel = urlPath.substring(1);
    return rel.isEmpty() || rel.endsWith("/") ? rel + "index.html" : rel;
  }

  private void addRobots() {
    StringBuilder sb = new StringBuilder();
    sb.append("# robots.txt for ").append(title).append('\n');
    sb.append("User-agent: *\n");
    for (String prefix : disallowed) sb.append("Disallow: ").append(prefix).append('\n');
    sb.append("\n# A scraper that ignored our rate limits.\nUser-agent: PartsScraperBot\n");
    sb.append("Disallow: /\n\n");
    sb.append("Sitemap: ").append(Urls.on(name, "/sitemap.xml")).append('\n');
    file("/robots.txt", sb.toString().getBytes(StandardCharsets.UTF_8), Clock.EDITION, false, null);
  }

  private void addSitemaps() {
    if (!sitemapIndex) {
      writeUrlset("/sitemap.xml", null);
      return;
    }
    StringBuilder index = new StringBuilder();
    index.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    index.append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (String group : List.copyOf(sitemapGroups)) {
      String path = "/sitemaps/" + group + ".xml";
      LocalDate newest = writeUrlset(path, group);
      index
          .append("  <sitemap>\n    <loc>")
          .append(Urls.on(name, path))
          .append("</loc>\n    <lastmod>")
          .append(newest)
          .append("</lastmod>\n  </sitemap>\n");
    }
    index.append("</sitemapindex>\n");
    file(
        "/sitemap.xml",
        index.toString().getBytes(StandardCharsets.UTF_8),
        Clock.EDITION,
        false,
        null);
  }

  /** Writes a urlset of one group (null: all groups); returns its newest lastmod. */
  private LocalDate writeUrlset(String path, String group) {
    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    LocalDate newest = LocalDate.MIN;
    for (Map.Entry<String, Entry> e : files.entrySet()) {
      Entry entry = e.getValue();
      if (entry.group() == null || (group != null && !group.equals(entry.group()))) continue;
      if (disallowed.stream().anyMatch(e.getKey()::startsWith)) continue;
      sb.append("  <url>\n    <loc>")
          .append(Urls.on(name, e.getKey()))
          .append("</loc>\n    <lastmod>")
          .append(entry.date())
          .append("</lastmod>\n  </url>\n");
      if (entry.date().isAfter(newest)) newest = entry.date();
    }
    sb.append("</urlset>\n");
    file(path, sb.toString().getBytes(StandardCharsets.UTF_8), Clock.EDITION, false, null);
    return newest;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
