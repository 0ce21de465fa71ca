package io.fixfinder.crawler.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.Chapter;
import org.junit.jupiter.api.Test;

class ChaptersTest {
  @Test
  void timestampsBecomeDeepLinks() {
    String description =
        "Fixing the E18.\n0:00 Intro\n0:45 Remove the kickplate\n2:10 - Drain the water\n1:02:03 Reassembly\nthanks for watching";
    assertThat(Chapters.parse(description, "https://www.youtube.com/watch?v=abc"))
        .containsExactly(
            new Chapter(0, "Intro", "https://www.youtube.com/watch?v=abc&t=0s"),
            new Chapter(45, "Remove the kickplate", "https://www.youtube.com/watch?v=abc&t=45s"),
            new Chapter(130, "Drain the water", "https://www.youtube.com/watch?v=abc&t=130s"),
            new Chapter(3723, "Reassembly", "https://www.youtube.com/watch?v=abc&t=3723s"));
  }

  @Test
  void backwardsAndInvalidTimesAreIgnored() {
    assertThat(Chapters.parse("1:00 a\n0:30 b\n1:75 c\n2:00 d", "u"))
        .extracting(Chapter::startSeconds)
        .containsExactly(60, 120);
    assertThat(Chapters.parse("", "u")).isEmpty();
  }
}
