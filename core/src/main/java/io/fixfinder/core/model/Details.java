package io.fixfinder.core.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
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

  /**
   * A forum thread. {@code acceptedAnswer} is empty when nobody's answer was accepted; then {@code
   * bestAnswer} is the reply a reader should see first (most votes, the earliest on a tie), empty
   * when there is no reply or an answer was accepted. Authors are empty and {@code questionDate} is
   * {@link Instant#EPOCH} when the page does not say. Records written before the author, date and
   * best-answer components existed read with those empty.
   */
  record Thread(
      String question,
      int questionVotes,
      int answerCount,
      String acceptedAnswer,
      int acceptedVotes,
      int topVotes,
      String questionAuthor,
      Instant questionDate,
      String acceptedAuthor,
      String bestAnswer,
      int bestVotes,
      String bestAuthor)
      implements Details {
    /** Absent components of an older record arrive as null; they mean "not known". */
    public Thread {
      question = question == null ? "" : question;
      acceptedAnswer = acceptedAnswer == null ? "" : acceptedAnswer;
      questionAuthor = questionAuthor == null ? "" : questionAuthor;
      questionDate = questionDate == null ? Instant.EPOCH : questionDate;
      acceptedAuthor = acceptedAuthor == null ? "" : acceptedAuthor;
      bestAnswer = bestAnswer == null ? "" : bestAnswer;
      bestAuthor = bestAuthor == null ? "" : bestAuthor;
    }

    /** The thread as structured data without authors, dates or a best reply describes it. */
    public Thread(
        String question,
        int questionVotes,
        int answerCount,
        String acceptedAnswer,
        int acceptedVotes,
        int topVotes) {
      this(
          question,
          questionVotes,
          answerCount,
          acceptedAnswer,
          acceptedVotes,
          topVotes,
          "",
          Instant.EPOCH,
          "",
          "",
          0,
          "");
    }

    public boolean hasAcceptedAnswer() {
      return !acceptedAnswer.isEmpty();
    }

    /** The accepted answer, else the best reply; empty when the question has no reply. */
    public String answerToShow() {
      return hasAcceptedAnswer() ? acceptedAnswer : bestAnswer;
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
