package io.fixfinder.demo;

import io.fixfinder.demo.Catalogue.Brand;
import io.fixfinder.demo.Catalogue.Model;
import java.time.LocalDate;
import java.util.Optional;

/** A customer review; {@code issue} is the fault it reports, if any. */
record Review(
    String id,
    Brand brand,
    Model model,
    Optional<Issue> issue,
    String author,
    LocalDate date,
    int rating,
    String title,
    String body,
    int helpful,
    boolean verified) {

  Review withId(String newId) {
    return new Review(
        newId, brand, model, issue, author, date, rating, title, body, helpful, verified);
  }
}
