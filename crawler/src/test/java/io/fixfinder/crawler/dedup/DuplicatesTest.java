package io.fixfinder.crawler.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.records.RecordLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

  // A hand-written guide family of our own: the intro, tools and first steps every guide of the
  // device shares, then the steps that make each guide what it is.
  static final String SHARED =
      "This guide covers the Aqualine WM-8420X washing machine. Unplug the machine and turn off the"
          + " water supply before you start.\nTools: Phillips #2 screwdriver, spudger, towel\n"
          + "1. Remove the two screws at the back edge of the top panel and slide the panel backwards"
          + " about two centimetres, then lift it off and set it aside.\n"
          + "2. Pull the detergent drawer out until it stops, press the release tab in the middle and"
          + " take the drawer out completely so the front panel screws become visible.\n";

  static final String PUMP_STEPS =
      "3. Tilt the machine back against a wall and locate the drain pump behind the lower kick plate"
          + " on the left hand side of the cabinet.\n"
          + "4. Squeeze the hose clamps with pliers, pull both hoses off the pump body and unscrew the"
          + " three hex screws that hold the pump to the base frame.\n";

  static final String BELT_STEPS =
      "3. Look into the back of the cabinet: the drive belt runs around the large drum pulley and"
          + " the small motor pulley at the bottom.\n"
          + "4. Pull the old belt towards you while turning the drum pulley by hand until the belt"
          + " rolls off, then fit the new belt on the motor pulley first.\n";

  static SourceDoc guide(String url, String site, String title, String text) {
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        SourceKind.MANUAL,
        site,
        title,
        text,
        null,
        null,
        null,
        true,
        null,
        null);
  }

  @Test
  void siblingGuidesThatShareIntroToolsAndFirstStepsStaySeparate() {
    Duplicates d = new Duplicates();
    assertThat(
            d.check(
                guide(
                    "http://g/pump", "g", "WM-8420X Drain Pump Replacement", SHARED + PUMP_STEPS)))
        .isEmpty();
    assertThat(
            d.check(
                guide(
                    "http://g/belt", "g", "WM-8420X Drive Belt Replacement", SHARED + BELT_STEPS)))
        .as("another guide of the same device")
        .isEmpty();
    assertThat(d.check(guide("http://g/top", "g", "WM-8420X Top Panel Removal", SHARED)))
        .as("a guide whose steps are all the first steps of another")
        .isEmpty();
  }

  @Test
  void underOneTitleAGuideWithStepsOfItsOwnIsStillAnotherDocument() {
    Duplicates d = new Duplicates();
    d.check(guide("http://q/1", "q", "Aqualine WM-8420X", SHARED + PUMP_STEPS));
    assertThat(d.check(guide("http://q/2", "q", "Aqualine WM-8420X", SHARED + BELT_STEPS)))
        .isEmpty();
  }

  @Test
  void aSyndicatedCopyUnderAnotherSitesTitleSuffixAndChromeIsTheSameDocument() {
    Duplicates d = new Duplicates();
    String original =
        "Guides > Washing machines\n" + SHARED + PUMP_STEPS + "Was this guide helpful? Yes No";
    d.check(guide("http://g/pump", "g", "WM-8420X Drain Pump Replacement", original));
    // The syndicating site titles every article "... - FixHub": learned from its other pages.
    for (int i = 0; i < 3; i++)
      d.check(
          guide(
              "http://fixhub/other/" + i,
              "fixhub",
              "Unrelated article " + i + " - FixHub",
              THREAD.replace("E18", "E" + (20 + i)) + " Article number " + i + " of the series."));
    String copy =
        "Home / Repair\nPublished 2021-04-02 by the FixHub team\n"
            + (SHARED + PUMP_STEPS)
                .replace("before you start.", "first, and keep a towel at hand.")
                .replaceAll("\\n(\\d)\\. ", " Step $1: ")
            + "\nLeave a reply. Your email address will not be published.";
    assertThat(
            d.check(
                guide(
                    "http://fixhub/a/9",
                    "fixhub",
                    "WM-8420X Drain Pump Replacement - FixHub",
                    copy)))
        .contains(SourceDoc.idFor("http://g/pump"));
  }

  @Test
  void seedingFromTheStoredRecordsGivesTheDecisionsOfAnUninterruptedCrawl() {
    List<SourceDoc> crawl = new java.util.ArrayList<>();
    String[] titles = {"Drain Pump Replacement", "Drive Belt Replacement", "Top Panel Removal"};
    String[] steps = {PUMP_STEPS, BELT_STEPS, ""};
    for (int i = 0; i < 3; i++)
      crawl.add(guide("http://g/" + i, "g", "WM-8420X " + titles[i], SHARED + steps[i]));
    for (int i = 0; i < 3; i++)
      crawl.add(
          guide(
              "http://m/" + i,
              "m",
              "WM-8420X " + titles[i],
              "Mirror of the guide site\n" + SHARED + steps[i]));
    Duplicates uninterrupted = new Duplicates();
    List<Optional<String>> expected = crawl.stream().map(uninterrupted::check).toList();
    assertThat(expected.subList(3, 6)).allMatch(Optional::isPresent);

    for (int cut = 0; cut <= crawl.size(); cut++) {
      Duplicates first = new Duplicates();
      List<SourceDoc> stored = new java.util.ArrayList<>();
      for (SourceDoc doc : crawl.subList(0, cut)) if (first.check(doc).isEmpty()) stored.add(doc);
      Duplicates resumed = new Duplicates();
      resumed.seed(stored);
      for (int i = cut; i < crawl.size(); i++)
        assertThat(resumed.check(crawl.get(i)))
            .as("resumed after %d, page %d", cut, i)
            .isEqualTo(expected.get(i));
    }
  }

  @Test
  void aRecrawlWithChangedTextReplacesTheRecordInsteadOfMatchingItself() {
    Duplicates d = new Duplicates();
    assertThat(d.check(guide("http://g/pump", "g", "Pump", SHARED + PUMP_STEPS))).isEmpty();
    assertThat(d.check(guide("http://g/pump", "g", "Pump", SHARED + PUMP_STEPS + "5. Test it.")))
        .isEmpty();
    assertThat(d.check(guide("http://m/pump", "m", "Pump", SHARED + PUMP_STEPS + "5. Test it.")))
        .contains(SourceDoc.idFor("http://g/pump"));
  }

  @Test
  void simHashOfEmptyTextIsZero() {
    assertThat(SimHash.of("")).isZero();
    assertThat(List.of(SimHash.of("a b"), SimHash.of("a b"))).containsOnly(SimHash.of("a b"));
  }
}
