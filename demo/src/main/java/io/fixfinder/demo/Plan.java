package io.fixfinder.demo;

import io.fixfinder.demo.Catalogue.Brand;
import io.fixfinder.demo.Catalogue.FeaturedThread;
import io.fixfinder.demo.Catalogue.FeaturedVideo;
import io.fixfinder.demo.Catalogue.Model;
import io.fixfinder.demo.ForumThread.Style;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the corpus says before any site renders it: the videos, threads and reviews about each
 * issue. Sites link to each other's documents (a forum answer to a video, a support page to a
 * manual), so everything is decided here first.
 */
record Plan(
    Catalogue catalogue,
    List<Issue> issues,
    List<Video> videos,
    Map<String, Video> videoByIssue,
    List<ForumThread> fixitThreads,
    List<ForumThread> repairtalkThreads,
    Map<String, List<Review>> reviewsByModel) {

  static Plan build(Catalogue catalogue) {
    List<Issue> issues = catalogue.issues();
    VideoWriter videoWriter = new VideoWriter(catalogue);
    List<Video> videos = new ArrayList<>();
    Map<String, Video> videoByIssue = new LinkedHashMap<>();
    for (Issue issue : issues) {
      Optional<FeaturedVideo> featured =
          catalogue.featured().videos().stream()
              .filter(v -> about(issue, v.model(), v.fault()))
              .findFirst();
      Optional<Video> video =
          featured.isPresent()
              ? Optional.of(videoWriter.featured(featured.get(), issue))
              : videoWriter.generate(issue);
      video.ifPresent(
          v -> {
            videos.add(v);
            videoByIssue.put(issue.key(), v);
          });
    }
    for (Brand brand : catalogue.brands()) {
      for (Model model : brand.models()) videoWriter.review(brand, model).ifPresent(videos::add);
    }
    Set<String> ids = new HashSet<>();
    for (Video v : videos) {
      if (!ids.add(v.id())) throw new IllegalStateException("two videos with id " + v.id());
    }

    ThreadWriter threadWriter = new ThreadWriter(catalogue);
    List<ForumThread> fixit = new ArrayList<>();
    List<ForumThread> repairtalk = new ArrayList<>();
    for (Issue issue : issues) {
      Dice dice = new Dice("threads/" + issue.key());
      int qa = 1 + (dice.chance(0.35) ? 1 : 0);
      int plain = (dice.chance(0.8) ? 1 : 0) + (dice.chance(0.12) ? 1 : 0);
      Optional<String> videoId = Optional.ofNullable(videoByIssue.get(issue.key())).map(Video::id);
      fixit.addAll(threads(catalogue, threadWriter, Urls.FIXITFORUM, issue, qa, dice, videoId));
      repairtalk.addAll(
          threads(catalogue, threadWriter, Urls.REPAIRTALK, issue, plain, dice, videoId));
    }

    ReviewWriter reviewWriter = new ReviewWriter(catalogue);
    Map<String, List<Review>> reviews = new LinkedHashMap<>();
    // Review ids come from the review itself, not a running number: editing one product's
    // reviews must not renumber (and so re-URL) every review after it.
    Set<String> reviewIds = new HashSet<>();
    for (Brand brand : catalogue.brands()) {
      for (Model model : brand.models()) {
        List<Issue> ofModel = issues.stream().filter(i -> i.model().equals(model)).toList();
        List<Review> list = new ArrayList<>();
        for (Review r :
            reviewWriter.reviews(brand, model, ofModel, catalogue.featured().reviews())) {
          int n =
              40_000 + Math.floorMod((model.model() + r.author() + r.date()).hashCode(), 50_000);
          while (!reviewIds.add("R" + n)) n++;
          list.add(r.withId("R" + n));
        }
        reviews.put(model.model(), List.copyOf(list));
      }
    }
    return new Plan(
        catalogue,
        issues,
        List.copyOf(videos),
        videoByIssue,
        numbered(fixit, 10_120),
        numbered(repairtalk, 4_870),
        reviews);
  }

  private static boolean about(Issue issue, String model, String fault) {
    return issue.model().model().equals(model) && issue.fault().id().equals(fault);
  }

  /** The threads of an issue on a site; a featured thread takes the first generated one's place. */
  private static List<ForumThread> threads(
      Catalogue catalogue,
      ThreadWriter writer,
      String site,
      Issue issue,
      int count,
      Dice dice,
      Optional<String> videoId) {
    List<ForumThread> out = new ArrayList<>();
    for (FeaturedThread f : catalogue.featured().threads()) {
      if (f.site().equals(site) && about(issue, f.model(), f.fault()))
        out.add(writer.featured(f, issue));
    }
    for (int n = out.size(); n < count; n++) {
      Style style =
          site.equals(Urls.FIXITFORUM) ? Style.QA : dice.chance(0.3) ? Style.POSTING : Style.PLAIN;
      out.add(writer.generate(site, issue, n, style, videoId));
    }
    return out;
  }

  /** Gives generated threads ids in date order, as a forum would, around the featured ids. */
  private static List<ForumThread> numbered(List<ForumThread> threads, int first) {
    Set<Integer> taken = new HashSet<>();
    threads.stream().filter(t -> t.id() != 0).forEach(t -> taken.add(t.id()));
    List<ForumThread> byDate = new ArrayList<>(threads);
    byDate.sort(
        Comparator.comparing((ForumThread t) -> t.question().at())
            .thenComparing(ForumThread::slug));
    List<ForumThread> out = new ArrayList<>();
    int id = first;
    for (ForumThread t : byDate) {
      if (t.id() != 0) {
        out.add(t);
        continue;
      }
      id += 1 + Math.floorMod(t.slug().hashCode(), 7);
      while (taken.contains(id)) id++;
      taken.add(id);
      out.add(t.withId(id));
    }
    return List.copyOf(out);
  }

  List<ForumThread> threadsAbout(Issue issue) {
    List<ForumThread> all = new ArrayList<>(fixitThreads);
    all.addAll(repairtalkThreads);
    return all.stream().filter(t -> t.issue().key().equals(issue.key())).toList();
  }

  Optional<Video> videoFor(Issue issue) {
    return Optional.ofNullable(videoByIssue.get(issue.key()));
  }

  List<Issue> issuesOf(Model model) {
    return issues.stream().filter(i -> i.model().equals(model)).toList();
  }
}
