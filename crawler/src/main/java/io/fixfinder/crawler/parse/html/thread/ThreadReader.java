package io.fixfinder.crawler.parse.html.thread;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A thread page read into its question and answers. Posts come from the site's {@code post}
 * selector when the sources file gives one that matches, else from {@link PostBlocks}; the question
 * is a post-like block before the posts when there is one (Stack Exchange's question above its
 * answers), else the first post. A page with no repeated posts is still a thread when it holds one
 * block of prose with an author and a date and is not laid out as a guide (a question nobody
 * answered yet, a mailing-list message).
 */
public final class ThreadReader {
  /** Prose a question needs to stand alone, and that a block before the posts needs. */
  static final int MIN_QUESTION_PROSE = 40;

  /** The question and its answers in page order. */
  public record Found(Post question, List<Post> answers) {
    public Found {
      answers = List.copyOf(answers);
    }
  }

  private ThreadReader() {}

  public static Optional<Found> read(Document original, Map<String, String> selectors) {
    Document doc = PostReader.prepare(original);
    String remove = selectors.getOrDefault("remove", "");
    if (!remove.isBlank()) doc.select(remove).remove();
    String postSelector = selectors.getOrDefault("post", "");
    if (!postSelector.isBlank()) {
      Optional<Found> bySite = bySelectors(doc, selectors, postSelector);
      if (bySite.isPresent()) return bySite;
    }
    // Elements' prose outside noise, asked again and again while looking for posts: read once.
    Prose prose = new Prose(PostReader::noise);
    Optional<PostBlocks.Group> group = PostBlocks.find(doc.body(), prose);
    if (group.isPresent()) {
      List<Element> blocks = group.get().blocks();
      Predicate<Element> nested = group.get().nested();
      List<Post> posts = new ArrayList<>();
      for (Element block : blocks) posts.add(PostReader.read(block, nested));
      Optional<Element> before = questionBefore(blocks.getFirst(), prose);
      if (before.isPresent()) {
        Post question = PostReader.read(before.get(), nested);
        return Optional.of(new Found(question, posts));
      }
      return Optional.of(new Found(posts.getFirst(), posts.subList(1, posts.size())));
    }
    return single(doc.body(), prose)
        .map(block -> new Found(PostReader.read(block, e -> false), List.of()));
  }

  private static Optional<Found> bySelectors(
      Document doc, Map<String, String> selectors, String postSelector) {
    List<Post> posts = new ArrayList<>();
    String bodySelector = selectors.getOrDefault("postBody", "");
    String votesSelector = selectors.getOrDefault("votes", "");
    String acceptedSelector = selectors.getOrDefault("accepted", "");
    for (Element block : doc.select(postSelector)) {
      if (block.parents().stream().anyMatch(p -> p.is(postSelector))) continue; // nested
      Element body =
          Optional.ofNullable(bodySelector.isBlank() ? null : block.selectFirst(bodySelector))
              .orElseGet(() -> PostReader.body(block, e -> false));
      Optional<Element> votes =
          Optional.ofNullable(votesSelector.isBlank() ? null : block.selectFirst(votesSelector));
      boolean accepted =
          acceptedSelector.isBlank()
              ? Cues.accepted(block, e -> e == body)
              : block.is(acceptedSelector) || !block.select(acceptedSelector).isEmpty();
      Post post = PostReader.read(block, body, votes, accepted);
      if (post.text().length() >= 5) posts.add(post);
    }
    if (posts.isEmpty()) return Optional.empty();
    return Optional.of(new Found(posts.getFirst(), posts.subList(1, posts.size())));
  }

  /**
   * The question when it sits in a block of its own before the posts: the nearest earlier sibling
   * of the first post or of one of its ancestors that holds prose and a post cue (author, date or
   * votes). Headings, navigation and sidebars are not questions.
   */
  static Optional<Element> questionBefore(Element first, Prose prose) {
    Predicate<Element> none = e -> false;
    Element node = first;
    for (int level = 0; level < 5 && node.parent() != null && !Cues.tag(node, "body"); level++) {
      for (Element s = node.previousElementSibling(); s != null; s = s.previousElementSibling()) {
        if ((Cues.tag(s, "h1", "h2", "h3", "h4", "h5", "h6", "nav", "footer", "aside")
            || s.attr("role").equals("navigation"))) continue;
        if (prose.of(s) < MIN_QUESTION_PROSE) continue;
        if (PostBlocks.find(s, prose).isPresent()) continue; // a list of posts of its own
        if (Cues.author(s, none).isPresent()
            || Cues.date(s, none).isPresent()
            || Cues.votes(s, none).isPresent()) return Optional.of(s);
      }
      node = node.parent();
    }
    return Optional.empty();
  }

  /**
   * The one post of a page without repeated posts: the block of most prose that no child of it
   * dominates, with an author and a date around it, on a page not laid out as a guide or manual.
   */
  static Optional<Element> single(Element root, Prose prose) {
    Element best = null;
    int bestProse = 0;
    for (Element e : root.getAllElements()) {
      if (!Cues.tag(
          e,
          "div",
          "section",
          "article",
          "main",
          "td",
          "pre",
          "form",
          "span",
          "dd",
          "body",
          "noscript")) continue;
      int p = prose.of(e);
      if (p < MIN_QUESTION_PROSE * 2 || p <= bestProse) continue;
      boolean dominated = false;
      for (Element child : e.children()) {
        if (prose.of(child) >= 0.6 * p
            && !Cues.tag(child, "p", "ul", "ol", "table", "blockquote")) {
          dominated = true;
          break;
        }
      }
      if (dominated) continue;
      best = e;
      bestProse = p;
    }
    if (best == null || guideLike(best)) return Optional.empty();
    Element body = best;
    Predicate<Element> outside = e -> e == body;
    Element c = best;
    for (int level = 0; level < 6 && c != null; level++, c = c.parent()) {
      if (guideLike(c)) return Optional.empty();
      if (Cues.author(c, outside).isPresent() && Cues.date(c, outside).isPresent()) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Sections under headings, or a list of steps: a guide or a manual page, not a post. */
  static boolean guideLike(Element e) {
    if (e.select("h2, h3, h4").size() >= 3) return true;
    for (Element list : e.select("ol")) if (list.children().size() >= 4) return true;
    return e.select("tr").size() >= 4;
  }
}
