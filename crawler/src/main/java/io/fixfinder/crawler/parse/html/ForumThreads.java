package io.fixfinder.crawler.parse.html;

import io.fixfinder.core.model.Details;
import io.fixfinder.crawler.parse.html.thread.Post;
import io.fixfinder.crawler.parse.html.thread.ThreadReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;

/**
 * Threads on forum and Q&amp;A pages without structured markup, read by {@link ThreadReader} from
 * the page's structure (or the site's selectors), turned into {@link Details.Thread} and the
 * record's text: the question, then the answer to show, then the other answers by votes.
 */
public final class ForumThreads {
  /** A thread found on a page: its details and the text the record is searched by. */
  public record Thread(Details.Thread details, String text) {}

  private ForumThreads() {}

  /** The page's thread; empty for a board index, a guide, or a page without a post. */
  public static Optional<Thread> read(Document doc, Map<String, String> selectors) {
    return ThreadReader.read(doc, selectors).flatMap(ForumThreads::thread);
  }

  static Optional<Thread> thread(ThreadReader.Found found) {
    Post question = found.question();
    if (question.text().isBlank()) return Optional.empty();
    List<Post> answers = found.answers().stream().filter(a -> !a.text().isBlank()).toList();
    Optional<Post> accepted = answers.stream().filter(Post::accepted).findFirst();
    Optional<Post> best = accepted.isPresent() ? Optional.empty() : best(question, answers);
    int top = answers.stream().mapToInt(Post::votes).max().orElse(0);
    Details.Thread details =
        new Details.Thread(
            question.text(),
            question.votes(),
            answers.size(),
            accepted.map(Post::text).orElse(""),
            accepted.map(Post::votes).orElse(0),
            top,
            question.author(),
            question.date(),
            accepted.map(Post::author).orElse(""),
            best.map(Post::text).orElse(""),
            best.map(Post::votes).orElse(0),
            best.map(Post::author).orElse(""));
    Optional<Post> shown = accepted.or(() -> best);
    StringBuilder text = new StringBuilder(question.text());
    shown.ifPresent(s -> text.append("\n\n").append(s.text()));
    List<Post> others = new ArrayList<>(answers);
    shown.ifPresent(others::remove);
    others.sort(Comparator.comparingInt(p -> -p.votes()));
    for (Post other : others) text.append("\n\n").append(other.text());
    return Optional.of(new Thread(details, text.toString()));
  }

  /**
   * The reply a reader should see first when none is accepted: most votes, the earliest on a tie;
   * the asker's own follow-ups ("thanks, that worked") only when nobody else replied.
   */
  static Optional<Post> best(Post question, List<Post> answers) {
    List<Post> others =
        question.author().isEmpty()
            ? answers
            : answers.stream().filter(a -> !a.author().equals(question.author())).toList();
    List<Post> pool = others.isEmpty() ? answers : others;
    Post best = null;
    for (Post a : pool) if (best == null || a.votes() > best.votes()) best = a;
    return Optional.ofNullable(best);
  }
}
