package io.fixfinder.demo;

import io.fixfinder.demo.Catalogue.Channel;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** A repair video as the fake YouTube API will publish it. */
record Video(
    String id,
    Optional<Issue> issue,
    Channel channel,
    String title,
    String description,
    List<String> tags,
    LocalDateTime published,
    int seconds,
    long views,
    long likes,
    long comments) {

  /** ISO 8601 duration as the API writes it: PT8M31S, PT1H2M5S, PT45S. */
  String duration() {
    int h = seconds / 3600, m = seconds % 3600 / 60, s = seconds % 60;
    return "PT"
        + (h > 0 ? h + "H" : "")
        + (m > 0 ? m + "M" : "")
        + (s > 0 || seconds == 0 ? s + "S" : "");
  }
}
