package io.fixfinder.crawler.parse.html;

import io.fixfinder.core.model.Details;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Threads on forums without structured markup. Posts are found by a site selector ({@code post},
 * {@code postBody}, {@code votes}, {@code accepted}) or, failing that, by the class names forums
 * commonly use ("post", "reply", "answer", "comment"); the accepted answer by a class such as
 * "accepted"/"solution" or a "✔ Solution" marker.
 */
public final class ForumThreads {
  private static final Pattern NUMBER = Pattern.compile("-?\\d+");

  /** The thread's posts in page order, the first being the question. */
  public record Post(String text, int votes, boolean accepted) {}

  private ForumThreads() {}

  public static List<Post> posts(Document doc, Map<String, String> selectors) {
    String postSelector =
        selectors.getOrDefault(
            "post", ".post, .reply, .answer, .comment, .message, .forum-post, .thread-post");
    List<Post> posts = new ArrayList<>();
    for (Element post : doc.select(postSelector)) {
      if (post.parents().stream().anyMatch(p -> p.is(postSelector))) continue; // nested
      Element body =
          Optional.ofNullable(
                  post.selectFirst(
                      selectors.getOrDefault(
                          "postBody", "[class*=body], [class*=content], [class*=text]")))
              .orElse(post);
      String text = body.text().strip();
      if (text.length() < 5) continue;
      Element votes =
          post.selectFirst(
              selectors.getOrDefault("votes", "[class*=vote], [class*=score], [class*=like]"));
      int v = 0;
      if (votes != null) {
        Matcher m = NUMBER.matcher(votes.text());
        if (m.find()) v = Integer.parseInt(m.group());
      }
      String acceptedSelector =
          selectors.getOrDefault(
              "accepted", "[class*=accepted], [class*=solution], [class*=best-answer]");
      String cls = post.className().toLowerCase(Locale.ROOT);
      boolean accepted =
          cls.contains("accepted")
              || cls.contains("solution")
              || !post.select(acceptedSelector).isEmpty()
              || post.text().contains("✔ Solution")
              || post.text().contains("✔ Accepted");
      posts.add(new Post(text, v, accepted));
    }
    return posts;
  }

  /** Thread details from posts; empty when the page has fewer than two posts. */
  public static Optional<Details.Thread> details(List<Post> posts) {
    if (posts.size() < 2) return Optional.empty();
    Post question = posts.getFirst();
    List<Post> answers = posts.subList(1, posts.size());
    Optional<Post> accepted = answers.stream().filter(Post::accepted).findFirst();
    int top = answers.stream().mapToInt(Post::votes).max().orElse(0);
    return Optional.of(
        new Details.Thread(
            question.text(),
            question.votes(),
            answers.size(),
            accepted.map(Post::text).orElse(""),
            accepted.map(Post::votes).orElse(0),
            top));
  }
}
