package io.fixfinder.core.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** What only one kind of source has. Serialised with a {@code "form"} discriminator. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "form")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Details.None.class, name = "none"),
  @JsonSubTypes.Type(value = Details.Thread.class, name = "thread"),
  @JsonSubTypes.Type(value = Details.ManualSection.class, name = "manual-section"),
  @JsonSubTypes.Type(value = Details.Video.class, name = "video"),
  @JsonSubTypes.Type(value = Details.Review.class, name = "review"),
  @JsonSubTypes.Type(value = Details.Product.class, name = "product"),
  @JsonSubTypes.Type(value = Details.RepairReport.class, name = "repair-report")
})
public sealed interface Details {

  record None() implements Details {}

  /** A forum thread; {@code acceptedAnswer} is empty when nobody's answer was accepted. */
  record Thread(
      String question,
      int questionVotes,
      int answerCount,
      String acceptedAnswer,
      int acceptedVotes,
      int topVotes)
      implements Details {
    public boolean hasAcceptedAnswer() {
      return !acceptedAnswer.isEmpty();
    }
  }

  /**
   * A manual section or one troubleshooting-table row. For a PDF row {@code manualUrl} is the PDF
   * and {@code page} its 1-based page; for HTML, page is 0.
   */
  record ManualSection(
      String manualUrl, String manualTitle, int page, String problem, String cause, String remedy)
      implements Details {}

  record Video(
      String videoId,
      String channel,
      int durationSeconds,
      long views,
      long likes,
      List<Chapter> chapters)
      implements Details {
    public Video {
      chapters = List.copyOf(chapters);
    }
  }

  /** One review; the rating is the source's own, on its own scale. */
  record Review(double rating, double bestRating, String author, String productName)
      implements Details {}

  /** A product page; the aggregate rating is labelled by the site that published it. */
  record Product(String name, String sku, double ratingValue, int reviewCount, String ratingSource)
      implements Details {}

  /** A community repair report (Open Repair Data): outcome is Fixed, Repairable or End of life. */
  record RepairReport(String outcome, String category, int year, String country, String group)
      implements Details {}
}
