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
  @JsonSubTypes.Type(value = Details.RepairReport.class, name = "repair-report"),
  @JsonSubTypes.Type(value = Details.Guide.class, name = "guide")
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

  /**
   * A step-by-step repair guide (schema.org {@code HowTo}, or a plain page with a clear step list).
   * Durations are whole seconds, 0 when the page does not say; {@code difficulty} and {@code
   * estimatedCost} are as the page wrote them ("Moderate", "25 USD"), empty when it does not say.
   * Every component tolerates being absent from stored JSON.
   */
  record Guide(
      List<Step> steps,
      List<Item> tools,
      List<Item> supplies,
      List<Item> parts,
      String difficulty,
      long totalSeconds,
      long prepSeconds,
      long performSeconds,
      Device about,
      String estimatedCost)
      implements Details {
    public Guide {
      steps = steps == null ? List.of() : List.copyOf(steps);
      tools = tools == null ? List.of() : List.copyOf(tools);
      supplies = supplies == null ? List.of() : List.copyOf(supplies);
      parts = parts == null ? List.of() : List.copyOf(parts);
      difficulty = difficulty == null ? "" : difficulty;
      about = about == null ? Device.NONE : about;
      estimatedCost = estimatedCost == null ? "" : estimatedCost;
    }

    /**
     * One step in reading order: its own title (may be empty), its text, an image URL and the name
     * of the section it belongs to (both may be empty).
     */
    public record Step(String name, String text, String image, String section) {
      public Step {
        name = name == null ? "" : name;
        text = text == null ? "" : text;
        image = image == null ? "" : image;
        section = section == null ? "" : section;
      }
    }

    /** A tool, supply or part by name, with the quantity the page asked for (may be empty). */
    public record Item(String name, String quantity) {
      public Item {
        name = name == null ? "" : name;
        quantity = quantity == null ? "" : quantity;
      }
    }

    /** The device the guide is about, its fields as the page wrote them (each may be empty). */
    public record Device(String name, String brand, String model) {
      public static final Device NONE = new Device("", "", "");

      public Device {
        name = name == null ? "" : name;
        brand = brand == null ? "" : brand;
        model = model == null ? "" : model;
      }
    }

    /** Names of the tools, supplies and parts, in that order: what a user searches a guide by. */
    public List<String> equipmentNames() {
      List<String> names = new java.util.ArrayList<>();
      for (List<Item> items : List.of(tools, supplies, parts))
        for (Item i : items) if (!i.name().isBlank()) names.add(i.name());
      return names;
    }
  }
}
