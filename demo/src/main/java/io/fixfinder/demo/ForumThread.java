package io.fixfinder.demo;

import java.util.List;

/** A forum thread about one issue, as planned before any site renders it. */
record ForumThread(
    String site,
    int id,
    String slug,
    String title,
    Issue issue,
    Post question,
    List<Post> replies,
    int views,
    Style style) {

  /** How the thread is marked up on its site. */
  enum Style {
    /** schema.org QAPage with accepted and suggested answers (FixIt Forum). */
    QA,
    /** Plain HTML posts with vote counts and a "✔ Solution" marker (RepairTalk). */
    PLAIN,
    /** DiscussionForumPosting JSON-LD with comments (RepairTalk). */
    POSTING
  }

  ForumThread withId(int newId) {
    return new ForumThread(site, newId, slug, title, issue, question, replies, views, style);
  }

  boolean solved() {
    return replies.stream().anyMatch(Post::accepted);
  }

  String path() {
    return switch (site) {
      case Urls.FIXITFORUM -> "/t/" + id + "-" + slug + ".html";
      case Urls.REPAIRTALK -> "/topic/" + id + "/" + slug + ".html";
      default -> throw new IllegalStateException("threads live on the forums, not " + site);
    };
  }
}
