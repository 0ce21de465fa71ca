package io.fixfinder.crawler.parse.html.thread;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds a thread's posts from structure: siblings of one shape (same tag, mostly the same classes)
 * that each carry prose and post cues. Of all such groups the one holding most prose wins, unless
 * one of its blocks wraps two or more posts of another group (then it is layout, not a post).
 */
final class PostBlocks {
  /** A post needs this much prose, a group this much on average: a board index row has less. */
  static final int MIN_POST_PROSE = 20;

  static final int MIN_GROUP_MEAN_PROSE = 60;

  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern DIGIT = Pattern.compile("\\d");

  /** The winning group's blocks in page order, and the test for blocks nested in them. */
  record Group(List<Element> blocks, Predicate<Element> nested) {}

  private record Candidate(List<Element> blocks, Set<String> signature, int prose) {}

  private PostBlocks() {}

  /**
   * @param prose the prose of the page's elements outside noise ({@link PostReader#noise}), shared
   *     by every question asked of one page
   */
  static Optional<Group> find(Element root, Prose prose) {
    Optional<Group> cued = find(root, true, prose);
    if (cued.isPresent()) return cued;
    // A bare page with no post cue at all (two blocks of text, no names, dates or buttons): its
    // repeated blocks are posts when they hold most of the page's prose and it is no guide.
    Optional<Group> bare = find(root, false, prose);
    if (bare.isEmpty()) return bare;
    int posts = 0;
    for (Element block : bare.get().blocks()) posts += prose.of(block);
    Element parent = bare.get().blocks().getFirst().parent();
    if (posts * 2 < prose.of(root) || ThreadReader.guideLike(parent)) {
      return Optional.empty();
    }
    return bare;
  }

  private static Optional<Group> find(Element root, boolean cues, Prose prose) {
    List<Candidate> candidates = new ArrayList<>();
    for (Element parent : root.getAllElements()) {
      for (List<Element> siblings : alike(parent.children())) {
        if (siblings.size() < 2) continue;
        if (!cues && !Cues.tag(siblings.getFirst(), "div", "article", "section", "li")) continue;
        candidate(siblings, cues, prose).ifPresent(candidates::add);
      }
    }
    Candidate best = null;
    for (Candidate c : candidates) {
      if (wrapsPosts(c, candidates, prose)) continue;
      if (best == null || c.prose() > best.prose()) best = c;
    }
    if (best == null) return Optional.empty();
    Set<Element> members = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    members.addAll(best.blocks());
    Candidate chosen = best;
    // A reply nested inside a post (threaded comments) has the post's shape: it belongs to itself.
    Predicate<Element> nested =
        e ->
            !members.contains(e)
                && sameShape(e, chosen.blocks().getFirst())
                && insideAny(e, members);
    return Optional.of(new Group(best.blocks(), nested));
  }

  private static boolean insideAny(Element e, Set<Element> members) {
    for (Element p = e.parent(); p != null; p = p.parent()) if (members.contains(p)) return true;
    return false;
  }

  /** Siblings grouped by shape, in page order. */
  static List<List<Element>> alike(List<Element> children) {
    List<List<Element>> groups = new ArrayList<>();
    for (Element child : children) {
      List<Element> home = null;
      for (List<Element> g : groups) {
        if (sameShape(g.getFirst(), child)) {
          home = g;
          break;
        }
      }
      if (home == null) groups.add(home = new ArrayList<>());
      home.add(child);
    }
    return groups;
  }

  /** Same tag and half or more of their classes shared (ids and numbered classes aside). */
  static boolean sameShape(Element a, Element b) {
    if (!a.normalName().equals(b.normalName())) return false;
    // Engines number their posts' ids (post-123, post-124); layout blocks have names (content,
    // footer) that differ.
    if (!a.id().isEmpty() && !b.id().isEmpty() && !unnumbered(a.id()).equals(unnumbered(b.id())))
      return false;
    Set<String> ca = classes(a);
    Set<String> cb = classes(b);
    if (ca.isEmpty() && cb.isEmpty()) return true;
    Set<String> both = new HashSet<>(ca);
    both.retainAll(cb);
    Set<String> either = new HashSet<>(ca);
    either.addAll(cb);
    return both.size() * 2 >= either.size() && !both.isEmpty();
  }

  private static String unnumbered(String id) {
    return DIGITS.matcher(id).replaceAll("");
  }

  static Set<String> classes(Element e) {
    Set<String> out = new HashSet<>();
    for (String c : e.classNames()) if (!c.isBlank() && !DIGIT.matcher(c).find()) out.add(c);
    return out;
  }

  private static Optional<Candidate> candidate(
      List<Element> siblings, boolean cues, Prose pageProse) {
    List<Element> posts = new ArrayList<>();
    int prose = 0;
    int nonEmpty = 0;
    for (Element s : siblings) {
      if (Cues.brief(s, 5).map(t -> t.length() >= 5).orElse(true)) nonEmpty++;
      int p = pageProse.of(s);
      if (p < MIN_POST_PROSE) continue;
      Predicate<Element> none = e -> false;
      boolean cue =
          !cues
              || Cues.author(s, none).isPresent()
              || Cues.date(s, none).isPresent()
              || Cues.votes(s, none).isPresent()
              || Cues.accepted(s, none)
              || Cues.affordance(s, none);
      if (!cue) continue;
      posts.add(s);
      prose += p;
    }
    if (posts.size() < 2 || posts.size() * 10 < nonEmpty * 6) return Optional.empty();
    // Without cues the posts' share of the page's prose is the evidence (see find), not length.
    int mean = cues ? MIN_GROUP_MEAN_PROSE : MIN_POST_PROSE * 2;
    if (prose / siblings.size() < mean && prose / posts.size() < mean * 2) return Optional.empty();
    // Blocks of the shape that failed the cue test are still posts of the group (a short reply).
    List<Element> blocks = new ArrayList<>();
    for (Element s : siblings) if (pageProse.of(s) > 0 || posts.contains(s)) blocks.add(s);
    return Optional.of(new Candidate(blocks, classes(siblings.getFirst()), prose));
  }

  /**
   * Whether one block of {@code c} holds two or more posts of a group of another shape that make up
   * most of its prose: a layout column around the posts, not a post with comments under it.
   */
  private static boolean wrapsPosts(Candidate c, List<Candidate> all, Prose prose) {
    for (Element block : c.blocks()) {
      int blockProse = prose.of(block);
      for (Candidate other : all) {
        if (other == c || sameShape(other.blocks().getFirst(), c.blocks().getFirst())) continue;
        int inside = 0;
        int insideProse = 0;
        for (Element post : other.blocks()) {
          if (isInside(post, block)) {
            inside++;
            insideProse += prose.of(post);
          }
        }
        if (inside >= 2 && insideProse * 2 >= blockProse) return true;
      }
    }
    return false;
  }

  private static boolean isInside(Element e, Element ancestor) {
    for (Element p = e.parent(); p != null; p = p.parent()) if (p == ancestor) return true;
    return false;
  }
}
