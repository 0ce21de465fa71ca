package io.fixfinder.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.crawler.fetch.FetchedPage;
import io.fixfinder.crawler.parse.Html;
import io.fixfinder.crawler.parse.Keying;
import io.fixfinder.crawler.parse.PageProcessor;
import io.fixfinder.crawler.source.SiteConfig;
import io.fixfinder.indexer.analysis.Analyzers;
import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.schema.Fields;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real repair guides (MyFixit, {@code ../shared/data/myfixit}) published as HowTo JSON-LD pages
 * built here at test time (nothing of the data is stored in the repository), crawled through the
 * real page processor and mapped into a Lucene index by the real mapper. Reports, for each (guide,
 * tool) pair of the guides' toolboxes, whether the tool is kept in the guide's details and whether
 * a search for the tool's name matches the guide: before (the record's text only, all the old
 * extractor kept) and after (text and the tools field). Figures in docs/extraction.md.
 */
class MyFixitGuidesIT {
  static final Path DATA = Path.of("../../shared/data/myfixit");

  @TempDir Path dir;

  @Test
  void toolsOfRealGuidesAreKeptAndFindable() throws Exception {
    assumeTrue(
        Files.isDirectory(DATA), "../shared/data/myfixit is absent: skipping the guide tools run");
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> guides = new ArrayList<>();
    for (String file : List.of("Appliance.json", "Computer Hardware.json")) {
      try (BufferedReader in =
          Files.newBufferedReader(DATA.resolve(file), StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) if (!line.isBlank()) guides.add(json.readTree(line));
      }
    }
    Map<String, List<String>> toolsByUrl = new LinkedHashMap<>();
    List<SourceDoc> docs = new ArrayList<>();
    try (var log = io.fixfinder.core.records.RecordLog.openForAppend(dir.resolve("r.jsonl"))) {
      PageProcessor processor = new PageProcessor(new Keying(KeyExtractor.builtIn()), log);
      int i = 0;
      for (JsonNode g : guides) {
        String url = "http://127.0.0.1:9/guide/" + (i++);
        List<String> tools = new ArrayList<>();
        g.path("Toolbox").forEach(t -> tools.add(t.path("Name").asText().strip()));
        tools.removeIf(String::isEmpty);
        // every other page writes its tools as plain strings, as some sites do
        List<SourceDoc> out =
            processor.process(page(url, howTo(json, g, tools, i % 2 == 0))).docs();
        assertThat(out).as(url).hasSize(1);
        docs.add(out.getFirst());
        toolsByUrl.put(url, tools);
      }
    }

    int pairs = 0;
    int kept = 0;
    int before = 0;
    int after = 0;
    Set<String> names = new HashSet<>();
    Set<String> namesBefore = new HashSet<>();
    Set<String> namesAfter = new HashSet<>();
    Analyzer analyzer = Analyzers.perField();
    try (ByteBuffersDirectory index = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(index, new IndexWriterConfig(analyzer))) {
        for (SourceDoc d : docs) w.addDocument(DocumentMapper.toDocument(d));
      }
      try (DirectoryReader reader = DirectoryReader.open(index)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        for (SourceDoc d : docs) {
          Set<String> inDetails = new HashSet<>();
          if (d.details() instanceof Details.Guide g) {
            g.tools().forEach(t -> inDetails.add(norm(t.name())));
          }
          for (String tool : toolsByUrl.get(d.url())) {
            pairs++;
            names.add(norm(tool));
            if (inDetails.contains(norm(tool))) kept++;
            List<String> terms = terms(analyzer, tool);
            if (matches(searcher, d.id(), terms, false)) {
              before++;
              namesBefore.add(norm(tool));
            }
            if (matches(searcher, d.id(), terms, true)) {
              after++;
              namesAfter.add(norm(tool));
            }
          }
        }
      }
    }
    String report =
        String.format(
            Locale.ROOT,
            "myfixit guides %d, (guide, tool) pairs %d: in Guide.tools %d (%.1f%%);"
                + " matched by a search for the name: before %d (%.1f%%), after %d (%.1f%%);"
                + " distinct names %d: matched in some guide before %d, after %d",
            docs.size(),
            pairs,
            kept,
            100.0 * kept / pairs,
            before,
            100.0 * before / pairs,
            after,
            100.0 * after / pairs,
            names.size(),
            namesBefore.size(),
            namesAfter.size());
    System.out.println(report);
    assertThat(docs).allMatch(d -> d.details() instanceof Details.Guide);
    // the structured path keeps every tool the page lists, and the index finds it
    assertThat(kept).as(report).isEqualTo(pairs);
    assertThat(after).as(report).isEqualTo(pairs);
    assertThat(before).as(report).isLessThan(after);
  }

  /** A HowTo page as a guide site would publish it: tools as objects or strings, steps, images. */
  static String howTo(ObjectMapper json, JsonNode g, List<String> tools, boolean toolsAsStrings) {
    ObjectNode h = json.createObjectNode();
    h.put("@context", "https://schema.org");
    h.put("@type", "HowTo");
    h.put("name", g.path("Title").asText());
    ObjectNode about = h.putObject("about");
    about.put("@type", "Thing");
    about.put("name", g.path("Category").asText());
    ArrayNode toolNodes = h.putArray("tool");
    for (String t : tools) {
      if (toolsAsStrings) toolNodes.add(t);
      else toolNodes.addObject().put("@type", "HowToTool").put("name", t);
    }
    ArrayNode steps = h.putArray("step");
    for (JsonNode s : g.path("Steps")) {
      ObjectNode step = steps.addObject();
      step.put("@type", "HowToStep");
      step.put("text", s.path("Text_raw").asText());
      if (s.path("Images").size() > 0) step.put("image", s.path("Images").get(0).asText());
    }
    String ld = h.toString().replace("</", "<\\/");
    return "<html><head><title>"
        + g.path("Title").asText().replace("<", "&lt;")
        + "</title><script type=\"application/ld+json\">"
        + ld
        + "</script></head><body><h1>Guide</h1></body></html>";
  }

  static FetchedPage page(String url, String html) {
    SiteConfig site =
        SiteConfig.of("guides", SourceKind.MANUAL, URI.create(url).resolve("/"), true);
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    return new FetchedPage(
        site,
        URI.create(url),
        200,
        "text/html; charset=utf-8",
        body,
        Map.of(),
        Instant.now(),
        Optional.of(Html.parse(body, "utf-8", url)));
  }

  private static String norm(String s) {
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    }
    return out;
  }

  /**
   * Whether the record matches every word of the name (as a search for it would), in the body only
   * or in the body or the tools field.
   */
  private static boolean matches(
      IndexSearcher searcher, String id, List<String> terms, boolean withTools) throws IOException {
    if (terms.isEmpty()) return false;
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(new TermQuery(new Term(Fields.ID, id)), BooleanClause.Occur.FILTER);
    for (String t : terms) {
      BooleanQuery.Builder either = new BooleanQuery.Builder();
      either.add(new TermQuery(new Term(Fields.BODY, t)), BooleanClause.Occur.SHOULD);
      if (withTools)
        either.add(new TermQuery(new Term(Fields.TOOLS, t)), BooleanClause.Occur.SHOULD);
      q.add(either.build(), BooleanClause.Occur.MUST);
    }
    return searcher.count(q.build()) > 0;
  }
}
