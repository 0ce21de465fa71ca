package io.fixfinder.crawler.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.records.RecordLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicatesTest {
  @TempDir Path dir;

  static final String THREAD =
      "My Aqualine WM-8420X stopped draining last night and shows E18 on the display. The drum is full of"
          + " water and the clothes are soaked. I already checked the hose behind the machine and it is not kinked."
          + " Reply: unplug it, put towels down, open the flap at the bottom left, unscrew the pump filter slowly"
          + " and let the water out into a baking tray. Mine had a coin and a hair tie in it. That fixed it.";

  static SourceDoc doc(String url, String text) {
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        SourceKind.FORUM,
        "s",
        "t",
        text,
        null,
        null,
        null,
        false,
        null,
        null);
  }

  @Test
  void exactCopyOnAnotherSiteIsTheSameDocument() {
    Duplicates d = new Duplicates();
    assertThat(d.check(doc("http://a/t/1", THREAD))).isEmpty();
    assertThat(d.check(doc("http://mirror/t/9", THREAD))).contains(SourceDoc.idFor("http://a/t/1"));
  }

  @Test
  void nearCopyWithOneWordChangedIsTheSameDocument() {
    Duplicates d = new Duplicates();
    d.check(doc("http://a/t/1", THREAD));
    String edited = THREAD.replace("baking tray", "roasting tray");
    assertThat(d.check(doc("http://b/x", edited))).contains(SourceDoc.idFor("http://a/t/1"));
  }

  @Test
  void differentTextsAndTheSameUrlAreNotDuplicates() {
    Duplicates d = new Duplicates();
    d.check(doc("http://a/t/1", THREAD));
    assertThat(d.check(doc("http://a/t/1", THREAD))).as("a recrawl of the same URL").isEmpty();
    Random random = new Random(7);
    StringBuilder other = new StringBuilder();
    String[] words = THREAD.split(" ");
    for (int i = 0; i < 60; i++) other.append(words[random.nextInt(words.length)]).append(' ');
    assertThat(d.check(doc("http://c/1", other.toString()))).isEmpty();
    assertThat(d.check(doc("http://c/2", "Page not found"))).isEmpty();
    assertThat(d.check(doc("http://c/3", "Page not found"))).as("too short to judge").isEmpty();
  }

  @Test
  void aliasesBecomeAlsoAtOnRead() throws Exception {
    Path file = dir.resolve("r.jsonl");
    try (RecordLog log = RecordLog.openForAppend(file)) {
      log.put(doc("http://a/t/1", THREAD));
      log.alias(SourceDoc.idFor("http://a/t/1"), "http://mirror/t/9");
      log.put(doc("http://a/t/1", THREAD + " Edit: still fine a week later."));
    }
    SourceDoc read = RecordLog.read(file).docs().get(SourceDoc.idFor("http://a/t/1"));
    assertThat(read.alsoAt()).containsExactly("http://mirror/t/9");
    assertThat(read.text()).endsWith("a week later.");
  }

  @Test
  void theSameTextAboutAnotherModelIsAnotherDocument() {
    Duplicates d = new Duplicates();
    SourceDoc a =
        new SourceDoc(
            "a",
            "http://m/a.pdf#row=1",
            SourceKind.MANUAL,
            "s",
            "WM-8420X manual",
            THREAD,
            new io.fixfinder.core.model.ProductRef("washing-machine", "Aqualine", "WM-8420X"),
            null,
            null,
            true,
            null,
            null);
    SourceDoc b =
        new SourceDoc(
            "b",
            "http://m/b.pdf#row=1",
            SourceKind.MANUAL,
            "s",
            "WM-8420X manual",
            THREAD,
            new io.fixfinder.core.model.ProductRef("washing-machine", "Aqualine", "WM-6210"),
            null,
            null,
            true,
            null,
            null);
    assertThat(d.check(a)).isEmpty();
    assertThat(d.check(b)).isEmpty();
  }

  @Test
  void simHashOfEmptyTextIsZero() {
    assertThat(SimHash.of("")).isZero();
    assertThat(List.of(SimHash.of("a b"), SimHash.of("a b"))).containsOnly(SimHash.of("a b"));
  }
}
