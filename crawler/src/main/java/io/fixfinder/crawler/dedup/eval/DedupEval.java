package io.fixfinder.crawler.dedup.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.crawler.dedup.DuplicateRule;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Merge precision and recall on labelled pairs built from a MyFixit guide file ({@code
 * myfixit/*.json}: real repair guides, each with its device in {@code Category}).
 *
 * <p>Three sites are crawled in order, each page a record run through the rule like a crawl would:
 *
 * <ol>
 *   <li>{@code guides.example}: every guide, under that site's chrome. Guides of one device are
 *       siblings: they share tools and often their first steps, and none may merge into another.
 *   <li>{@code fixhub.example}: a syndicated copy of every other guide (seeded choice) under a
 *       different chrome and date line, with a random set of light edits: a " - FixHub" title
 *       suffix, a changed first sentence, a trimmed last sentence, reflowed whitespace. Each copy
 *       must merge into its original.
 *   <li>{@code askrepair.example}, a separate crawl: every guide titled only with its device, as a
 *       Q&A site titles threads, so siblings share the title and only their text tells them apart.
 * </ol>
 *
 * Guides of the file that are themselves one document (same title, step text 5-shingle Jaccard ≥
 * 0.9) form one group; merging within a group is never counted wrong. The site chrome and the edits
 * are ours; the guide text is read from the file at run time and never stored.
 */
public final class DedupEval {
  private DedupEval() {}

  /** One MyFixit guide. */
  public record Guide(String title, String category, List<String> tools, List<String> steps) {}

  /**
   * Counts of one rule on one file.
   *
   * @param copies syndicated copies (positive pairs)
   * @param merged copies merged into their original
   * @param wrongMerges merges of any page into a record of another guide
   * @param guides original pages
   * @param lost original pages stored only as an alias of another guide
   * @param siblingPairs pairs of different guides of one device (negative pairs), on both sites
   * @param sameTitlePages pages of the device-titled site
   * @param sameTitleLost those stored only as an alias of another guide whose steps differ (step
   *     5-shingle Jaccard below 0.9)
   */
  public record Result(
      int copies,
      int merged,
      int wrongMerges,
      int guides,
      int lost,
      long siblingPairs,
      int sameTitlePages,
      int sameTitleLost) {
    public double precision() {
      return merged + wrongMerges == 0 ? 1 : (double) merged / (merged + wrongMerges);
    }

    public double recall() {
      return copies == 0 ? 0 : (double) merged / copies;
    }

    public double lostShare() {
      return guides == 0 ? 0 : (double) lost / guides;
    }

    public double sameTitleLostShare() {
      return sameTitlePages == 0 ? 0 : (double) sameTitleLost / sameTitlePages;
    }
  }

  public static List<Guide> read(Path file) throws IOException {
    List<Guide> guides = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) continue;
        JsonNode g = Json.mapper().readTree(line);
        List<String> tools = new ArrayList<>();
        g.path("Toolbox").forEach(t -> tools.add(t.path("Name").asText("")));
        List<String> steps = new ArrayList<>();
        g.path("Steps").forEach(s -> steps.add(s.path("Text_raw").asText("").strip()));
        steps.removeIf(String::isEmpty);
        if (steps.isEmpty()) continue;
        guides.add(
            new Guide(g.path("Title").asText(""), g.path("Category").asText(""), tools, steps));
      }
    }
    return guides;
  }

  /** Runs a fresh rule from {@code rules} over the crawl built from {@code guides}. */
  public static Result run(List<Guide> guides, Supplier<? extends DuplicateRule> rules, long seed) {
    int[] group = groups(guides);
    Random random = new Random(seed);
    List<Page> crawl = new ArrayList<>();
    for (int i = 0; i < guides.size(); i++)
      crawl.add(new Page(original(guides.get(i), i), group[i], false));
    for (int i = 0; i < guides.size(); i++)
      if (random.nextBoolean()) crawl.add(new Page(copy(guides.get(i), i, random), group[i], true));

    Score score = score(crawl, rules.get());
    int copies = score.copies();
    int merged = score.merged();
    int wrong = score.wrong();
    int lost = score.lost();
    int originals = guides.size();

    DuplicateRule sameTitle = rules.get();
    int lostSameTitle = 0;
    Map<String, Integer> guideOf = new HashMap<>();
    for (int i = 0; i < guides.size(); i++) {
      SourceDoc doc = deviceTitled(guides.get(i), i);
      guideOf.put(doc.id(), i);
      var original = sameTitle.check(doc);
      if (original.isEmpty()) continue;
      // Under one title, two guides whose steps are the same text are one document.
      int j = guideOf.get(original.get());
      if (group[j] != group[i] && jaccard(guides.get(i).steps(), guides.get(j).steps()) < 0.9)
        lostSameTitle++;
    }
    return new Result(
        copies,
        merged,
        wrong,
        originals,
        lost,
        siblingPairs(guides, group, crawl),
        guides.size(),
        lostSameTitle);
  }

  /** A page of the labelled crawl: its record, the document it is, whether it is a copy. */
  record Page(SourceDoc doc, int group, boolean copy) {}

  /**
   * @param copies copies in the crawl
   * @param merged copies merged into a record of their document
   * @param wrong merges into a record of another document
   * @param lost originals merged into a record of another document
   * @param lostByKind those by the last dash-separated part of their URL ("again", "other")
   */
  record Score(int copies, int merged, int wrong, int lost, Map<String, Integer> lostByKind) {}

  /** Runs {@code rule} over {@code crawl} in order and scores each merge against the labels. */
  static Score score(List<Page> crawl, DuplicateRule rule) {
    Map<String, Integer> groupOf = new HashMap<>();
    int copies = 0;
    int merged = 0;
    int wrong = 0;
    int lost = 0;
    Map<String, Integer> lostByKind = new HashMap<>();
    Set<Integer> seenGroups = new HashSet<>();
    for (Page page : crawl) {
      groupOf.put(page.doc().id(), page.group());
      var original = rule.check(page.doc());
      boolean known = !seenGroups.add(page.group());
      if (page.copy()) copies++;
      if (original.isEmpty()) continue;
      boolean right = groupOf.get(original.get()) == page.group();
      if (right && known && page.copy()) merged++;
      if (!right) {
        wrong++;
        if (!page.copy()) {
          lost++;
          String url = page.doc().url();
          int dash = url.lastIndexOf('-');
          if (dash > url.lastIndexOf('/'))
            lostByKind.merge(url.substring(dash + 1), 1, Integer::sum);
        }
      }
    }
    return new Score(copies, merged, wrong, lost, Map.copyOf(lostByKind));
  }

  /** Pairs of pages of one device that are not one guide: the merges that must not happen. */
  private static long siblingPairs(List<Guide> guides, int[] group, List<Page> crawl) {
    Map<String, List<Integer>> byDevice = new HashMap<>();
    for (int i = 0; i < crawl.size(); i++) {
      Page p = crawl.get(i);
      String device = guides.get(guideIndex(p)).category();
      byDevice.computeIfAbsent(device, k -> new ArrayList<>()).add(p.group());
    }
    long pairs = 0;
    for (List<Integer> groups : byDevice.values())
      for (int i = 0; i < groups.size(); i++)
        for (int j = i + 1; j < groups.size(); j++)
          if (!groups.get(i).equals(groups.get(j))) pairs++;
    return pairs;
  }

  private static int guideIndex(Page p) {
    String url = p.doc().url();
    return Integer.parseInt(url.substring(url.lastIndexOf('/') + 1));
  }

  /** Guides of the file that are one document: same normalised title and near-identical steps. */
  static int[] groups(List<Guide> guides) {
    int[] group = new int[guides.size()];
    Map<String, List<Integer>> byTitle = new HashMap<>();
    for (int i = 0; i < guides.size(); i++) {
      group[i] = i;
      String key = normalise(guides.get(i).title());
      for (int j : byTitle.getOrDefault(key, List.of()))
        if (jaccard(guides.get(i).steps(), guides.get(j).steps()) >= 0.9) group[i] = group[j];
      byTitle.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    return group;
  }

  static double jaccard(List<String> a, List<String> b) {
    Set<String> sa = shingles(String.join(" ", a));
    Set<String> sb = shingles(String.join(" ", b));
    Set<String> both = new HashSet<>(sa);
    both.retainAll(sb);
    return (double) both.size() / (sa.size() + sb.size() - both.size());
  }

  private static Set<String> shingles(String text) {
    String[] w = normalise(text).split(" ");
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 5 <= w.length || (i == 0 && w.length < 5); i++)
      out.add(String.join(" ", java.util.Arrays.copyOfRange(w, i, Math.min(w.length, i + 5))));
    return out;
  }

  private static String normalise(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  // The chrome of the three sites: written for this evaluation, the same on every page of a site.

  private static SourceDoc original(Guide g, int i) {
    StringBuilder text = new StringBuilder();
    text.append("Guides \u203a ").append(g.category()).append('\n');
    text.append("Difficulty: ").append(g.steps().size() > 8 ? "Moderate" : "Easy").append('\n');
    if (!g.tools().isEmpty())
      text.append("Tools: ").append(String.join(", ", g.tools())).append('\n');
    for (int s = 0; s < g.steps().size(); s++)
      text.append(s + 1).append(". ").append(g.steps().get(s)).append('\n');
    text.append("Was this guide helpful? Yes No\n")
        .append("Add a comment. Be kind and stay on topic; comments are moderated.\n")
        .append("Share this guide on Facebook, Twitter or by email.\n")
        .append("Content licensed by the guide authors under a Creative Commons licence.");
    return doc("https://guides.example/guide/" + i, "guides.example", g.title(), text);
  }

  private static final String[] INTROS = {
    "Before you start, unplug the device and work on a clean, well lit table.",
    "Make sure the power is off and keep a small tray at hand for the screws.",
    "Read all the steps first and take photos as you go so reassembly is easy."
  };

  private static SourceDoc copy(Guide g, int i, Random random) {
    boolean suffix = random.nextInt(4) != 0;
    boolean intro;
    boolean trim;
    boolean reflow;
    do {
      intro = random.nextBoolean();
      trim = random.nextBoolean();
      reflow = random.nextBoolean();
    } while (!suffix && !intro && !trim && !reflow);
    List<String> steps = new ArrayList<>(g.steps());
    if (intro)
      steps.set(0, INTROS[random.nextInt(INTROS.length)] + " " + dropFirstSentence(steps.get(0)));
    if (trim) steps.set(steps.size() - 1, dropLastSentence(steps.getLast()));
    StringBuilder text = new StringBuilder();
    text.append("Home / Repair / ").append(g.category()).append('\n');
    text.append("Published ")
        .append(2015 + random.nextInt(8))
        .append('-')
        .append(1 + random.nextInt(12))
        .append('-')
        .append(1 + random.nextInt(28))
        .append(" by the FixHub team\n");
    for (int s = 0; s < steps.size(); s++) {
      String step = steps.get(s);
      if (reflow) text.append(step.replaceAll("\\s+", "  ")).append(s % 3 == 2 ? "\n\n" : " ");
      else text.append("Step ").append(s + 1).append(": ").append(step).append('\n');
    }
    text.append("\nRelated articles\n")
        .append("Subscribe to the FixHub newsletter for weekly repair tips.\n")
        .append("Leave a reply. Your email address will not be published.");
    String title = suffix ? g.title() + " - FixHub" : g.title();
    return doc("https://fixhub.example/article/" + i, "fixhub.example", title, text);
  }

  private static SourceDoc deviceTitled(Guide g, int i) {
    StringBuilder text = new StringBuilder("Asked in ").append(g.category()).append('\n');
    for (String step : g.steps()) text.append(step).append('\n');
    text.append("Answer this question. Sign in to vote. Report abuse.");
    return doc("https://askrepair.example/q/" + i, "askrepair.example", g.category(), text);
  }

  private static String dropFirstSentence(String s) {
    int end = s.indexOf(". ");
    return end < 0 ? "" : s.substring(end + 2);
  }

  private static String dropLastSentence(String s) {
    String body = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    int end = body.lastIndexOf(". ");
    return end < 0 ? s : body.substring(0, end + 1);
  }

  static SourceDoc doc(String url, String site, String title, CharSequence text) {
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        SourceKind.MANUAL,
        site,
        title,
        text.toString(),
        null,
        null,
        null,
        true,
        null,
        null);
  }
}
