package io.fixfinder.demo;

import io.fixfinder.demo.Catalogue.Expert;
import io.fixfinder.demo.Catalogue.Fault;
import io.fixfinder.demo.Catalogue.FeaturedReply;
import io.fixfinder.demo.Catalogue.FeaturedThread;
import io.fixfinder.demo.Catalogue.Pools;
import io.fixfinder.demo.ForumThread.Style;
import io.fixfinder.demo.Voice.Register;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes forum threads from the fault texts: a question in the asker's words, a few early replies
 * (tips, "same here", off-topic), a real fix, the asker's report (fixed or still broken) and some
 * late replies. Roughly two in three threads end solved; the rest do not, as on real forums.
 */
final class ThreadWriter {
  private static final List<String> ROLES = List.of("Member", "Member", "New member", "Regular");

  private final Pools pools;

  ThreadWriter(Catalogue catalogue) {
    this.pools = catalogue.pools();
  }

  /** The {@code n}th generated thread about {@code issue} on {@code site}. */
  ForumThread generate(String site, Issue issue, int n, Style style, Optional<String> videoId) {
    Dice dice = new Dice("thread/" + site + "/" + issue.key() + "/" + n);
    Fault fault = issue.fault();
    List<String> people = dice.shuffled(pools.users());
    int next = 0;
    String asker = people.get(next++);
    String askerRole = dice.pick(ROLES);
    LocalDateTime at = Clock.afterRelease(issue.model().released(), dice);

    // One story per thread: the title, the fix and the asker's report are picked to fit the
    // question (by shared words), so "brand new, walks across the floor" gets the transit bolts.
    String questionTemplate = Voice.choose(fault.questions(), issue, dice);
    String title =
        Voice.fill(
            Voice.closest(fault.titles(), questionTemplate, issue, dice),
            issue,
            dice,
            Register.TITLE);
    if (style != Style.QA && dice.chance(0.08)) title = "[Help] " + title;

    StringBuilder q = new StringBuilder();
    if (dice.chance(0.3)) q.append(dice.pick(pools.greetings())).append('\n');
    q.append(Voice.fill(questionTemplate, issue, dice, Register.CASUAL));
    if (dice.chance(0.5)) {
      q.append(dice.chance(0.5) ? " " : "\n").append(dice.pick(pools.contexts()));
    }
    if (dice.chance(0.4)) q.append('\n').append(dice.pick(pools.signoffs()));
    if (dice.chance(0.05)) q.append("\n\n").append(dice.pick(pools.modNotes()));
    String question = dice.chance(0.4) ? Spelling.casual(q.toString(), dice, pools) : q.toString();
    Post questionPost =
        new Post(asker, askerRole, "", at, question, dice.between(0, 30), false, false);

    boolean solved = dice.chance(style == Style.QA ? 0.74 : 0.6);
    List<Post> replies = new ArrayList<>();
    Set<String> said = new HashSet<>();
    LocalDateTime t = at;

    int early = dice.between(0, 2);
    for (int i = 0; i < early; i++) {
      t = Clock.later(t, 8, 8 * 60, dice);
      replies.add(aside(issue, dice, people.get(next++), t, asker, true, said));
    }

    // The fix: mostly from a regular helper, sometimes from someone who just had the same fault.
    t = Clock.later(t, 25, 30 * 60, dice);
    boolean byExpert = dice.chance(0.7);
    Expert expert = dice.pick(pools.experts().get(site));
    String fixer = byExpert ? expert.name() : people.get(next++);
    String fixTemplate = Voice.closest(fault.fixes(), questionTemplate, issue, dice);
    String fix = Voice.fill(fixTemplate, issue, dice, byExpert ? Register.TITLE : Register.CASUAL);
    if (videoId.isPresent() && dice.chance(0.3)) {
      fix += "\nThere's a decent video of it too: " + Urls.video(videoId.get());
    } else if (dice.chance(0.15)) {
      fix += "\nManual: " + Urls.pdfOrManual(issue);
    }
    replies.add(
        new Post(
            fixer,
            byExpert ? expert.title() : dice.pick(ROLES),
            byExpert ? expert.sig() : "",
            t,
            fix,
            solved ? dice.between(8, 60) : dice.between(0, 7),
            solved && style != Style.POSTING,
            false));

    // The asker reports back.
    t = Clock.later(t, 90, 3 * 24 * 60, dice);
    String report;
    if (solved) {
      report =
          dice.chance(0.65)
              ? Voice.fill(
                  Voice.closest(fault.solved(), fixTemplate, issue, dice),
                  issue,
                  dice,
                  Register.CASUAL)
              : Voice.fill(
                  dice.pick(pools.solvedGeneric()), issue, dice, Register.CASUAL, first(fixer));
    } else {
      report =
          dice.chance(0.7)
              ? Voice.fill(
                  Voice.closest(fault.unsolved(), fixTemplate, issue, dice),
                  issue,
                  dice,
                  Register.CASUAL)
              : dice.pick(pools.unsolvedGeneric());
    }
    if (report.isEmpty()) {
      report = dice.pick(solved ? pools.solvedGeneric() : pools.unsolvedGeneric());
    }
    said.add(report);
    replies.add(
        new Post(
            asker,
            askerRole,
            "",
            t,
            Spelling.casual(report, dice, pools),
            dice.between(0, solved ? 6 : 3),
            false,
            solved && style == Style.QA && dice.chance(0.6)));

    int late = dice.between(0, solved ? 2 : 3);
    for (int i = 0; i < late && next < people.size(); i++) {
      t = Clock.later(t, 12 * 60, 40 * 24 * 60, dice);
      if (solved && dice.chance(0.45)) {
        String thanks =
            Voice.fill(dice.pick(pools.thanksOther()), issue, dice, Register.CASUAL, first(fixer));
        if (!said.add(thanks)) continue;
        replies.add(
            new Post(
                people.get(next++),
                dice.pick(ROLES),
                "",
                t,
                thanks,
                dice.between(0, 9),
                false,
                false));
      } else {
        replies.add(aside(issue, dice, people.get(next++), t, asker, false, said));
      }
    }
    if (!solved && dice.chance(0.35)) {
      String last = dice.pick(pools.unsolvedGeneric());
      if (said.add(last)) {
        t = Clock.later(t, 24 * 60, 20 * 24 * 60, dice);
        replies.add(new Post(asker, askerRole, "", t, last, 0, false, false));
      }
    }
    // Q&A pages show at least three answers; pad with the kind of replies threads collect.
    while (style == Style.QA && answers(replies) < 3 && next < people.size()) {
      t = Clock.later(t, 60, 5 * 24 * 60, dice);
      replies.add(aside(issue, dice, people.get(next++), t, asker, false, said));
    }
    int views = (int) dice.logUniform(90, 26_000);
    return new ForumThread(
        site, 0, Text.slug(title), title, issue, questionPost, replies, views, style);
  }

  /**
   * A reply that is not the fix: a tip, a "same here", or something off topic; never one that was
   * already said in the thread.
   */
  private Post aside(
      Issue issue,
      Dice dice,
      String author,
      LocalDateTime at,
      String asker,
      boolean early,
      Set<String> said) {
    String text = "";
    int votes = 0;
    for (int attempt = 0; attempt < 5 && (text.isEmpty() || said.contains(text)); attempt++) {
      int roll = dice.chance(0.5) ? 0 : dice.chance(0.5) ? 1 : 2;
      if (roll == 0) {
        text =
            Voice.fill(
                Voice.choose(issue.fault().tips(), issue, dice), issue, dice, Register.CASUAL);
        votes = dice.between(0, early ? 9 : 5);
      } else if (roll == 1) {
        text = Voice.fill(dice.pick(pools.metoo()), issue, dice, Register.CASUAL, first(asker));
        votes = dice.between(0, 2);
      } else {
        text = Voice.fill(dice.pick(pools.offtopic()), issue, dice, Register.CASUAL);
        votes = dice.between(-1, 3);
      }
    }
    said.add(text);
    if (dice.chance(0.3)) text = Spelling.casual(text, dice, pools);
    return new Post(author, dice.pick(ROLES), "", at, text, Math.max(votes, 0), false, false);
  }

  private static int answers(List<Post> replies) {
    return (int) replies.stream().filter(p -> !p.comment()).count();
  }

  /** How people address each other: the handle up to the first separator. */
  private static String first(String handle) {
    String[] parts = handle.split("[ ._]");
    return parts.length == 0 || parts[0].length() < 2 ? handle : parts[0];
  }

  /** A hand-written thread from featured.yaml. */
  ForumThread featured(FeaturedThread f, Issue issue) {
    LocalDateTime at = Clock.parse(f.date());
    Post question = new Post(f.author(), "Member", "", at, f.question(), f.votes(), false, false);
    List<Post> replies = new ArrayList<>();
    for (FeaturedReply r : f.replies()) {
      Optional<Expert> expert =
          pools.experts().values().stream()
              .flatMap(List::stream)
              .filter(e -> e.name().equals(r.author()))
              .findFirst();
      replies.add(
          new Post(
              r.author(),
              expert.map(Expert::title).orElse("Member"),
              expert.map(Expert::sig).orElse(""),
              at.plus(Duration.parse(r.after())),
              r.text(),
              r.votes(),
              r.accepted(),
              r.comment()));
    }
    Style style =
        f.site().equals(Urls.FIXITFORUM) ? Style.QA : f.posting() ? Style.POSTING : Style.PLAIN;
    return new ForumThread(
        f.site(), f.id(), f.slug(), f.title(), issue, question, replies, f.views(), style);
  }
}
