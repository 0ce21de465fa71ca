package io.fixfinder.demo;

import io.fixfinder.demo.Catalogue.Brand;
import io.fixfinder.demo.Catalogue.FeaturedReview;
import io.fixfinder.demo.Catalogue.Model;
import io.fixfinder.demo.Catalogue.Pools;
import io.fixfinder.demo.Voice.Register;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Writes the reviews of one model: most faults of the model turn up in a low-rated review ("showed
 * E18 after 3 months", "#refund"), among happier reviews that praise it, as in a real shop.
 */
final class ReviewWriter {
  private static final List<Integer> FAULT_RATINGS = List.of(1, 1, 2, 2, 2, 3);
  private static final List<Integer> HAPPY_RATINGS = List.of(5, 5, 5, 4, 4, 4, 3);

  private final Pools pools;

  ReviewWriter(Catalogue catalogue) {
    this.pools = catalogue.pools();
  }

  /** Reviews of the model, newest first, without ids yet. */
  List<Review> reviews(
      Brand brand, Model model, List<Issue> issues, List<FeaturedReview> featured) {
    Dice dice = new Dice("reviews/" + model.slug());
    List<String> people = dice.shuffled(pools.users());
    int next = 0;
    List<Review> reviews = new ArrayList<>();
    for (Issue issue : issues) {
      Optional<FeaturedReview> f =
          featured.stream()
              .filter(r -> r.model().equals(model.model()) && r.fault().equals(issue.fault().id()))
              .findFirst();
      if (f.isPresent()) {
        FeaturedReview r = f.get();
        reviews.add(
            new Review(
                "",
                brand,
                model,
                Optional.of(issue),
                r.author(),
                LocalDate.parse(r.date()),
                r.rating(),
                r.title(),
                r.body(),
                r.helpful(),
                true));
        continue;
      }
      if (!dice.chance(0.78)) continue;
      String body =
          Voice.fill(
              Voice.choose(issue.fault().reviews(), issue, dice), issue, dice, Register.CASUAL);
      if (dice.chance(0.3)) body = Spelling.casual(body, dice, pools);
      int rating = dice.pick(FAULT_RATINGS);
      if (rating == 3 && dice.chance(0.6)) {
        body = dice.pick(pools.praise().get(model.type())) + " " + body;
      }
      reviews.add(
          new Review(
              "",
              brand,
              model,
              Optional.of(issue),
              people.get(next++),
              Clock.afterRelease(model.released(), dice).toLocalDate(),
              rating,
              dice.pick(pools.reviewTitles().get(rating >= 3 ? "ok" : "bad")),
              body,
              dice.between(0, 40),
              dice.chance(0.8)));
    }
    // Each praising text once per product: specific ones first, then short generic ones.
    List<String> praise = new ArrayList<>(dice.shuffled(pools.praise().get(model.type())));
    praise.addAll(dice.shuffled(pools.genericPraise()));
    int happy = Math.min(dice.between(5, 9), praise.size());
    for (int i = 0; i < happy; i++) {
      String body = praise.get(i);
      String aside = dice.pick(pools.reviewAsides());
      if (!aside.isEmpty() && dice.chance(0.6)) body = body + " " + aside;
      if (dice.chance(0.2)) body = Spelling.casual(body, dice, pools);
      int rating = dice.pick(HAPPY_RATINGS);
      reviews.add(
          new Review(
              "",
              brand,
              model,
              Optional.empty(),
              people.get(next++),
              Clock.afterRelease(model.released(), dice).toLocalDate(),
              rating,
              dice.pick(pools.reviewTitles().get(rating >= 4 ? "good" : "ok")),
              body,
              dice.between(0, 25),
              dice.chance(0.85)));
    }
    reviews.sort(Comparator.comparing(Review::date).reversed().thenComparing(Review::author));
    return reviews;
  }
}
