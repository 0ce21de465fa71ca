package io.fixfinder.crawler.dedup.eval;

import io.fixfinder.core.csv.CsvReader;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.crawler.dedup.DuplicateRule;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Forum-shaped labelled pairs from Open Repair Data: real fault descriptions written by repair
 * volunteers, grouped four at a time within a product category into a thread (a question and three
 * replies). Titles are the generic kind forums are full of ("Laptop problem"), so many threads
 * share one.
 *
 * <ul>
 *   <li>{@code forum-a.example} holds every thread, and for every other thread a cross-post: the
 *       same title and question with three other replies; for the rest, another question under the
 *       same title that drew the same three replies. Both are other documents: merging one loses
 *       its answers or its question.
 *   <li>{@code forum-b.example} mirrors half of the original threads under its own chrome, with a "
 *       - Forum B" title suffix and reflowed posts. A mirror must merge into its thread.
 * </ul>
 *
 * No setting was chosen on these pairs: they test the rule chosen on the guides.
 */
public final class ThreadEval {
  private ThreadEval() {}

  /** One thread: its category and its posts, question first. */
  public record Thread(String category, List<String> posts) {}

  /**
   * @param mirrors mirrored threads (positive pairs)
   * @param merged mirrors merged into their thread
   * @param wrongMerges merges into another thread
   * @param pages pages of the first forum (threads and cross-posts)
   * @param lost of those, stored only as an alias of another thread
   * @param crossPosts cross-posts: the same title and question, other answers
   * @param sameAnswers the same title and answers under another question
   * @param crossPostsLost cross-posts stored only as an alias
   * @param sameAnswersLost those with the same answers stored only as an alias
   */
  public record Result(
      int mirrors,
      int merged,
      int wrongMerges,
      int pages,
      int lost,
      int crossPosts,
      int sameAnswers,
      int crossPostsLost,
      int sameAnswersLost) {
    public double precision() {
      return merged + wrongMerges == 0 ? 1 : (double) merged / (merged + wrongMerges);
    }

    public double recall() {
      return mirrors == 0 ? 0 : (double) merged / mirrors;
    }
  }

  /** Threads from the ORDS file's problem texts of at least 12 words, in file order. */
  public static List<Thread> read(Path ords) throws IOException {
    Map<String, List<String>> byCategory = new LinkedHashMap<>();
    try (Reader reader = Files.newBufferedReader(ords, StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(reader, 100_000)) {
      List<String> header = csv.next().orElseThrow(() -> new IOException(ords + ": empty"));
      int category = header.indexOf("product_category");
      int problem = header.indexOf("problem");
      if (category < 0 || problem < 0)
        throw new IOException(ords + ": no product_category or problem column");
      Optional<List<String>> row;
      while ((row = csv.next()).isPresent()) {
        List<String> r = row.get();
        if (r.size() <= Math.max(category, problem)) continue;
        String text = r.get(problem).strip();
        if (text.split("\\s+").length >= 12)
          byCategory.computeIfAbsent(r.get(category), k -> new ArrayList<>()).add(text);
      }
    }
    List<Thread> threads = new ArrayList<>();
    byCategory.forEach(
        (category, texts) -> {
          for (int i = 0; i + 4 <= texts.size(); i += 4)
            threads.add(new Thread(category, List.copyOf(texts.subList(i, i + 4))));
        });
    return threads;
  }

  public static Result run(
      List<Thread> threads, Supplier<? extends DuplicateRule> rules, long seed) {
    Random random = new Random(seed);
    List<DedupEval.Page> crawl = new ArrayList<>();
    int crossPosts = 0;
    int sameAnswers = 0;
    for (int i = 0; i < threads.size(); i++) {
      Thread t = threads.get(i);
      crawl.add(
          new DedupEval.Page(page("forum-a.example", "/t/" + i, t, t.posts(), false), i, false));
      Thread far = threads.get((i + threads.size() / 2) % threads.size());
      if (i % 2 == 1) {
        // The question posted again under the same title, answered by other people.
        List<String> posts = new ArrayList<>();
        posts.add(t.posts().getFirst());
        posts.addAll(far.posts().subList(1, 4));
        crawl.add(
            new DedupEval.Page(
                page("forum-a.example", "/t/" + i + "-again", t, posts, false),
                threads.size() + i,
                false));
        crossPosts++;
      } else {
        // Another question under the same title that drew the same answers (quoted, copied).
        List<String> posts = new ArrayList<>();
        posts.add(far.posts().getFirst());
        posts.addAll(t.posts().subList(1, 4));
        crawl.add(
            new DedupEval.Page(
                page("forum-a.example", "/t/" + i + "-other", t, posts, false),
                threads.size() + i,
                false));
        sameAnswers++;
      }
    }
    for (int i = 0; i < threads.size(); i++)
      if (random.nextBoolean()) {
        Thread t = threads.get(i);
        crawl.add(
            new DedupEval.Page(page("forum-b.example", "/m/" + i, t, t.posts(), true), i, true));
      }
    DedupEval.Score score = DedupEval.score(crawl, rules.get());
    int pages = (int) crawl.stream().filter(p -> !p.copy()).count();
    return new Result(
        score.copies(),
        score.merged(),
        score.wrong(),
        pages,
        score.lost(),
        crossPosts,
        sameAnswers,
        score.lostByKind().getOrDefault("again", 0),
        score.lostByKind().getOrDefault("other", 0));
  }

  private static SourceDoc page(
      String site, String path, Thread t, List<String> posts, boolean mirror) {
    StringBuilder text = new StringBuilder();
    String title = t.category() + " problem";
    if (mirror) {
      text.append("Forum B \u00bb Repair help \u00bb ").append(t.category()).append('\n');
      for (int p = 0; p < posts.size(); p++)
        text.append(p == 0 ? "Original post: " : "Re: ")
            .append(posts.get(p).replaceAll("\\s+", "  "))
            .append(p % 2 == 1 ? "\n" : " ");
      text.append("\nYou must be logged in to reply. Forum B is a community of fixers.");
      title += " - Forum B";
    } else {
      text.append("Board index \u203a ").append(t.category()).append('\n');
      for (int p = 0; p < posts.size(); p++)
        text.append(p == 0 ? "Question" : "Reply " + p)
            .append(" by member")
            .append((path.hashCode() & 0xff) + p)
            .append('\n')
            .append(posts.get(p))
            .append("\nQuote Report Like\n");
      text.append("Powered by a forum engine. All times are UTC.");
    }
    return DedupEval.doc("https://" + site + path, site, title, text);
  }
}
