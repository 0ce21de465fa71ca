package io.fixfinder.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DetailsThreadJsonTest {
  @Test
  void aThreadWrittenBeforeAuthorsAndDatesStillReads() throws Exception {
    // The shape records.jsonl lines had before the author, date and best-answer components.
    String old =
        """
        {"form":"thread","question":"Dryer runs but no heat","questionVotes":3,"answerCount":2,
         "acceptedAnswer":"Replace the thermal fuse","acceptedVotes":7,"topVotes":7}""";
    Details read = Json.mapper().readValue(old, Details.class);
    assertThat(read)
        .isEqualTo(
            new Details.Thread("Dryer runs but no heat", 3, 2, "Replace the thermal fuse", 7, 7));
    Details.Thread thread = (Details.Thread) read;
    assertThat(thread.questionAuthor()).isEmpty();
    assertThat(thread.questionDate()).isEqualTo(Instant.EPOCH);
    assertThat(thread.bestAnswer()).isEmpty();
    assertThat(thread.answerToShow()).isEqualTo("Replace the thermal fuse");
  }

  @Test
  void everyNewComponentRoundTrips() throws Exception {
    Details thread =
        new Details.Thread(
            "Phone reboots on 5G",
            1,
            3,
            "",
            0,
            9,
            "kim",
            Instant.parse("2025-03-04T10:12:00Z"),
            "",
            "Turn off VoLTE, then update the modem firmware",
            9,
            "ana");
    String json = Json.mapper().writeValueAsString(thread);
    assertThat(json).contains("\"questionDate\":\"2025-03-04T10:12:00Z\"");
    assertThat(Json.mapper().readValue(json, Details.class)).isEqualTo(thread);
    assertThat(((Details.Thread) thread).answerToShow()).startsWith("Turn off VoLTE");
  }
}
