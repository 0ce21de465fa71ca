package io.fixfinder.demo;

import io.fixfinder.demo.Catalogue.Brand;
import io.fixfinder.demo.Catalogue.Channel;
import io.fixfinder.demo.Catalogue.FeaturedVideo;
import io.fixfinder.demo.Catalogue.Model;
import io.fixfinder.demo.Catalogue.Pools;
import io.fixfinder.demo.Voice.Register;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Writes repair videos: a title in a channel's style, a description with chapter timestamps (what
 * deep links into a video are made from), tags, a duration that fits the chapters, and view, like
 * and comment counts spread as they are on YouTube.
 */
final class VideoWriter {
  private final Pools pools;

  VideoWriter(Catalogue catalogue) {
    this.pools = catalogue.pools();
  }

  /** A video about the issue, or none (not every fault has a video, fewer without a code). */
  Optional<Video> generate(Issue issue) {
    Dice dice = new Dice("video/" + issue.key());
    if (!dice.chance(issue.hasCode() ? 0.92 : 0.5)) return Optional.empty();
    Channel channel = channelFor(issue.type().id(), dice);
    String title =
        Voice.fill(
            Voice.choose(issue.fault().video().titles(), issue, dice),
            issue,
            dice,
            Register.CANONICAL);
    String intro = Voice.fill(dice.pick(pools.videoIntros()), issue, dice, Register.CANONICAL);
    List<String> chapters = issue.fault().video().chapters();
    StringBuilder description = new StringBuilder(intro).append("\n\n");
    description.append(pools.videoSafety().get(issue.type().id())).append("\n\n");
    int at = 0;
    for (int i = 0; i < chapters.size(); i++) {
      if (i > 0) at += dice.between(25, 150);
      description.append(timestamp(at)).append(' ').append(chapters.get(i)).append('\n');
    }
    int seconds = at + dice.between(35, 110);
    description.append('\n').append(dice.pick(pools.videoOutros())).append("\n\n");
    description.append(hashtags(issue.brand().name(), issue.type().label(), issue.code()));
    Set<String> tags = new LinkedHashSet<>();
    tags.add(issue.brand().name().toLowerCase(Locale.ROOT));
    tags.add(issue.model().model().toLowerCase(Locale.ROOT));
    if (issue.hasCode()) tags.add(issue.code().toLowerCase(Locale.ROOT));
    tags.addAll(issue.fault().video().tags());
    tags.add(issue.type().label() + " repair");
    return Optional.of(
        video(
            dice,
            Optional.of(issue),
            channel,
            title,
            description.toString(),
            List.copyOf(tags),
            issue.model(),
            seconds));
  }

  /** A long-term review of a model: the kind of video a search also turns up. */
  Optional<Video> review(Brand brand, Model model) {
    Dice dice = new Dice("video-review/" + model.slug());
    if (!dice.chance(0.35)) return Optional.empty();
    Channel channel = channelFor(model.type(), dice);
    String title =
        dice.pick(pools.reviewVideo().titles())
            .replace("{brand}", brand.name())
            .replace("{model}", model.model());
    StringBuilder description =
        new StringBuilder("I've used the ")
            .append(brand.name())
            .append(' ')
            .append(model.model())
            .append(
                " every day for a year. Here's what I like, what broke and whether I'd buy it again.\n\n");
    int at = 0;
    List<String> chapters = pools.reviewVideo().chapters();
    for (int i = 0; i < chapters.size(); i++) {
      if (i > 0) at += dice.between(60, 240);
      description.append(timestamp(at)).append(' ').append(chapters.get(i)).append('\n');
    }
    description.append('\n').append(hashtags(brand.name(), "review", ""));
    List<String> tags =
        List.of(
            brand.name().toLowerCase(Locale.ROOT),
            model.model().toLowerCase(Locale.ROOT),
            "review",
            "long term review");
    return Optional.of(
        video(
            dice,
            Optional.empty(),
            channel,
            title,
            description.toString(),
            tags,
            model,
            at + dice.between(40, 90)));
  }

  Video featured(FeaturedVideo f, Issue issue) {
    Channel channel =
        pools.channels().stream()
            .filter(c -> c.title().equals(f.channel()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("unknown channel " + f.channel()));
    return new Video(
        f.id(),
        Optional.of(issue),
        channel,
        f.title(),
        f.description(),
        f.tags(),
        Clock.parse(f.published()),
        (int) Duration.parse(f.duration()).toSeconds(),
        f.views(),
        f.likes(),
        f.comments());
  }

  private Video video(
      Dice dice,
      Optional<Issue> issue,
      Channel channel,
      String title,
      String description,
      List<String> tags,
      Model model,
      int seconds) {
    long views = dice.logUniform(900, 350_000);
    long likes = Math.max(3, Math.round(views * (0.008 + dice.between(0, 220) / 10_000.0)));
    long comments = Math.max(0, Math.round(views * (0.0006 + dice.between(0, 35) / 10_000.0)));
    return new Video(
        dice.id(11),
        issue,
        channel,
        title,
        description,
        tags,
        Clock.afterRelease(model.released(), dice),
        seconds,
        views,
        likes,
        comments);
  }

  private Channel channelFor(String type, Dice dice) {
    List<Channel> fitting =
        pools.channels().stream().filter(c -> c.types().contains(type)).toList();
    return dice.pick(fitting.isEmpty() ? pools.channels() : fitting);
  }

  static String timestamp(int seconds) {
    int h = seconds / 3600, m = seconds % 3600 / 60, s = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }

  private static String hashtags(String brand, String type, String code) {
    List<String> tags = new ArrayList<>();
    tags.add("#" + brand.toLowerCase(Locale.ROOT));
    tags.add("#" + type.replace(" ", "").toLowerCase(Locale.ROOT));
    if (!code.isEmpty()) tags.add("#" + code.replace("-", "").toLowerCase(Locale.ROOT));
    tags.add("#repair");
    return String.join(" ", tags);
  }
}
